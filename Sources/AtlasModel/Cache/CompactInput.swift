/// Bytes in the compact format (`CompactFormat.swift`), read with every offset and count
/// checked: a damaged cache file throws, it never traps.
final class CompactInput {
    private let storage: UnsafeMutableRawBufferPointer
    private let end: Int
    /// The coding keys, by index.
    private(set) var keys: [String] = []
    /// Offset of the root value.
    private(set) var root = 0

    init(_ bytes: [UInt8]) throws {
        storage = .allocate(byteCount: max(bytes.count, 1), alignment: 8)
        end = bytes.count
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress, let target = storage.baseAddress { target.copyMemory(from: base, byteCount: bytes.count) }
        }
        var offset = 0
        let keyCount = try count(at: &offset)
        keys.reserveCapacity(keyCount)
        for _ in 0..<keyCount { keys.append(try string(at: &offset)) }
        root = offset
    }

    deinit { storage.deallocate() }

    static func failure(_ message: String) -> CompactFormatError { CompactFormatError(message) }

    // MARK: Primitives

    func tag(at offset: Int) throws -> CompactTag {
        guard offset >= 0, offset < end else { throw Self.failure("a value runs past the end of the data") }
        guard let tag = CompactTag(rawValue: storage[offset]) else { throw Self.failure("unknown tag \(storage[offset])") }
        return tag
    }

    func varint(at offset: inout Int) throws -> UInt64 {
        var result: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 7) {
            guard offset < end else { throw Self.failure("a number runs past the end of the data") }
            let byte = storage[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << UInt64(shift)
            if byte < 0x80 { return result }
        }
        throw Self.failure("a number is too long")
    }

    /// A count or length: never more than the bytes left, so a damaged count cannot
    /// ask for a huge allocation.
    func count(at offset: inout Int) throws -> Int {
        let value = try varint(at: &offset)
        guard value <= UInt64(end - offset) else { throw Self.failure("a count exceeds the data") }
        return Int(value)
    }

    /// An index into the key table.
    func keyIndex(at offset: inout Int) throws -> Int {
        let value = try varint(at: &offset)
        guard value < UInt64(keys.count) else { throw Self.failure("bad key index") }
        return Int(value)
    }

    func double(at offset: inout Int) throws -> Double {
        guard offset >= 0, end - offset >= 8 else { throw Self.failure("a number runs past the end of the data") }
        let bits = storage.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return Double(bitPattern: UInt64(littleEndian: bits))
    }

    func string(at offset: inout Int) throws -> String {
        let length = try count(at: &offset)
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: storage[offset..<offset + length]), as: UTF8.self)
        offset += length
        return text
    }

    /// Steps over the value at `offset`.
    func skip(at offset: inout Int) throws {
        let tag = try tag(at: offset)
        offset += 1
        switch tag {
        case .null, .boolFalse, .boolTrue: break
        case .int, .uint: _ = try varint(at: &offset)
        case .double: offset += 8
        case .float: offset += 4
        case .string, .keyed, .unkeyed:
            let length = try count(at: &offset)
            offset += length
        case .points:
            let points = try count(at: &offset)
            offset += points * 16
        case .point: offset += 16
        case .path:
            let elements = try count(at: &offset)
            var points = 0
            for i in 0..<elements { points += try operation(at: offset + i).pointCount }
            offset += elements + points * 16
        }
        guard offset <= end else { throw Self.failure("a value runs past the end of the data") }
    }

    private func operation(at offset: Int) throws -> CompactPathOperation {
        guard offset < end, let op = CompactPathOperation(rawValue: storage[offset]) else { throw Self.failure("bad path operation") }
        return op
    }

    // MARK: Typed values

    func isNull(at offset: Int) throws -> Bool { try tag(at: offset) == .null }

    func bool(at offset: Int) throws -> Bool {
        switch try tag(at: offset) {
        case .boolTrue: return true
        case .boolFalse: return false
        default: throw Self.failure("expected a Boolean")
        }
    }

    func integer<I: FixedWidthInteger>(at offset: Int) throws -> I {
        var o = offset + 1
        let value: I?
        switch try tag(at: offset) {
        case .int:
            let raw = try varint(at: &o)
            value = I(exactly: Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
        case .uint: value = I(exactly: try varint(at: &o))
        default: throw Self.failure("expected an integer")
        }
        guard let value else { throw Self.failure("an integer out of range") }
        return value
    }

    func double(at offset: Int) throws -> Double {
        guard try tag(at: offset) == .double else { throw Self.failure("expected a number") }
        var o = offset + 1
        return try double(at: &o)
    }

    func float(at offset: Int) throws -> Float {
        guard try tag(at: offset) == .float, end - offset >= 5 else { throw Self.failure("expected a number") }
        return Float(bitPattern: UInt32(littleEndian: storage.loadUnaligned(fromByteOffset: offset + 1, as: UInt32.self)))
    }

    func string(at offset: Int) throws -> String {
        guard try tag(at: offset) == .string else { throw Self.failure("expected text") }
        var o = offset + 1
        return try string(at: &o)
    }

    func point(at offset: Int) throws -> Point {
        guard try tag(at: offset) == .point else { throw Self.failure("expected a point") }
        var o = offset + 1
        return Point(try double(at: &o), try double(at: &o))
    }

    func points(at offset: Int) throws -> [Point] {
        guard try tag(at: offset) == .points else { throw Self.failure("expected points") }
        var o = offset + 1
        let n = try count(at: &o)
        guard n <= (end - o) / 16 else { throw Self.failure("a count exceeds the data") }
        var result: [Point] = []
        result.reserveCapacity(n)
        for _ in 0..<n { result.append(Point(try double(at: &o), try double(at: &o))) }
        return result
    }

    func path(at offset: Int) throws -> BezierPath {
        guard try tag(at: offset) == .path else { throw Self.failure("expected a path") }
        var o = offset + 1
        let n = try count(at: &o)
        var coordinates = o + n
        func next() throws -> Point { Point(try double(at: &coordinates), try double(at: &coordinates)) }
        var elements: [PathElement] = []
        elements.reserveCapacity(n)
        for i in 0..<n {
            switch try operation(at: o + i) {
            case .move: elements.append(.move(try next()))
            case .line: elements.append(.line(try next()))
            case .curve: elements.append(.curve(try next(), try next(), try next()))
            case .close: elements.append(.close)
            }
        }
        return BezierPath(elements)
    }

    /// Any value: geometry and common primitives read directly, the rest through `Decodable`.
    func decode<T: Decodable>(_ type: T.Type, at offset: Int) throws -> T {
        if T.self == Point.self { return unsafeBitCast(try point(at: offset), to: T.self) }
        if T.self == [Point].self { return unsafeBitCast(try points(at: offset), to: T.self) }
        if T.self == BezierPath.self { return unsafeBitCast(try path(at: offset), to: T.self) }
        if T.self == String.self { return unsafeBitCast(try string(at: offset), to: T.self) }
        if T.self == Double.self { return unsafeBitCast(try double(at: offset), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try integer(at: offset) as Int, to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try bool(at: offset), to: T.self) }
        return try T(from: CompactDecoder(input: self, offset: offset))
    }
}
