import AtlasRender

/// A decoded drawing sorted pixel by pixel into paper, printed ink and marks, plus a smaller
/// copy of the ink for registration.
struct ClassifiedDrawing: Sendable {
    let width: Int
    let height: Int
    /// One `PixelKind` raw value per pixel, rows top to bottom.
    let kinds: [UInt8]
    /// The working grid: `workingFactor` x `workingFactor` drawing pixels per cell.
    let workingFactor: Int
    let workingWidth: Int
    let workingHeight: Int
    /// Cells holding any printed ink.
    let workingInk: [Bool]
    /// Cells holding ink or marks: marks painted over the outline keep a body in one piece.
    let workingForeground: [Bool]

    /// The largest side of the working grid: fine enough for sub-millimetre registration of
    /// any chart, small enough that a distance transform of it costs little.
    static let workingSide = 800

    init(_ image: RGBAImage) {
        width = image.width
        height = image.height
        let factor = max(1, (max(image.width, image.height) + Self.workingSide - 1) / Self.workingSide)
        workingFactor = factor
        workingWidth = (image.width + factor - 1) / factor
        workingHeight = (image.height + factor - 1) / factor
        var kinds = [UInt8](repeating: 0, count: image.width * image.height)
        var ink = [Bool](repeating: false, count: workingWidth * workingHeight)
        var foreground = ink
        let w = image.width, ww = workingWidth
        image.pixels.withUnsafeBufferPointer { pixels in
            kinds.withUnsafeMutableBufferPointer { kinds in
                let words = UnsafeRawPointer(pixels.baseAddress!)
                for y in 0..<image.height {
                    let row = (y / factor) * ww
                    for x in 0..<w {
                        let i = (y * w + x) * 4
                        // Opaque white, most of a page, is paper: one comparison.
                        if words.loadUnaligned(fromByteOffset: i, as: UInt32.self) == 0xFFFF_FFFF { continue }
                        let kind = PixelKind.of(red: pixels[i], green: pixels[i + 1], blue: pixels[i + 2], alpha: pixels[i + 3])
                        guard kind != .paper else { continue }
                        kinds[y * w + x] = kind.rawValue
                        let cell = row + x / factor
                        foreground[cell] = true
                        if kind == .ink { ink[cell] = true }
                    }
                }
            }
        }
        self.kinds = kinds
        workingInk = ink
        workingForeground = foreground
    }

    subscript(x: Int, y: Int) -> PixelKind { PixelKind(rawValue: kinds[y * width + x]) ?? .paper }
}
