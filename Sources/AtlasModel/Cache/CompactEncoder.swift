/// Encodes any `Encodable` value into the compact format (`CompactFormat.swift`). Encoding
/// happens once per atlas change, so it builds a tree first (containers may be filled in any
/// order) and writes it out at the end; only reading needs to be fast.
enum CompactEncoder {
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let root = try CompactNode.make(value)
        var writer = CompactWriter()
        var body = CompactWriter()
        root.write(to: &body, keys: &writer.keyIndex)
        writer.writeVarint(UInt64(writer.keyTable.count))
        for key in writer.keyTable { writer.writeString(key) }
        writer.bytes += body.bytes
        return writer.bytes
    }
}

/// One encoded value; containers are classes so that nested containers can be filled later.
final class CompactNode {
    enum Value {
        case null, bool(Bool), int(Int64), uint(UInt64), double(Double), float(Float), string(String)
        case keyed([(String, CompactNode)]), unkeyed([CompactNode])
        case points([Point]), path(BezierPath), point(Point)
    }

    var value: Value = .null

    /// The node of `value`: geometry packed, everything else through its `Encodable` conformance.
    static func make<T: Encodable>(_ value: T) throws -> CompactNode {
        let node = CompactNode()
        // Exact types only: `as?` alone would also unwrap optionals and bridge arrays.
        if T.self == Point.self, let point = value as? Point {
            node.value = .point(point)
        } else if T.self == [Point].self, let points = value as? [Point] {
            node.value = .points(points)
        } else if T.self == BezierPath.self, let path = value as? BezierPath {
            node.value = .path(path)
        } else {
            try value.encode(to: CompactNodeEncoder(node: node, codingPath: []))
        }
        return node
    }

    func write(to writer: inout CompactWriter, keys: inout [String: Int]) {
        switch value {
        case .null: writer.writeTag(.null)
        case .bool(let b): writer.writeTag(b ? .boolTrue : .boolFalse)
        case .int(let i):
            writer.writeTag(.int)
            writer.writeVarint(UInt64(bitPattern: (i << 1) ^ (i >> 63)))
        case .uint(let u):
            writer.writeTag(.uint)
            writer.writeVarint(u)
        case .double(let d):
            writer.writeTag(.double)
            writer.writeDouble(d)
        case .float(let f):
            writer.writeTag(.float)
            writer.writeUInt32(f.bitPattern)
        case .string(let s):
            writer.writeTag(.string)
            writer.writeString(s)
        case .keyed(let entries):
            var inner = CompactWriter()
            inner.writeVarint(UInt64(entries.count))
            for (key, child) in entries {
                inner.writeVarint(UInt64(Self.index(of: key, in: &keys)))
                child.write(to: &inner, keys: &keys)
            }
            writer.writeTag(.keyed)
            writer.writeVarint(UInt64(inner.bytes.count))
            writer.bytes += inner.bytes
        case .unkeyed(let children):
            var inner = CompactWriter()
            inner.writeVarint(UInt64(children.count))
            for child in children { child.write(to: &inner, keys: &keys) }
            writer.writeTag(.unkeyed)
            writer.writeVarint(UInt64(inner.bytes.count))
            writer.bytes += inner.bytes
        case .points(let points):
            writer.writeTag(.points)
            writer.writeVarint(UInt64(points.count))
            for p in points { writer.writeDouble(p.x); writer.writeDouble(p.y) }
        case .path(let path):
            writer.writeTag(.path)
            writer.writeVarint(UInt64(path.elements.count))
            var coordinates: [Point] = []
            for element in path.elements {
                switch element {
                case .move(let p): writer.bytes.append(CompactPathOperation.move.rawValue); coordinates.append(p)
                case .line(let p): writer.bytes.append(CompactPathOperation.line.rawValue); coordinates.append(p)
                case .curve(let a, let b, let c): writer.bytes.append(CompactPathOperation.curve.rawValue); coordinates += [a, b, c]
                case .close: writer.bytes.append(CompactPathOperation.close.rawValue)
                }
            }
            for p in coordinates { writer.writeDouble(p.x); writer.writeDouble(p.y) }
        case .point(let p):
            writer.writeTag(.point)
            writer.writeDouble(p.x)
            writer.writeDouble(p.y)
        }
    }

    private static func index(of key: String, in keys: inout [String: Int]) -> Int {
        if let index = keys[key] { return index }
        keys[key] = keys.count
        return keys.count - 1
    }
}

/// Appends the format's primitives to a byte array.
struct CompactWriter {
    var bytes: [UInt8] = []
    /// Key strings by first use (the table written before the tree).
    var keyIndex: [String: Int] = [:]
    var keyTable: [String] { keyIndex.sorted { $0.value < $1.value }.map(\.key) }

    mutating func writeTag(_ tag: CompactTag) { bytes.append(tag.rawValue) }

    mutating func writeVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func writeDouble(_ d: Double) {
        var bits = d.bitPattern.littleEndian
        withUnsafeBytes(of: &bits) { bytes += $0 }
    }

