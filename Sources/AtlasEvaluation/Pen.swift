import AtlasModel
import AtlasRender

/// A pen, marker or pencil as a patient holds it: its colour, line width and whether it
/// skips on the paper's tooth. Painted with its own capsule rasteriser: nothing here comes
/// from the comparison's masks.
public struct Pen: Sendable {
    public var color: Color
    /// Line width in page millimetres.
    public var width: Double
    /// Graphite: grey that leaves gaps where the lead skips.
    public var isPencil = false

    /// Reds a patient may pick up for pain: ballpoint, felt tip, marker, crayon-dark.
    static let reds = [Color(0.80, 0.10, 0.12), Color(0.86, 0.16, 0.16), Color(0.70, 0.06, 0.10), Color(0.93, 0.25, 0.20),
                       Color(0.78, 0.12, 0.25)]
    static let blues = [Color(0.12, 0.20, 0.62), Color(0.15, 0.35, 0.80)]
    static let greens = [Color(0.10, 0.50, 0.22), Color(0.15, 0.60, 0.30)]
    static let black = Color(0.08, 0.08, 0.10)

    /// Draws a line `from`-`to` (image pixels), `pixelsPerMillimetre` of page.
    func line(_ image: inout RGBAImage, from a: Point, to b: Point, pixelsPerMillimetre: Double, random: inout SeededRandom) {
        let radius = max(0.6, width * pixelsPerMillimetre / 2)
        let minX = max(0, Int((min(a.x, b.x) - radius).rounded(.down))), maxX = min(image.width - 1, Int((max(a.x, b.x) + radius).rounded(.up)))
        let minY = max(0, Int((min(a.y, b.y) - radius).rounded(.down))), maxY = min(image.height - 1, Int((max(a.y, b.y) + radius).rounded(.up)))
        guard minX <= maxX, minY <= maxY else { return }
        let d = b - a, length2 = max(1e-9, d.x * d.x + d.y * d.y)
        let rgb = [UInt8(color.r * 255), UInt8(color.g * 255), UInt8(color.b * 255)]
        let width = image.width
        // A pencil skips in short runs along the stroke.
        let skipPhase = random.unit() * 10, skipEvery = 3 + random.unit() * 4
        image.pixels.withUnsafeMutableBufferPointer { pixels in
            for y in minY...maxY {
                for x in minX...maxX {
                    let px = Double(x) + 0.5 - a.x, py = Double(y) + 0.5 - a.y
                    let t = max(0, min(1, (px * d.x + py * d.y) / length2))
                    let ex = px - t * d.x, ey = py - t * d.y
                    guard ex * ex + ey * ey <= radius * radius else { continue }
                    let i = (y * width + x) * 4
                    if isPencil {
                        let along = t * length2.squareRoot() / max(1, radius * 2)
                        if (along + skipPhase).truncatingRemainder(dividingBy: skipEvery) < 0.8 { continue }
                        // Graphite darkens what is there, it does not cover it.
                        for c in 0..<3 { pixels[i + c] = min(pixels[i + c], rgb[c]) }
                    } else {
                        pixels[i] = rgb[0]; pixels[i + 1] = rgb[1]; pixels[i + 2] = rgb[2]
                    }
                    pixels[i + 3] = 255
                }
            }
        }
    }
}
