/// PNG chunk-level reading and writing: the metadata the simplified libpng API cannot write
/// (pHYs resolution and tEXt fields) is spliced in before the first IDAT chunk.
public enum PNGChunks {
    public static let signature: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]

    public struct Chunk: Sendable, Equatable {
        public var type: String
        public var data: [UInt8]
    }

    /// The chunks of a PNG file, or nil when it is not one.
    public static func read(_ bytes: [UInt8]) -> [Chunk]? {
        guard bytes.count >= 8, Array(bytes[0..<8]) == signature else { return nil }
        var chunks: [Chunk] = []
        var i = 8
        while i + 12 <= bytes.count {
            let length = Int(bigEndian32(bytes, i))
            guard length <= bytes.count - i - 12 else { return nil }
            let type = String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self)
            chunks.append(Chunk(type: type, data: Array(bytes[(i + 8)..<(i + 8 + length)])))
            i += 12 + length
            if type == "IEND" { break }
        }
        return chunks
    }

    /// `bytes` with `extra` chunks inserted before the first IDAT.
    static func inserting(_ extra: [Chunk], into bytes: [UInt8]) throws(RenderError) -> [UInt8] {
        guard let chunks = read(bytes), let idat = chunks.firstIndex(where: { $0.type == "IDAT" }) else {
            throw RenderError.png("the encoder produced no image data")
        }
        var out = signature
        for chunk in chunks[..<idat] + extra + chunks[idat...] { out += encode(chunk) }
        return out
    }

    /// A pHYs chunk for a resolution in dots per inch.
    static func physicalSize(dpi: Double) -> Chunk {
        let perMetre = UInt32((dpi / 0.0254).rounded())
        return Chunk(type: "pHYs", data: bigEndian(perMetre) + bigEndian(perMetre) + [1])
    }

    /// A tEXt chunk (Latin-1 keyword and text; other characters become '?').
    static func text(_ keyword: String, _ value: String) -> Chunk {
        let latin1: (String) -> [UInt8] = { $0.unicodeScalars.map { $0.value < 256 && $0.value != 0 ? UInt8($0.value) : 63 } }
        return Chunk(type: "tEXt", data: latin1(String(keyword.prefix(79))) + [0] + latin1(value))
    }

    /// The tEXt fields of a PNG, keyword to text.
    public static func textFields(_ bytes: [UInt8]) -> [String: String] {
        var fields: [String: String] = [:]
        for chunk in read(bytes) ?? [] where chunk.type == "tEXt" {
            guard let zero = chunk.data.firstIndex(of: 0) else { continue }
            let key = String(decoding: chunk.data[..<zero], as: UTF8.self)
            fields[key] = String(chunk.data[(zero + 1)...].map { Character(Unicode.Scalar($0)) })
        }
        return fields
    }

    /// The resolution from pHYs in dots per inch, if the file states one in metres.
    public static func dpi(_ bytes: [UInt8]) -> Double? {
        guard let chunk = read(bytes)?.first(where: { $0.type == "pHYs" }), chunk.data.count == 9, chunk.data[8] == 1 else { return nil }
        return Double(bigEndian32(chunk.data, 0)) * 0.0254
    }

    private static func encode(_ chunk: Chunk) -> [UInt8] {
        let typeBytes = Array(chunk.type.utf8)
        return bigEndian(UInt32(chunk.data.count)) + typeBytes + chunk.data + bigEndian(CRC32.checksum(typeBytes + chunk.data))
    }

    private static func bigEndian(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
    }

    private static func bigEndian32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }
}

/// The CRC-32 that PNG chunks end with.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
