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

/// Textures that carry meaning without colour: stipple dots and hatch lines, both anchored to
/// the page grid so neighbouring zones line up.
enum Texture {
    /// Dots on a staggered grid over `box`, `spacing` apart (pixels); the caller clips.
    static func stipple(_ cr: CairoContext, box: Rect, spacing: Double, radius: Double, color: Color) {
        cairo_new_path(cr.pointer)
        let rowHeight = spacing * 0.866
        var row = Int((box.minY / rowHeight).rounded(.down))
        var y = Double(row) * rowHeight
        while y <= box.maxY + rowHeight {
            let shift = row % 2 == 0 ? 0 : spacing / 2
            var x = (box.minX / spacing).rounded(.down) * spacing + shift - spacing
            while x <= box.maxX + spacing {
                cairo_new_sub_path(cr.pointer)
                cairo_arc(cr.pointer, x, y, radius, 0, 2 * Double.pi)
                x += spacing
            }
            y += rowHeight
            row += 1
        }
        cr.setColor(color)
        cairo_fill(cr.pointer)
    }

    /// A hatch style's texture: lines, crossed lines or dots; the caller clips.
    static func fill(_ cr: CairoContext, _ style: HatchStyle, box: Rect, spacing: Double, width: Double) {
        switch style.texture {
        case .lines:
            hatch(cr, box: box, angleDegrees: style.angleDegrees, spacing: spacing, width: width, color: style.color)
        case .crossed:
            hatch(cr, box: box, angleDegrees: style.angleDegrees, spacing: spacing * 1.3, width: width * 0.75, color: style.color)
            hatch(cr, box: box, angleDegrees: style.angleDegrees + 90, spacing: spacing * 1.3, width: width * 0.75, color: style.color)
        case .dots:
            stipple(cr, box: box, spacing: spacing * 0.9, radius: width * 0.7, color: style.color)
        }
    }

    /// Parallel lines across `box` at `angle` degrees, `spacing` apart (pixels); the caller clips.
    static func hatch(_ cr: CairoContext, box: Rect, angleDegrees: Double, spacing: Double, width: Double, color: Color) {
        let angle = angleDegrees * Double.pi / 180
        let direction = Point(cos(angle), -sin(angle))
        let normal = Point(-direction.y, direction.x)
        let corners = [Point(box.minX, box.minY), Point(box.maxX, box.minY), Point(box.minX, box.maxY), Point(box.maxX, box.maxY)]
        let offsets = corners.map { $0.x * normal.x + $0.y * normal.y }
        let along = corners.map { $0.x * direction.x + $0.y * direction.y }
        let low = (offsets.min()! / spacing).rounded(.down) * spacing
        let high = offsets.max()!
        let a0 = along.min()! - 1, a1 = along.max()! + 1
        cairo_new_path(cr.pointer)
        var d = low
        while d <= high {
            let start = normal * d + direction * a0
            let end = normal * d + direction * a1
            cairo_move_to(cr.pointer, start.x, start.y)
            cairo_line_to(cr.pointer, end.x, end.y)
            d += spacing
        }
        cr.setColor(color)
        cairo_set_line_width(cr.pointer, width)
        cairo_set_line_cap(cr.pointer, CAIRO_LINE_CAP_BUTT)
        cairo_stroke(cr.pointer)
    }
}
