/// The byte format of the compiled-atlas cache: a string table of coding keys, then one
/// tree of tagged values. Keyed containers store their keys, so any `Codable` type round-
/// trips (optional fields, enums with payloads, dictionaries); composite values carry their
/// byte length so that a reader can step over them. Points and paths, which are most of
/// the atlas, are packed as raw doubles.
///
/// Why not Foundation's binary property lists: measured 2026-12-03 (release, load average 9),
/// `PropertyListDecoder` took 167 ms of CPU to decode the atlas (632 KB), against 3 ms for
/// a whole cache hit in this format (key, read, checksum and decode); the cache exists to
/// save the 120 ms of reading the YAML files, so it would cost more than it saves. The
/// fingerprint stays `ContentHash` (under 1 ms for the atlas and the entry): libcrypto's
/// SHA-256 would make the model link a C library for a check against accidents, not
/// attacks (the cache reads only entries it wrote itself).
enum CompactTag: UInt8 {
    case null = 0
    case boolFalse, boolTrue
    /// A signed integer, zigzag varint.
    case int
    /// An unsigned integer, varint.
    case uint
    /// 8 bytes, the bit pattern, little-endian.
    case double
    case float
    /// Varint byte count, then UTF-8.
    case string
    /// Varint byte length of the rest, varint count, then count x (varint key index, value).
    case keyed
    /// Varint byte length of the rest, varint count, then count values.
    case unkeyed
    /// Varint count, then count x 2 doubles.
    case points
    /// Varint element count, one operation byte per element, then the elements' doubles.
    case path
    /// 2 doubles.
    case point
}

/// Operation bytes of a packed path.
enum CompactPathOperation: UInt8 {
    case move = 0, line, curve, close

    var pointCount: Int {
        switch self {
        case .move, .line: 1
        case .curve: 3
        case .close: 0
        }
    }
}

/// A cache file that cannot be read: its reader gives up and the atlas is loaded from its files.
struct CompactFormatError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
