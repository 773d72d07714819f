/// A 128-bit fingerprint of bytes: two independent 64-bit multiply-rotate lanes over 8-byte
/// words. It tells apart atlases that differ by accident (an edit, a truncated copy); it is
/// not meant to resist someone crafting a collision, and the cache trusts nothing it
/// did not write itself.
struct ContentHash: Equatable, Hashable, CustomStringConvertible {
    private(set) var a: UInt64 = 0x243F_6A88_85A3_08D3
    private(set) var b: UInt64 = 0x1319_8A2E_0370_7344
    private var length: UInt64 = 0

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while bytes.count - offset >= 8 {
            mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        var tail: UInt64 = 0
        for i in offset..<bytes.count { tail |= UInt64(bytes[i]) << UInt64((i - offset) * 8) }
        mix(tail ^ (UInt64(bytes.count - offset) << 56))
        length &+= UInt64(bytes.count)
    }

    mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }
    mutating func add(_ text: String) { add(Array(text.utf8)) }
    mutating func add(_ number: UInt64) { withUnsafeBytes(of: number.littleEndian) { add($0) } }

    private mutating func mix(_ word: UInt64) {
        a = ((a ^ word) &* 0x9E37_79B9_7F4A_7C15)
        a = (a << 27) | (a >> 37)
        b = (b &+ word) &* 0xC2B2_AE3D_27D4_EB4F
        b ^= b >> 31
    }

    /// Both lanes, finished so that every input bit reaches every output bit.
    var words: (UInt64, UInt64) {
        func finish(_ x: UInt64) -> UInt64 {
            var z = x ^ length
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        return (finish(a ^ b.byteSwapped), finish(b &+ a))
    }

    var bytes: [UInt8] {
        let (x, y) = words
        return withUnsafeBytes(of: x.littleEndian, Array.init) + withUnsafeBytes(of: y.littleEndian, Array.init)
    }

    /// 32 hex digits.
    var description: String { bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined() }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
