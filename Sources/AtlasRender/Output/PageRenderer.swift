import AtlasModel
import CCairo

/// Documents of several pages (a handout that needs a second page). A PDF gets one page
/// per scene; a picture format (PNG, JPEG, SVG) gets the pages one under another, parted by
/// a grey band, since a picture has no pages.
public enum PageRenderer {
    /// The grey band between stacked pages, in pixels of the first page.
    static func gap(_ pages: [Scene]) -> Int { max(4, Int(pages[0].dpi / 10)) }

    public static func render(_ pages: [Scene], as format: OutputFormat) throws(RenderError) -> [UInt8] {
        guard let first = pages.first else { throw RenderError.invalidRequest("a document needs at least one page") }
        guard pages.count > 1 else { return try SceneRenderer.render(first, as: format) }
        for page in pages { try page.checkDrawable(raster: false) }
        if format == .pdf {
            let points = 72 / first.dpi
            let surface = try CairoSurface.vector(.pdf, widthPoints: Double(first.width) * points, heightPoints: Double(first.height) * points)
            surface.setPDFTitle(first.title)
            do {
                let cr = try CairoContext(surface)
                for page in pages {
                    cairo_identity_matrix(cr.pointer)
                    cairo_scale(cr.pointer, 72 / page.dpi, 72 / page.dpi)
                    SceneDrawer(scene: page, cr: cr).draw()
                    cairo_show_page(cr.pointer)
                }
                try cr.checkStatus()
            }
            return try surface.finish()
        }
        return try SceneRenderer.render(stacked(pages), as: format)
    }

    /// One tall scene whose drawing is the pages one under another.
    static func stacked(_ pages: [Scene]) -> Scene {
        let gap = gap(pages)
        var scene = pages[0]
        scene.height = pages.map(\.height).reduce(0, +) + gap * (pages.count - 1)
        scene.width = pages.map(\.width).max() ?? scene.width
        scene.followingPages = Array(pages.dropFirst())
        return scene
    }
}

extension SceneDrawer {
    /// Draws the pages after the first of a stacked scene below it, each clipped to itself.
    func drawFollowingPages() {
        var top = Double(scene.height - scene.followingPages.map(\.height).reduce(0, +)
            - PageRenderer.gap([scene]) * scene.followingPages.count)
        for page in scene.followingPages {
            cairo_save(cr.pointer)
            cairo_set_source_rgb(cr.pointer, 0.82, 0.82, 0.82)
            cairo_rectangle(cr.pointer, 0, top, Double(scene.width), Double(PageRenderer.gap([scene])))
            cairo_fill(cr.pointer)
            top += Double(PageRenderer.gap([scene]))
            cairo_translate(cr.pointer, 0, top)
            cairo_rectangle(cr.pointer, 0, 0, Double(page.width), Double(page.height))
            cairo_clip(cr.pointer)
            SceneDrawer(scene: page, cr: cr).draw()
            cairo_restore(cr.pointer)
            top += Double(page.height)
        }
    }
}
