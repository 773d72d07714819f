extension RGBAImage {
    /// The image turned upright for an EXIF orientation (1...8; anything else is 1).
    /// 2 mirrors, 3 turns 180°, 4 flips, 5 transposes, 6 turns 90° clockwise, 7 transposes
    /// across the other diagonal, 8 turns 90° anticlockwise.
    func oriented(exif orientation: Int) -> RGBAImage {
        guard (2...8).contains(orientation) else { return self }
        let w = width, h = height
        let last = w - 1, bottom = (h - 1) * w
        // Each case maps output (x, y) to the source pixel start + x * stepX + y * stepY.
        let (start, stepX, stepY): (Int, Int, Int) = switch orientation {
        case 2: (last, -1, w)
        case 3: (last + bottom, -1, -w)
        case 4: (bottom, 1, -w)
        case 5: (0, w, 1)
        case 6: (bottom, -w, 1)
        case 7: (last + bottom, -w, -1)
        default: (last, w, -1)
        }
        let (outW, outH) = orientation >= 5 ? (h, w) : (w, h)
        // Whole pixels as 32-bit words, in 64 x 64 tiles: a turned image reads the source
        // down its columns, and tiles keep those reads in cache. Every output pixel is written.
        let tile = 64
        let out = [UInt8](unsafeUninitializedCapacity: pixels.count) { buffer, count in
            let target = UnsafeMutableRawBufferPointer(buffer)
            pixels.withUnsafeBytes { source in
                for top in stride(from: 0, to: outH, by: tile) {
                    for left in stride(from: 0, to: outW, by: tile) {
                        for y in top..<min(top + tile, outH) {
                            var s = start + y * stepY + left * stepX
                            for o in (y * outW + left)..<(y * outW + min(left + tile, outW)) {
                                target.storeBytes(of: source.loadUnaligned(fromByteOffset: s * 4, as: UInt32.self),
                                                  toByteOffset: o * 4, as: UInt32.self)
                                s += stepX
                            }
                        }
                    }
                }
            }
            count = buffer.count
        }
        return RGBAImage(width: outW, height: outH, pixels: out)
    }
}
