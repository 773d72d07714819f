import AtlasModel
import CCairo
import CZlib
import Foundation

/// A scene straight to PNG bytes, drawn and compressed in horizontal bands on several
/// cores. Each band has its own Cairo surface (shifted by a device offset, so textures
/// stay anchored to the picture's origin and the pixels are those of one big surface) and
/// its own piece of the deflate stream, ended with a sync flush so that the pieces join
/// into one stream; their Adler-32 checksums are combined. Rows go from Cairo's surface to
/// zlib without an intermediate RGB image. Filter "none" and zlib level 3: what libpng's
/// fast setting did, for files of the same size.
enum BandedPNGWriter {
    static let compressionLevel: Int32 = 3
    /// A band smaller than this is not worth a thread.
    static let minimumBandPixels = 500_000
    /// Largest IDAT chunk written (PNG allows 2^31 - 1; smaller chunks suit streaming readers).
    static let maximumChunk = 1 << 20

    static func render(_ scene: Scene, threads: Int) throws(RenderError) -> [UInt8] {
        try scene.checkDrawable(raster: true)
        let width = scene.width, height = scene.height
        guard width > 0, height > 0, width <= 32767, height <= 32767 else {
            throw RenderError.invalidRequest("an image of \(width) x \(height) pixels is outside 1 to 32767 per side")
        }
        guard scene.dpi.isFinite, scene.dpi > 0, scene.dpi <= 100_000 else {
            throw RenderError.png("cannot record a resolution of \(scene.dpi) dpi")
        }
        let count = max(1, min(threads, width * height / minimumBandPixels, height))
        let rows = (height + count - 1) / count
        let bands = (0..<count).map { i in (top: i * rows, rows: min(rows, height - i * rows)) }.filter { $0.rows > 0 }
        let results = BandResults(count: bands.count)
        if bands.count == 1 {
            results.set(0, Result { () throws(RenderError) in try band(scene, top: 0, rows: height, last: true) })
        } else {
            DispatchQueue.concurrentPerform(iterations: bands.count) { i in
                let b = bands[i]
                results.set(i, Result { () throws(RenderError) in try band(scene, top: b.top, rows: b.rows, last: i == bands.count - 1) })
            }
        }
        var pieces: [CompressedBand] = []
        for result in results.all {
            guard let result else { throw RenderError.png("a band was not drawn") }
            pieces.append(try result.get())
        }
        return assemble(pieces, width: width, height: height, dpi: scene.dpi, metadata: scene.metadata)
    }

    /// One band's deflate data and the Adler-32 of its uncompressed (filtered) rows.
    struct CompressedBand: Sendable {
        var bytes: [UInt8]
        var adler: UInt
        var rawLength: Int
    }

    static func band(_ scene: Scene, top: Int, rows: Int, last: Bool) throws(RenderError) -> CompressedBand {
        let surface = try CairoSurface.image(width: scene.width, height: rows)
        cairo_surface_set_device_offset(surface.pointer, 0, -Double(top))
        do {
            let cr = try CairoContext(surface)
            SceneDrawer(scene: scene, cr: cr).draw()
            SceneDrawer(scene: scene, cr: cr).drawFollowingPages()
            try cr.checkStatus()
        }
        return try compress(surface, last: last)
    }

