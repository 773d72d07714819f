import AtlasModel
import CCairo
import Foundation

/// A blank chart key's swatch: the feeling's pattern drawn in its pen's colour, as a patient
/// would draw it, so that the key reads in greyscale and without telling colours apart.
enum PenSwatch {
    /// Draws `pattern` over `box` (pixels); the caller clips. `unit` is a fourteenth of the text size.
    static func draw(_ cr: CairoContext, _ pattern: PenPattern, color: Color, box: Rect, unit: Double) {
        let pen = max(1, 1.6 * unit)
        switch pattern {
        case .shade:
            // Shaded in: strokes so close that the area reads as filled.
            cr.fill(BezierPath([.move(Point(box.minX, box.minY)), .line(Point(box.maxX, box.minY)), .line(Point(box.maxX, box.maxY)),
                                .line(Point(box.minX, box.maxY)), .close]), color.with(alpha: 0.35), { $0 })
            Texture.hatch(cr, box: box, angleDegrees: 45, spacing: 3.2 * unit, width: pen, color: color)
        case .lines:
            Texture.hatch(cr, box: box, angleDegrees: 0, spacing: box.height / 3, width: pen, color: color)
        case .circles:
            cairo_new_path(cr.pointer)
            let r = box.height * 0.17
            let columns = max(1, Int((box.width / (r * 3.2)).rounded(.down)))
            let step = box.width / Double(columns)
            for row in 0..<2 {
                for column in 0..<columns {
                    let x = box.minX + step * (Double(column) + (row == 0 ? 0.35 : 0.85))
                    let y = box.minY + box.height * (row == 0 ? 0.3 : 0.72)
                    cairo_new_sub_path(cr.pointer)
                    cairo_arc(cr.pointer, x, y, r, 0, 2 * Double.pi)
                }
            }
            cr.setColor(color)
            cairo_set_line_width(cr.pointer, pen)
            cairo_stroke(cr.pointer)
        }
    }
}
