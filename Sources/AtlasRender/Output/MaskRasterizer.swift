import AtlasModel
import CCairo

/// Coverage of shapes on a pixel grid (0 outside, 255 fully inside), one byte per pixel.
public struct Mask: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var values: [UInt8]

    public init(width: Int, height: Int, values: [UInt8]) {
        self.width = width
        self.height = height
        self.values = values
    }

    public subscript(x: Int, y: Int) -> UInt8 { values[y * width + x] }

    /// Pixels with at least half coverage.
    public var count: Int { values.reduce(0) { $0 + ($1 >= 128 ? 1 : 0) } }
}

/// Rasterises atlas shapes with the renderer's own geometry (an A8 Cairo surface), so what
/// is compared is exactly what is drawn. The grid is the scene's pixel grid scaled by
/// `factor` (0.25: one mask pixel per 4 x 4 scene pixels).
public enum MaskRasterizer {
    /// The union of `paths` (atlas millimetres) placed as in `panel`, optionally clipped to
    /// the panel's body outline.
    public static func mask(of paths: [BezierPath], in panel: ScenePanel, sceneWidth: Int, sceneHeight: Int,
                            factor: Double, clipToBody: Bool = true) throws(RenderError) -> Mask {
        let width = max(1, Int((Double(sceneWidth) * factor).rounded(.up)))
        let height = max(1, Int((Double(sceneHeight) * factor).rounded(.up)))
        let surface = try CairoSurface.mask(width: width, height: height)
        let cr = try CairoContext(surface)
        let transform: (Point) -> Point = { p in
            let q = panel.toPixels(p)
            return Point(q.x * factor, q.y * factor)
        }
        if clipToBody {
            cr.append(panel.view.outline, transform)
            cairo_clip(cr.pointer)
        }
        cairo_set_source_rgba(cr.pointer, 0, 0, 0, 1)
        cairo_set_fill_rule(cr.pointer, CAIRO_FILL_RULE_WINDING)
        for path in paths {
            cairo_new_path(cr.pointer)
            cr.append(path, transform)
            cairo_fill(cr.pointer)
        }
        try cr.checkStatus()
        var values = [UInt8](repeating: 0, count: width * height)
        let stride = surface.stride
        surface.withPixels { data in
            for y in 0..<height {
                for x in 0..<width { values[y * width + x] = data[y * stride + x] }
            }
        }
        return Mask(width: width, height: height, values: values)
    }

    /// The body silhouette of a panel.
    public static func body(_ panel: ScenePanel, sceneWidth: Int, sceneHeight: Int, factor: Double) throws(RenderError) -> Mask {
        try mask(of: [panel.view.outline], in: panel, sceneWidth: sceneWidth, sceneHeight: sceneHeight, factor: factor, clipToBody: false)
    }
}
