@testable import AtlasCompare
import AtlasRender
import Testing

/// Evening out paper and light: a shadow's soft edge is light, not a mark; a patch of
/// shading that stops abruptly is a mark. Pages built pixel by pixel, no chart involved.
@Suite("Paper light")
struct PaperLightTests {
    /// Paper (240) under a shadow 35% dark beyond a soft diagonal edge, and optionally a disc
    /// of graphite (grey 150) with a sharp edge, in the lit part.
    static func page(pencil: Bool) -> RGBAImage {
        let side = 960
        var image = RGBAImage(width: side, height: side)
        for y in 0..<side {
            for x in 0..<side {
                // The edge runs across the lower right; its penumbra is 60 pixels wide.
                let past = (Double(x + y) - 1.2 * Double(side)) / 60
                let t = max(0, min(1, past + 0.5))
                var value = 240 * (1 - 0.35 * t * t * (3 - 2 * t))
                let dx = Double(x - 260), dy = Double(y - 260)
                if pencil, dx * dx + dy * dy < 40 * 40 { value = 150 }
                let i = (y * side + x) * 4
                for c in 0..<3 { image.pixels[i + c] = UInt8(value.rounded()) }
            }
        }
        return image
    }

    /// Pixels `PixelKind` calls dark ink (what may be read as a pen or pencil stroke).
    static func darkPixels(_ image: RGBAImage, where inside: (Int, Int) -> Bool) -> Int {
        let drawing = ClassifiedDrawing(image)
        var count = 0
        for y in 0..<drawing.height {
            for x in 0..<drawing.width where inside(x, y) && drawing[x, y] == .darkInk { count += 1 }
        }
        return count
    }

    /// The shadow's rim used to be taken for a patch of pencil (darker than the lit paper
    /// around it), given the lit paper's colour, and read as a grey band of marks.
    @Test func shadowEdgeIsNotAMark() {
        let even = PaperLight.normalise(Self.page(pencil: false))
        let dark = Self.darkPixels(even) { _, _ in true }
        #expect(dark == 0, "\(dark) pixels of the shadow read as dark ink")
        var lowest = 255
        even.pixels.withUnsafeBufferPointer { p in
            for i in stride(from: 0, to: p.count, by: 4) { lowest = min(lowest, PaperGrid.luma(p, i)) }
        }
        #expect(lowest >= 190, "the shadow's rim evened out to luma \(lowest)")
    }

    /// Graphite rubbed in over a disc 4 blocks wide stops abruptly: it stays a mark.
    @Test func pencilPatchStaysAMark() {
        let even = PaperLight.normalise(Self.page(pencil: true))
        let inside = Self.darkPixels(even) { x, y in (x - 260) * (x - 260) + (y - 260) * (y - 260) < 35 * 35 }
        let disc = Int(Double.pi * 35 * 35)
        #expect(inside > disc * 9 / 10, "\(inside) of \(disc) pixels of the pencil disc kept")
    }

    /// A thin grey stroke lighter than `PixelKind.darkLuma` (a pencil line in a scan) is dark
    /// ink because paper is close beside it; the same grey spread wide is not.
    @Test func thinLightStrokeIsDarkInk() {
        // White paper, a grey line two pixels wide at x = 5 and 6, a wide grey area from x = 20.
        var image = RGBAImage(width: 40, height: 40)
        for y in 0..<40 {
            for x in [5, 6] + Array(20..<40) {
                let i = (y * 40 + x) * 4
                for c in 0..<3 { image.pixels[i + c] = x < 20 ? 195 : 200 }
            }
        }
        let drawing = ClassifiedDrawing(image)
        #expect(drawing[5, 20] == .darkInk)
        #expect(drawing[30, 20] == .ink)
    }
}
