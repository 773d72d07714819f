import Foundation
import AtlasModel
import CCairo

extension CairoContext {
    /// Appends `path` to the current Cairo path, mapping each point through `transform`.
    func append(_ path: BezierPath, _ transform: (Point) -> Point) {
        let cr = pointer
        for element in path.elements {
            switch element {
            case .move(let p):
                let q = transform(p); cairo_move_to(cr, q.x, q.y)
            case .line(let p):
                let q = transform(p); cairo_line_to(cr, q.x, q.y)
            case .curve(let a, let b, let c):
                let qa = transform(a), qb = transform(b), qc = transform(c)
                cairo_curve_to(cr, qa.x, qa.y, qb.x, qb.y, qc.x, qc.y)
            case .close:
                cairo_close_path(cr)
            }
        }
    }

    func setColor(_ c: Color) { cairo_set_source_rgba(pointer, c.r, c.g, c.b, c.a) }

    func fill(_ path: BezierPath, _ color: Color, _ transform: (Point) -> Point) {
        cairo_new_path(pointer)
        append(path, transform)
        setColor(color)
        cairo_fill(pointer)
    }

    func stroke(_ path: BezierPath, _ color: Color, width: Double, dash: [Double] = [], _ transform: (Point) -> Point) {
        cairo_new_path(pointer)
        append(path, transform)
        setColor(color)
        cairo_set_line_width(pointer, width)
        cairo_set_line_join(pointer, CAIRO_LINE_JOIN_ROUND)
        // Round caps would fill the gaps of a dash pattern.
        cairo_set_line_cap(pointer, dash.isEmpty ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
        cairo_set_dash(pointer, dash, Int32(dash.count), 0)
        cairo_stroke(pointer)
        cairo_set_dash(pointer, nil, 0, 0)
    }

    /// Runs `body` with drawing clipped to `path`.
    func clipped(to path: BezierPath, _ transform: (Point) -> Point, _ body: () -> Void) {
        cairo_save(pointer)
        cairo_new_path(pointer)
        append(path, transform)
        cairo_clip(pointer)
        body()
        cairo_restore(pointer)
    }
}
