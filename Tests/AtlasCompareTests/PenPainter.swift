import AtlasEvaluation
import AtlasModel
import AtlasRender

/// Pain drawings as a patient makes them on paper: a pen or pencil hatching a zone with
/// thin diagonal strokes and white paper between them, as pain-drawing readers see them.
enum PenPainter {
    enum Pen {
        case ballpoint(Color)
        /// Grey graphite that skips on the paper's tooth.
        case pencil

        static let red = Pen.ballpoint(Color(0.80, 0.10, 0.12))
        static let blue = Pen.ballpoint(Color(0.12, 0.20, 0.62))
        static let green = Pen.ballpoint(Color(0.10, 0.50, 0.22))
        static let black = Pen.ballpoint(Color(0.08, 0.08, 0.10))
    }

    /// Hatches the zones of `kinds` of a pattern on one side, in every panel that shows it:
    /// strokes `spacing` page millimetres apart, 0.6 mm wide, wobbling and overshooting a
    /// little, as a hand does. `pixelsPerMillimetre` is the sheet's page resolution.
    static func hatch(_ sheet: inout DrawingPainter.Sheet, _ id: String, side: Side, pen: Pen, spacing: Double = 3,
                      pixelsPerMillimetre: Double, kinds: Set<ZoneKind> = [.essential, .radicular], seed: UInt64 = 1) throws {
        guard let pattern = DrawingPainter.atlas.pattern(id) else { throw PainterError.unknownPattern(id) }
        var random = SeededRandom(seed: seed)
        let radius = max(0.8, 0.3 * pixelsPerMillimetre)
        let step = spacing * pixelsPerMillimetre
        for panel in sheet.panels {
            guard let mask = try DrawingPainter.zoneMask(pattern, side: side, kinds: kinds, panel: panel, sheet: sheet) else { continue }
            // Diagonal strokes (down to the right at 45 degrees): walk lines x - y = c.
            var c = -Double(mask.height) + Double(random.next(below: Int(step)))
            while c < Double(mask.width) {
                var inside: [Point] = []
                for y in 0..<mask.height {
                    let x = Int((c + Double(y)).rounded())
                    if x >= 0, x < mask.width, mask[x, y] >= 128 { inside.append(Point(Double(x), Double(y))) }
                }
                if let first = inside.first, let last = inside.last {
                    let overshoot = step * 0.3 * random.unit()
                    let wobble = step * 0.25 * (random.unit() - 0.5)
                    stroke(&sheet.image, from: first + Point(-overshoot, -overshoot + wobble),
                           to: last + Point(overshoot, overshoot - wobble), radius: radius, pen: pen, random: &random)
                }
                c += step * (0.85 + 0.3 * random.unit())
            }
        }
    }

    static func stroke(_ image: inout RGBAImage, from a: Point, to b: Point, radius: Double, pen: Pen, random: inout SeededRandom) {
        let steps = max(1, Int(a.distance(to: b) / max(0.5, radius / 2)))
        for i in 0...steps {
            let at = a.lerp(to: b, Double(i) / Double(steps))
            switch pen {
            case .ballpoint(let color):
                DrawingPainter.dab(&image, at: at, radius: radius, color: color)
            case .pencil:
                // Graphite: mid grey, leaving gaps where the lead skips.
                guard random.unit() < 0.8 else { continue }
                let grey = 0.35 + 0.2 * random.unit()
                DrawingPainter.dab(&image, at: at, radius: radius, color: Color(grey, grey, grey))
            }
        }
    }
}
