/// A small deterministic generator (SplitMix64), so drawings are the same on every run.
public struct SeededRandom: Sendable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    /// Uniform in 0..<n.
    public mutating func next(below n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    /// Uniform in [a, b).
    public mutating func between(_ a: Double, _ b: Double) -> Double { a + (b - a) * unit() }
    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { unit() < p }
    /// One of `items`.
    public mutating func pick<T>(_ items: [T]) -> T { items[next(below: items.count)] }
}
