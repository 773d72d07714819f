import Foundation
import AtlasModel
import CCairo

/// A disc's somatic referred pain is a diffuse field, not a mapped area with a border
/// (clinical-facts-addendum sec. 3): its zones are drawn with a feathered edge, the core in
/// the essential colour and the area it reaches when stronger in a paler tone, never with a
/// trigger-point map's hard outline or stipple.
extension SceneDrawer {
    /// How far the edge fades, in atlas millimetres: half inside the outline, half outside.
    static let diffuseFeatherMM = 18.0
    /// The deepest tone of the core and of the paler "when stronger" area.
    static let diffuseCoreAlpha = 0.88
    static let diffuseSomeAlpha = 0.38

    func drawDiffuseZones(_ pattern: PlacedPattern, scale s: Double, _ t: (Point) -> Point) {
        let zones = ZoneUnion.merged(pattern.zones)
        // The paler area first, so the core lies over it where they meet.
        for zone in zones.filter({ $0.kind == .spillover }) + zones.filter({ $0.kind != .spillover }) {
            let alpha = zone.kind == .spillover ? Self.diffuseSomeAlpha : Self.diffuseCoreAlpha
            cr.featherFill(zone.path, style.essential.with(alpha: 1), alpha: alpha, feather: Self.diffuseFeatherMM * s, t)
        }
    }
}

extension CairoContext {
    /// A vector surface (SVG, PDF): one where a DEST_OUT cut becomes a fallback image.
    var drawsVector: Bool {
        let kind = cairo_surface_get_type(surface.pointer)
        return kind == CAIRO_SURFACE_TYPE_SVG || kind == CAIRO_SURFACE_TYPE_PDF
    }

    /// Fills `path` with a soft edge `feather` pixels wide centred on its outline: the shape
    /// is painted in `steps` layers, from grown by half the feather to shrunk by half, each
    /// faint, so the tone rises smoothly across the edge to `alpha` inside.
    func featherFill(_ path: BezierPath, _ color: Color, alpha: Double, feather: Double, steps: Int = 10,
                     _ transform: (Point) -> Point) {
        let layer = 1 - pow(1 - min(max(alpha, 0), 0.999), 1 / Double(steps))
        // SVG and PDF cannot cut with DEST_OUT without embedding fallback images (an SVG disc
        // plate took 14 s and 2.7 MB; a PDF drew the field as 25 image tiles whose seams show
        // when zoomed), so there the layers only grow and stay vector: the fade runs from half
        // the feather outside the outline to the outline itself.
        let grownOnly = drawsVector
        for i in 0..<steps {
            let fraction = (Double(i) + 0.5) / Double(steps)
            let offset = grownOnly ? feather / 2 * (1 - fraction) : feather / 2 * (1 - 2 * fraction)
            cairo_push_group(pointer)
            cairo_new_path(pointer)
            append(path, transform)
            setColor(color)
            cairo_fill_preserve(pointer)
            cairo_set_line_width(pointer, 2 * abs(offset))
            cairo_set_line_join(pointer, CAIRO_LINE_JOIN_ROUND)
            // Grown: the stroke adds a rim outside; shrunk: it cuts the rim away inside.
            if offset < 0 { cairo_set_operator(pointer, CAIRO_OPERATOR_DEST_OUT) }
            cairo_stroke(pointer)
            cairo_set_operator(pointer, CAIRO_OPERATOR_OVER)
            cairo_pop_group_to_source(pointer)
            cairo_paint_with_alpha(pointer, layer)
        }
    }
}
