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
            // Strokes down to the left at 45 degrees, as a right hand shades.
            cairo_new_path(cr.pointer)
            var x = box.minX - box.height
            while x < box.maxX {
                cairo_move_to(cr.pointer, x, box.maxY)
                cairo_line_to(cr.pointer, x + box.height, box.minY)
                x += 3.2 * unit
            }
            stroke(cr, color, width: pen)
        case .lines:
            cairo_new_path(cr.pointer)
            for i in 1...3 {
                let y = box.minY + box.height * Double(i) / 4
                cairo_move_to(cr.pointer, box.minX, y)
                cairo_line_to(cr.pointer, box.maxX, y)
            }
            stroke(cr, color, width: pen)
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
            stroke(cr, color, width: pen)
        }
    }

    private static func stroke(_ cr: CairoContext, _ color: Color, width: Double) {
        cr.setColor(color)
        cairo_set_line_width(cr.pointer, width)
        cairo_stroke(cr.pointer)
    }
}
