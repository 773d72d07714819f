import CJPEG

/// JPEG decoding (phone photos and scans of drawings) and encoding, through libjpeg-turbo.
public enum JPEGCodec {
    /// Decodes any 8-bit JPEG libjpeg reads (baseline, progressive, arithmetic; grey, YCbCr,
    /// RGB, CMYK) to RGBA, turned upright by its EXIF orientation as a phone shows it.
    /// The size is checked from the header, against the PNG limits, before any pixel is
    /// decoded. A file that is cut short or whose image data is damaged is refused rather
    /// than decoded in part.
    public static func decode(_ bytes: [UInt8]) throws(RenderError) -> RGBAImage {
        guard bytes.starts(with: [0xFF, 0xD8, 0xFF]) else {
            throw .jpeg(bytes.isEmpty ? "the file is empty" : "not a JPEG file (the signature is missing)")
        }
        var message = [CChar](repeating: 0, count: Int(CJPEG_MESSAGE_MAX))
        var width: Int32 = 0, height: Int32 = 0, components: Int32 = 0
        let header = bytes.withUnsafeBufferPointer {
            cjpeg_read_header($0.baseAddress, $0.count, &width, &height, &components, &message)
        }
        try check(header, message)
        let w = Int(width), h = Int(height)
        let maxSide = PNGCodec.maximumSide, maxPixels = PNGCodec.maximumPixels
        guard w > 0, h > 0, w <= maxSide, h <= maxSide, w * h <= maxPixels else {
            throw .jpeg("the image is \(w) x \(h) pixels; the limit is \(maxSide) per side and \(maxPixels / 1_000_000) megapixels")
        }
        // Uninitialised on purpose: a file that claims a large size and then ends early
        // fails before most of this memory is ever touched.
        var status = CJPEG_OK
        let pixels = [UInt8](unsafeUninitializedCapacity: w * h * 4) { buffer, count in
            var warnings: Int32 = 0
            status = bytes.withUnsafeBufferPointer {
                cjpeg_decode_rgba($0.baseAddress, $0.count, buffer.baseAddress, buffer.count, &warnings, &message)
            }
            count = status == CJPEG_OK ? buffer.count : 0
        }
        try check(status, message)
        return RGBAImage(width: w, height: h, pixels: pixels).oriented(exif: ExifOrientation.value(in: bytes))
    }

    /// Encodes at `quality` 1...100, alpha composited over white (JPEG has no transparency).
    public static func encode(_ image: RGBAImage, quality: Int) throws(RenderError) -> [UInt8] {
        var rgb = [UInt8](repeating: 0, count: image.width * image.height * 3)
        var j = 0
        for i in stride(from: 0, to: image.pixels.count, by: 4) {
            let alpha = Int(image.pixels[i + 3])
            for c in 0..<3 { rgb[j + c] = UInt8((Int(image.pixels[i + c]) * alpha + 255 * (255 - alpha) + 127) / 255) }
            j += 3
        }
        return try encode(samples: rgb, width: image.width, height: image.height, components: 3, quality: quality)
    }

    /// Encodes packed rows of 1 (grey), 3 (RGB) or 4 (CMYK, inverted as Adobe writes it) samples.
    static func encode(samples: [UInt8], width: Int, height: Int, components: Int, quality: Int,
                       progressive: Bool = false) throws(RenderError) -> [UInt8] {
        guard samples.count == width * height * components, let w = Int32(exactly: width), let h = Int32(exactly: height),
              let q = Int32(exactly: quality) else {
            throw .jpeg("cannot encode \(width) x \(height) pixels from \(samples.count) samples")
        }
        var message = [CChar](repeating: 0, count: Int(CJPEG_MESSAGE_MAX))
        var output: UnsafeMutablePointer<UInt8>? = nil
        var length = 0
        let status = samples.withUnsafeBufferPointer {
            cjpeg_encode($0.baseAddress, w, h, Int32(components), q, progressive ? 1 : 0, &output, &length, &message)
        }
        try check(status, message)
        defer { cjpeg_free(output) }
        return Array(UnsafeBufferPointer(start: output, count: length))
    }

    /// Turns the shim's status into an error a user can act on.
    private static func check(_ status: cjpeg_status, _ message: [CChar]) throws(RenderError) {
        let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        switch status {
        case CJPEG_OK: return
        case CJPEG_TRUNCATED: throw .jpeg("the file is cut short (it ends before the image does); copy or download it again")
        case CJPEG_DAMAGED: throw .jpeg("the file is damaged, or a kind of JPEG that cannot be read (libjpeg: \(text))")
        default: throw .jpeg(text.isEmpty ? "libjpeg failed" : text)
        }
    }
}
