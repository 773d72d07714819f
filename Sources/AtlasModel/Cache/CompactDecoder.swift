/// Decodes a value written by `CompactEncoder`. Coding paths are not tracked (a damaged
/// cache is rebuilt, never shown to a user), which keeps reading a few milliseconds.
enum CompactDecoding {
    static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let input = try CompactInput(bytes)
        return try input.decode(T.self, at: input.root)
    }
}

struct CompactDecoder: Decoder {
    let input: CompactInput
    let offset: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try CompactKeyedDecoder<Key>(input: input, offset: offset))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try CompactUnkeyedDecoder(input: input, offset: offset)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        CompactSingleValueDecoder(input: input, offset: offset)
    }
}

/// A keyed container. Fields are usually asked for in the order they were written, so the
/// search for a key starts where the last one was found.
final class CompactKeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let input: CompactInput
    private let first: Int
    private let entryCount: Int
    private var cursor = 0
    private var cursorOffset: Int

    init(input: CompactInput, offset: Int) throws {
        guard try input.tag(at: offset) == .keyed else { throw CompactInput.failure("expected a keyed container") }
        self.input = input
        var o = offset + 1
        _ = try input.count(at: &o)
        entryCount = try input.count(at: &o)
        first = o
        cursorOffset = o
    }

    var codingPath: [any CodingKey] { [] }

    /// Offset of the value stored under `key`, or nil.
    private func find(_ key: Key) throws -> Int? {
        let name = key.stringValue
        var index = cursor, offset = cursorOffset
        for _ in 0..<entryCount {
            if index == entryCount { index = 0; offset = first }
            let keyIndex = try input.keyIndex(at: &offset)
            let valueOffset = offset
            try input.skip(at: &offset)
            index += 1
            if input.keys[keyIndex] == name {
                cursor = index; cursorOffset = offset
                return valueOffset
            }
        }
        return nil
    }

    private func value(_ key: Key) throws -> Int {
        guard let offset = try find(key) else { throw CompactInput.failure("no value for '\(key.stringValue)'") }
        return offset
    }

    var allKeys: [Key] {
        var keys: [Key] = []
        var offset = first
        for _ in 0..<entryCount {
            guard let keyIndex = try? input.keyIndex(at: &offset),
                  (try? input.skip(at: &offset)) != nil else { break }
            if let key = Key(stringValue: input.keys[keyIndex]) { keys.append(key) }
        }
        return keys
    }

    func contains(_ key: Key) -> Bool { ((try? find(key)) ?? nil) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { try input.isNull(at: try value(key)) }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try input.bool(at: try value(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try input.string(at: try value(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try input.double(at: try value(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try input.float(at: try value(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try input.integer(at: try value(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try input.integer(at: try value(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try input.integer(at: try value(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try input.integer(at: try value(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try input.integer(at: try value(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try input.integer(at: try value(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try input.integer(at: try value(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try input.integer(at: try value(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try input.integer(at: try value(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try input.integer(at: try value(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try input.decode(T.self, at: try value(key)) }

    // Optional fields: one search instead of the default's three.
    private func present(_ key: Key) throws -> Int? {
        guard let offset = try find(key), try !input.isNull(at: offset) else { return nil }
        return offset
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(key).map { try input.string(at: $0) } }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(key).map { try input.double(at: $0) } }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try present(key).map { try input.integer(at: $0) } }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key).map { try input.bool(at: $0) } }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try present(key).map { try input.decode(T.self, at: $0) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(try CompactKeyedDecoder<NestedKey>(input: input, offset: try value(key)))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try CompactUnkeyedDecoder(input: input, offset: try value(key))
    }

    func superDecoder() throws -> any Decoder {
        guard let key = Key(stringValue: "super") else { throw CompactInput.failure("no super key") }
        return CompactDecoder(input: input, offset: try value(key))
    }

    func superDecoder(forKey key: Key) throws -> any Decoder { CompactDecoder(input: input, offset: try value(key)) }
}

struct CompactUnkeyedDecoder: UnkeyedDecodingContainer {
    let input: CompactInput
    let count: Int?
    private(set) var currentIndex = 0
    private var offset: Int

    init(input: CompactInput, offset: Int) throws {
        guard try input.tag(at: offset) == .unkeyed else { throw CompactInput.failure("expected a list") }
        self.input = input
        var o = offset + 1
        _ = try input.count(at: &o)
        count = try input.count(at: &o)
        self.offset = o
    }

    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    /// The offset of the next value, moving past it.
    private mutating func next() throws -> Int {
        guard !isAtEnd else { throw CompactInput.failure("a list ended early") }
        let current = offset
        try input.skip(at: &offset)
        currentIndex += 1
        return current
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, try input.isNull(at: offset) else { return false }
        _ = try next()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try input.bool(at: try next()) }
    mutating func decode(_ type: String.Type) throws -> String { try input.string(at: try next()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try input.double(at: try next()) }
    mutating func decode(_ type: Float.Type) throws -> Float { try input.float(at: try next()) }
    mutating func decode(_ type: Int.Type) throws -> Int { try input.integer(at: try next()) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try input.integer(at: try next()) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try input.integer(at: try next()) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try input.integer(at: try next()) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try input.integer(at: try next()) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try input.integer(at: try next()) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try input.integer(at: try next()) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try input.integer(at: try next()) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try input.integer(at: try next()) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try input.integer(at: try next()) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try input.decode(T.self, at: try next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(try CompactKeyedDecoder<NestedKey>(input: input, offset: try next()))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try CompactUnkeyedDecoder(input: input, offset: try next())
    }

    mutating func superDecoder() throws -> any Decoder { CompactDecoder(input: input, offset: try next()) }
}

struct CompactSingleValueDecoder: SingleValueDecodingContainer {
    let input: CompactInput
    let offset: Int
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { (try? input.isNull(at: offset)) ?? false }
    func decode(_ type: Bool.Type) throws -> Bool { try input.bool(at: offset) }
    func decode(_ type: String.Type) throws -> String { try input.string(at: offset) }
    func decode(_ type: Double.Type) throws -> Double { try input.double(at: offset) }
    func decode(_ type: Float.Type) throws -> Float { try input.float(at: offset) }
    func decode(_ type: Int.Type) throws -> Int { try input.integer(at: offset) }
    func decode(_ type: Int8.Type) throws -> Int8 { try input.integer(at: offset) }
    func decode(_ type: Int16.Type) throws -> Int16 { try input.integer(at: offset) }
    func decode(_ type: Int32.Type) throws -> Int32 { try input.integer(at: offset) }
    func decode(_ type: Int64.Type) throws -> Int64 { try input.integer(at: offset) }
    func decode(_ type: UInt.Type) throws -> UInt { try input.integer(at: offset) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try input.integer(at: offset) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try input.integer(at: offset) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try input.integer(at: offset) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try input.integer(at: offset) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try input.decode(T.self, at: offset) }
}
