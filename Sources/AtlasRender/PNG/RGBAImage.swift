/// An 8-bit RGBA image, rows top to bottom, not premultiplied.
public struct RGBAImage: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 4)
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A blank image of one colour.
    public init(width: Int, height: Int, fill: (UInt8, UInt8, UInt8, UInt8) = (255, 255, 255, 255)) {
        self.width = width
        self.height = height
        var pixels = [UInt8](repeating: fill.0, count: width * height * 4)
        if fill.0 != fill.1 || fill.0 != fill.2 || fill.0 != fill.3 {
            pixels.withUnsafeMutableBufferPointer { p in
                for i in Swift.stride(from: 0, to: p.count, by: 4) { p[i + 1] = fill.1; p[i + 2] = fill.2; p[i + 3] = fill.3 }
            }
        }
        self.pixels = pixels
    }

    public subscript(x: Int, y: Int) -> (r: UInt8, g: UInt8, b: UInt8, a: UInt8) {
        let i = (y * width + x) * 4
        return (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3])
    }
}