    mutating func writeUInt32(_ value: UInt32) {
        var bits = value.littleEndian
        withUnsafeBytes(of: &bits) { bytes += $0 }
    }

    mutating func writeString(_ s: String) {
        let utf8 = Array(s.utf8)
        writeVarint(UInt64(utf8.count))
        bytes += utf8
    }
}

/// The `Encoder` handed to a value's `encode(to:)`: it fills one node.
struct CompactNodeEncoder: Encoder {
    let node: CompactNode
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .keyed = node.value {} else { node.value = .keyed([]) }
        return KeyedEncodingContainer(CompactKeyedEncoder<Key>(node: node, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .unkeyed = node.value {} else { node.value = .unkeyed([]) }
        return CompactUnkeyedEncoder(node: node, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        CompactSingleValueEncoder(node: node, codingPath: codingPath)
    }
}

struct CompactKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: CompactNode
    let codingPath: [any CodingKey]

    private func add(_ child: CompactNode, _ key: Key) {
        guard case .keyed(var entries) = node.value else { return }
        node.value = .null  // keeps `entries` uniquely referenced while it grows
        entries.append((key.stringValue, child))
        node.value = .keyed(entries)
    }

    private func add(_ value: CompactNode.Value, _ key: Key) {
        let child = CompactNode()
        child.value = value
        add(child, key)
    }

    mutating func encodeNil(forKey key: Key) throws { add(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { add(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { add(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { add(.double(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { add(.float(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { add(.int(Int64(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { add(.int(Int64(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { add(.int(Int64(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { add(.int(Int64(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { add(.int(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { add(.uint(UInt64(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { add(.uint(UInt64(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { add(.uint(UInt64(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { add(.uint(UInt64(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { add(.uint(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { add(try CompactNode.make(value), key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = CompactNode()
        add(child, key)
        return CompactNodeEncoder(node: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = CompactNode()
        add(child, key)
        return CompactNodeEncoder(node: child, codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = CompactNode()
        add(child, Key(stringValue: "super") ?? Key(intValue: 0)!)
        return CompactNodeEncoder(node: child, codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let child = CompactNode()
        add(child, key)
        return CompactNodeEncoder(node: child, codingPath: codingPath + [key])
    }
}

struct CompactUnkeyedEncoder: UnkeyedEncodingContainer {
    let node: CompactNode
    let codingPath: [any CodingKey]
    var count: Int {
        guard case .unkeyed(let children) = node.value else { return 0 }
        return children.count
    }

    private func add(_ child: CompactNode) {
        guard case .unkeyed(var children) = node.value else { return }
        node.value = .null
        children.append(child)
        node.value = .unkeyed(children)
    }

    private func add(_ value: CompactNode.Value) {
        let child = CompactNode()
        child.value = value
        add(child)
    }

    mutating func encodeNil() throws { add(.null) }
    mutating func encode(_ value: Bool) throws { add(.bool(value)) }
    mutating func encode(_ value: String) throws { add(.string(value)) }
    mutating func encode(_ value: Double) throws { add(.double(value)) }
    mutating func encode(_ value: Float) throws { add(.float(value)) }
    mutating func encode(_ value: Int) throws { add(.int(Int64(value))) }
    mutating func encode(_ value: Int8) throws { add(.int(Int64(value))) }
    mutating func encode(_ value: Int16) throws { add(.int(Int64(value))) }
    mutating func encode(_ value: Int32) throws { add(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { add(.int(value)) }
    mutating func encode(_ value: UInt) throws { add(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { add(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt16) throws { add(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt32) throws { add(.uint(UInt64(value))) }
    mutating func encode(_ value: UInt64) throws { add(.uint(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { add(try CompactNode.make(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = CompactNode()
        add(child)
        return CompactNodeEncoder(node: child, codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = CompactNode()
        add(child)
        return CompactNodeEncoder(node: child, codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let child = CompactNode()
        add(child)
        return CompactNodeEncoder(node: child, codingPath: codingPath)
    }
}

struct CompactSingleValueEncoder: SingleValueEncodingContainer {
    let node: CompactNode
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { node.value = .null }
    mutating func encode(_ value: Bool) throws { node.value = .bool(value) }
    mutating func encode(_ value: String) throws { node.value = .string(value) }
    mutating func encode(_ value: Double) throws { node.value = .double(value) }
    mutating func encode(_ value: Float) throws { node.value = .float(value) }
    mutating func encode(_ value: Int) throws { node.value = .int(Int64(value)) }
    mutating func encode(_ value: Int8) throws { node.value = .int(Int64(value)) }
    mutating func encode(_ value: Int16) throws { node.value = .int(Int64(value)) }
    mutating func encode(_ value: Int32) throws { node.value = .int(Int64(value)) }
    mutating func encode(_ value: Int64) throws { node.value = .int(value) }
    mutating func encode(_ value: UInt) throws { node.value = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { node.value = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { node.value = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { node.value = .uint(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { node.value = .uint(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { node.value = try CompactNode.make(value).value }
}
