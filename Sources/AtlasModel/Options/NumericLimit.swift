/// A number a user gives (a width, a resolution, a count), with the range it must lie in.
/// Every command checks its numbers through these, so that `-5`, `nan`, `inf` and `1e12`
/// get the same clear message wherever they are typed.
public struct NumericLimit<Value: Comparable & Sendable>: Sendable {
    /// The option's name as the user types it, without dashes (`width`, `dpi`, `top`).
    public let name: String
    public let range: ClosedRange<Value>
    /// What the number counts, for the message (`pixels`, `dots per inch`).
    public let unit: String

    public init(name: String, range: ClosedRange<Value>, unit: String) {
        self.name = name
        self.range = range
        self.unit = unit
    }
}

extension NumericLimit where Value == Int {
    @discardableResult
    public func check(_ value: Int) throws(InvalidOption) -> Int {
        guard range.contains(value) else {
            throw InvalidOption("--\(name) must be \(range.lowerBound) to \(range.upperBound) \(unit), not \(value)")
        }
        return value
    }
}

extension NumericLimit where Value == Double {
    /// Refuses NaN and infinities too (a closed range of doubles contains neither).
    @discardableResult
    public func check(_ value: Double) throws(InvalidOption) -> Double {
        guard value.isFinite, range.contains(value) else {
            throw InvalidOption("--\(name) must be a number from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound)) \(unit), not \(Self.format(value))")
        }
        return value
    }

    static func format(_ x: Double) -> String { x.isFinite && abs(x) < 1e15 && x == x.rounded() ? String(Int(x)) : String(x) }
}

/// The limits of every numeric option of the tool.
public enum Limits {
    /// A picture's width: below 100 px nothing is legible; above 20000 px a chart would
    /// need gigabytes of pixels.
    public static let width = NumericLimit(name: "width", range: 100...20_000, unit: "pixels")
    /// The resolution of a page or a PNG: 30 dpi is a thumbnail, 1200 dpi a photo-setter.
    public static let dpi = NumericLimit(name: "dpi", range: 30.0...1200.0, unit: "dots per inch")
    /// How many ranked patterns to list.
    public static let top = NumericLimit(name: "top", range: 1...100, unit: "patterns")
    /// How many pictures to draw at once (`render --all --jobs`): more than the machine's
    /// cores only costs memory.
    public static let jobs = NumericLimit(name: "jobs", range: 1...256, unit: "workers")
}

/// A number or value outside what an option accepts; the message names the option.
public struct InvalidOption: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
