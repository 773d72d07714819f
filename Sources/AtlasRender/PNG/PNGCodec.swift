import CPNG

/// PNG encoding and decoding through libpng's simplified API.
public enum PNGCodec {
    /// Images larger than this are refused before their pixels are decoded.
    public static let maximumPixels = 100_000_000
    public static let maximumSide = 30_000

    /// Encodes 8-bit RGB(A) pixels; `metadata` becomes tEXt chunks and `dpi` a pHYs chunk.
    /// `fast` trades some file size for much less time (libpng's PNG_IMAGE_FLAG_FAST).
    public static func encode(_ image: RGBAImage, opaque: Bool, dpi: Double, metadata: [(String, String)],
                              fast: Bool = false) throws(RenderError) -> [UInt8] {
        try encode(pixels: opaque ? dropAlpha(image.pixels) : image.pixels, width: image.width, height: image.height,
                   opaque: opaque, dpi: dpi, metadata: metadata, fast: fast)
    }

    /// Encodes packed 8-bit RGB (`opaque`) or RGBA rows.
    static func encode(pixels: [UInt8], width: Int, height: Int, opaque: Bool, dpi: Double, metadata: [(String, String)],
                       fast: Bool) throws(RenderError) -> [UInt8] {
        // Checked here too: a negative or NaN resolution would trap in the pHYs chunk, and a
        // size that does not match the pixels would make libpng read past them.
        let channels = opaque ? 3 : 4
        guard width > 0, height > 0, width <= maximumSide, height <= maximumSide, width * height <= maximumPixels,
              pixels.count >= width * height * channels else {
            throw RenderError.png("cannot encode a \(width) x \(height) px image")
        }
        guard dpi.isFinite, dpi > 0, dpi <= 100_000 else { throw RenderError.png("cannot record a resolution of \(dpi) dpi") }
        var png = png_image()
        png.version = UInt32(PNG_IMAGE_VERSION)
        png.width = UInt32(width)
        png.height = UInt32(height)
        png.format = UInt32(opaque ? PNG_FORMAT_FLAG_COLOR : PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)
        if fast { png.flags = UInt32(PNG_IMAGE_FLAG_FAST) }
        let stride = Int32(width * channels)
        // One pass into a buffer that surely holds the file: the rows uncompressed (plus a
        // filter byte each), zlib's worst-case growth, IDAT chunk headers and the header
        // chunks. Asking libpng for the size first would compress the image twice (it was
        // 38% of a render's instructions).
        // The buffer is not zeroed: only the pages libpng writes are ever touched (zeroing
        // 11 MB for a 260 KB file cost more system time than the encoding).
        let raw = height * (width * channels + 1)
        let capacity = raw + raw / 64 + 4096
        var size = png_alloc_size_t(capacity)
        var ok = false
        let encoded = [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
            ok = pixels.withUnsafeBytes { raw in
                png_image_write_to_memory(&png, out.baseAddress, &size, 0, raw.baseAddress, stride, nil) != 0
            }
            count = ok ? min(Int(size), capacity) : 0
        }
        guard ok else { throw RenderError.png(message(png)) }
        png_image_free(&png)
        let extra = [PNGChunks.physicalSize(dpi: dpi)] + metadata.map { PNGChunks.text($0.0, $0.1) }
        return try PNGChunks.inserting(extra, into: encoded)
    }

    /// Decodes any PNG libpng reads (palette, grey, 16-bit, interlaced...) to 8-bit RGBA.
    /// The size is checked from the header before any pixel is decoded.
    public static func decode(_ bytes: [UInt8]) throws(RenderError) -> RGBAImage {
        guard bytes.count >= 8, Array(bytes.prefix(8)) == PNGChunks.signature else {
            if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { throw RenderError.png("this is a JPEG file, not a PNG") }
            throw RenderError.png(bytes.isEmpty ? "the file is empty" : "not a PNG file (the signature is missing)")
        }
        // libpng reads from the buffer until finish_read, so both steps run inside one borrow.
        let result: Result<RGBAImage, RenderError> = bytes.withUnsafeBytes { input in
            var png = png_image()
            png.version = UInt32(PNG_IMAGE_VERSION)
            guard png_image_begin_read_from_memory(&png, input.baseAddress, input.count) != 0 else {
                return .failure(.png(message(png)))
            }
            let width = Int(png.width), height = Int(png.height)
            guard width > 0, height > 0, width <= maximumSide, height <= maximumSide, width * height <= maximumPixels else {
                png_image_free(&png)
                return .failure(.png("the image is \(width) x \(height) pixels; the limit is \(maximumSide) per side and \(maximumPixels / 1_000_000) megapixels"))
            }
            png.format = UInt32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)
            var pixels = [UInt8](repeating: 0, count: width * height * 4)
            let finished = pixels.withUnsafeMutableBytes { out in
                png_image_finish_read(&png, nil, out.baseAddress, Int32(width * 4), nil) != 0
            }
            guard finished else {
                let text = message(png)
                png_image_free(&png)
                return .failure(.png(text))
            }
            return .success(RGBAImage(width: width, height: height, pixels: pixels))
        }
        return try result.get()
    }

    private static func message(_ png: png_image) -> String {
        var copy = png
        let text = withUnsafeBytes(of: &copy.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return text.isEmpty ? "libpng failed" : text
    }

    private static func dropAlpha(_ rgba: [UInt8]) -> [UInt8] {
        var rgb = [UInt8](repeating: 0, count: rgba.count / 4 * 3)
        var j = 0
        for i in stride(from: 0, to: rgba.count, by: 4) {
            rgb[j] = rgba[i]; rgb[j + 1] = rgba[i + 1]; rgb[j + 2] = rgba[i + 2]
            j += 3
        }
        return rgb
    }
}