    /// The surface's rows, each a filter byte (0) and RGB, as raw deflate data.
    static func compress(_ surface: CairoSurface, last: Bool) throws(RenderError) -> CompressedBand {
        let width = surface.width, height = surface.height, stride = surface.stride
        let rowLength = width * 3 + 1
        let rawLength = rowLength * height
        var stream = z_stream()
        guard deflateInit2_(&stream, compressionLevel, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else { throw RenderError.png("zlib could not start") }
        defer { deflateEnd(&stream) }
        let capacity = Int(deflateBound(&stream, UInt(rawLength))) + 64
        // Rows are converted a batch at a time into a small buffer that stays in the cache.
        let rowsPerBatch = max(1, 65_536 / rowLength)
        var batch = [UInt8](repeating: 0, count: rowsPerBatch * rowLength)
        var adler = adler32(0, nil, 0)
        var status = Z_OK
        // Not zeroed: only the pages zlib writes are touched.
        let output = [UInt8](unsafeUninitializedCapacity: capacity) { out, written in
            stream.next_out = out.baseAddress
            stream.avail_out = UInt32(capacity)
            surface.withPixels { pixels in
                let base = UnsafeRawPointer(pixels.baseAddress!)
                var y = 0
                while y < height, status == Z_OK || status == Z_BUF_ERROR {
                    let n = min(rowsPerBatch, height - y)
                    batch.withUnsafeMutableBufferPointer { dst in
                        for r in 0..<n {
                            let row = base + (y + r) * stride
                            dst[r * rowLength] = 0   // filter type: none
                            copyOpaqueRow(row, width: width, to: dst, at: r * rowLength + 1)
                        }
                        let length = n * rowLength
                        adler = adler32(adler, dst.baseAddress, UInt32(length))
                        stream.next_in = dst.baseAddress
                        stream.avail_in = UInt32(length)
                        y += n
                        let flush = y < height ? Z_NO_FLUSH : (last ? Z_FINISH : Z_SYNC_FLUSH)
                        status = deflate(&stream, flush)
                    }
                }
            }
            written = capacity - Int(stream.avail_out)
        }
        let finished = last ? status == Z_STREAM_END : (status == Z_OK && stream.avail_in == 0 && stream.avail_out > 0)
        guard finished else { throw RenderError.png("zlib could not compress the image (status \(status))") }
        return CompressedBand(bytes: output, adler: adler, rawLength: rawLength)
    }

    /// Signature, header, resolution and text chunks, the image data, the end.
    static func assemble(_ bands: [CompressedBand], width: Int, height: Int, dpi: Double, metadata: [(String, String)]) -> [UInt8] {
        var adler = bands[0].adler
        for band in bands.dropFirst() { adler = adler32_combine(adler, band.adler, Int(band.rawLength)) }
        var data: [UInt8] = [0x78, 0x5E]  // zlib header: deflate, 32 KB window, fast level
        data.reserveCapacity(bands.reduce(6) { $0 + $1.bytes.count })
        for band in bands { data += band.bytes }
        data += bigEndian(UInt32(truncatingIfNeeded: adler))

        var out = PNGChunks.signature
        out.reserveCapacity(data.count + 1024)
        func append(_ type: String, _ body: ArraySlice<UInt8>) {
            let typeBytes = Array(type.utf8)
            out += bigEndian(UInt32(body.count))
            out += typeBytes
            out += body
            var crc = crc32(0, typeBytes, 4)
            body.withUnsafeBufferPointer { crc = crc32(crc, $0.baseAddress, UInt32($0.count)) }
            out += bigEndian(UInt32(truncatingIfNeeded: crc))
        }
        append("IHDR", ArraySlice(bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0]))
        append("sRGB", [0])  // Cairo's colours are sRGB (perceptual intent), as libpng labelled them
        for chunk in [PNGChunks.physicalSize(dpi: dpi)] + metadata.map({ PNGChunks.text($0.0, $0.1) }) {
            append(chunk.type, chunk.data[...])
        }
        var start = 0
        repeat {
            let end = min(data.count, start + maximumChunk)
            append("IDAT", data[start..<end])
            start = end
        } while start < data.count
        append("IEND", [])
        return out
    }

    private static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }
}

/// Band results filled in by worker threads.
private final class BandResults: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Result<BandedPNGWriter.CompressedBand, RenderError>?]

    init(count: Int) { items = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<BandedPNGWriter.CompressedBand, RenderError>) {
        lock.lock(); items[index] = result; lock.unlock()
    }

    var all: [Result<BandedPNGWriter.CompressedBand, RenderError>?] {
        lock.lock(); defer { lock.unlock() }
        return items
    }
}
