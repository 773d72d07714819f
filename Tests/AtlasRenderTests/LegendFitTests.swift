import AtlasModel
@testable import AtlasRender
import Testing

/// Review 17:40 item 6: legend lines ran off the picture's right edge ("...semitendinosus
/// tendon and bones gre"). Every legend line, as `LegendDrawer` places and wraps it, must end
/// inside its frame and the picture, for every pattern's render (the CLI's default views and
/// width, and one narrow single view) and every figure.
@Suite("Legend lines fit the picture")
struct LegendFitTests {
    static let atlas = try! RenderTestAtlas.load()

    func check(_ scene: Scene, _ name: String) throws {
        let legend = try #require(scene.legend, "\(name) has a legend")
        let cr = try CairoContext(try CairoSurface.image(width: 1, height: 1))
        let drawer = LegendDrawer(cr: cr, style: scene.style, text: TextRenderer(context: cr, family: scene.style.fontFamily))
        let measure = try TextMeasurer(fontFamily: scene.style.fontFamily)
        for line in drawer.texts(legend) {
            let box = measure.box(of: line)
            #expect(box.maxX <= Double(scene.width), "\(name): '\(line.text)' ends at \(Int(box.maxX)) px, past the picture's edge \(scene.width)")
            #expect(box.maxX <= legend.frame.maxX + 1, "\(name): '\(line.text)' ends at \(Int(box.maxX)) px, past the legend's edge \(Int(legend.frame.maxX))")
        }
    }

    @Test func everyPatternRenderKeepsItsLegendInside() throws {
        for pattern in Self.atlas.patterns {
            let views = ViewID.withSoles.filter(Set(pattern.bodyViews(side: .right)).contains)
            var request = ChartRequest(kind: .render, views: views)
            request.patterns = [pattern]
            request.width = views.count > 1 ? 600 * views.count : 1200
            try check(try ChartBuilder.scene(request, atlas: Self.atlas), "\(pattern.id) render")
            var narrow = ChartRequest(kind: .render, views: [try #require(views.first)])
            narrow.patterns = [pattern]
            narrow.width = 700
            try check(try ChartBuilder.scene(narrow, atlas: Self.atlas), "\(pattern.id) render, one view at 700 px")
        }
    }

    @Test func everyFigureKeepsItsLegendInside() throws {
        for figure in Self.atlas.figures where figure.legend {
            for width in [800, 1200] {
                try check(try FigureBuilder.scene(figure, width: width, atlas: Self.atlas), "figure \(figure.id) at \(width) px")
            }
        }
    }

    /// The back view's anatomy calls the band "iliotibial tract", the others "iliotibial
    /// band": the legend names the structure once.
    @Test func theIliotibialBandIsNamedOnce() throws {
        let figure = try #require(Self.atlas.figure("gluteal-referral-patterns"))
        let scene = try FigureBuilder.scene(figure, width: 1200, atlas: Self.atlas)
        let anatomy = try #require(scene.legend?.entries.first { $0.symbol == .anatomy }).text
        #expect(anatomy.contains("iliotibial band") && !anatomy.contains("iliotibial tract"), "\(anatomy)")
    }
}
