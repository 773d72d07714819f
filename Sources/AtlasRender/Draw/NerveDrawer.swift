import AtlasModel
import CCairo

/// Draws a pattern's nerve paths. A deep stretch is a pale cord with dashed edges (the
/// usual drawing of a hidden structure), continuous along its length, so that it never reads
/// as the rungs of a ladder; a superficial stretch is the full-coloured cord with a slim dark
/// edge. Both are the same width and end square, so that where one meets the other the nerve
/// reads as one cord, not as a rounded capsule between dashes (review, problem 1).
struct NerveDrawer {
    let cr: CairoContext
    let style: Style

    /// The superficial edge, as a share of the style's edge width: a slim rim, not an outline.
    private static let edgeShare = 0.55
    /// How much of the nerve's colour a deep stretch keeps (the rest is white): pale, still the nerve.
    private static let deepTone = 0.6
    /// The whole deep stretch is seen through the muscle over it.
    private static let deepOpacity = 0.85

    /// The deep stretches, for drawing under the zones.
    func drawDeep(_ nerves: [Stroke], scale s: Double, _ t: (Point) -> Point) {
        for nerve in nerves where nerve.deep { drawDeep(nerve.path, width: style.nerveWidth * nerve.calibre.widthFactor, scale: s, t) }
    }

    /// One deep stretch `width` millimetres wide (also the legend's swatch).
    func drawDeep(_ path: BezierPath, width w: Double, scale s: Double, _ t: (Point) -> Point) {
        let edge = style.nerveEdgeWidth * Self.edgeShare
        let n = style.nerve
        let pale = Color(1 - (1 - n.r) * Self.deepTone, 1 - (1 - n.g) * Self.deepTone, 1 - (1 - n.b) * Self.deepTone)
        // Edges and core drawn as one group, the core covering the inner part of the dashed
        // edge stroke, then laid down at once: only the two dashed rims show.
        cairo_push_group(cr.pointer)
        stroke(path, style.nerveEdge.with(alpha: 0.8), width: (w + 2 * edge) * s, dash: [4 * s, 2.5 * s], t)
        stroke(path, pale, width: w * s, dash: [], t)
        cairo_pop_group_to_source(cr.pointer)
        cairo_paint_with_alpha(cr.pointer, Self.deepOpacity)
    }

    /// The superficial stretches (solid), over the zones.
    func drawSuperficial(_ nerves: [Stroke], scale s: Double, _ t: (Point) -> Point) {
        for nerve in nerves where !nerve.deep { drawSuperficial(nerve.path, width: style.nerveWidth * nerve.calibre.widthFactor, scale: s, t) }
    }

    /// One superficial stretch `width` millimetres wide (also the legend's swatch).
    func drawSuperficial(_ path: BezierPath, width w: Double, scale s: Double, _ t: (Point) -> Point) {
        stroke(path, style.nerveEdge, width: (w + 2 * style.nerveEdgeWidth * Self.edgeShare) * s, dash: [], t)
        stroke(path, style.nerve, width: w * s, dash: [], t)
    }

    /// A stroke with square (butt) ends, whether dashed or not.
    private func stroke(_ path: BezierPath, _ color: Color, width: Double, dash: [Double], _ t: (Point) -> Point) {
        cairo_new_path(cr.pointer)
        cr.append(path, t)
        cr.setColor(color)
        cairo_set_line_width(cr.pointer, width)
        cairo_set_line_join(cr.pointer, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr.pointer, CAIRO_LINE_CAP_BUTT)
        cairo_set_dash(cr.pointer, dash, Int32(dash.count), 0)
        cairo_stroke(cr.pointer)
        cairo_set_dash(cr.pointer, nil, 0, 0)
    }
}
