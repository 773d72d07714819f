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
                        var kind = PixelKind.of(red: pixels[i], green: pixels[i + 1], blue: pixels[i + 2], alpha: pixels[i + 3])
                        guard kind != .paper else { continue }
                        if kind == .ink, Self.isStrokeEdge(pixels, width: w, height: image.height, x: x, y: y) { kind = .darkInk }
                        kinds[y * w + x] = kind.rawValue
                        let cell = row + x / factor
                        foreground[cell] = true
                        if kind.isInk { ink[cell] = true }
                    }
                }
            }
        }
        self.kinds = kinds
        workingInk = ink
        workingForeground = foreground
    }

    /// True for a light grey pixel much darker than paper close beside it: a thin pencil
    /// stroke, or a blurred pen stroke, read lighter than `PixelKind.darkLuma` in a photo. Grey
    /// with no paper that near (a shadow's rim left on evened-out paper) is not a stroke.
    static func isStrokeEdge(_ pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, x: Int, y: Int) -> Bool {
        let r = strokeReach, d = (strokeReach * 3 + 2) / 4
        let here = PaperGrid.luma(pixels, (y * width + x) * 4)
        for (dx, dy) in [(r, 0), (-r, 0), (0, r), (0, -r), (d, d), (-d, -d), (d, -d), (-d, d)] {
            let nx = x + dx, ny = y + dy
            guard nx >= 0, ny >= 0, nx < width, ny < height else { continue }
            if PaperGrid.luma(pixels, (ny * width + nx) * 4) - here >= strokeContrast { return true }
        }
        return false
    }

    /// Pixels from a pixel to the paper beside a stroke through it (a pencil line up to about
    /// 1.2 mm wide in a page read at 4 to 5 pixels a millimetre), and how much lighter that
    /// paper must be.
    static let strokeReach = 4, strokeContrast = 40

    subscript(x: Int, y: Int) -> PixelKind { PixelKind(rawValue: kinds[y * width + x]) ?? .paper }
}
