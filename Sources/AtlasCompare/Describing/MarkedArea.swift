import AtlasModel

/// How far down the leg the marks of one side reach.
public enum Reach: String, Sendable, Codable, Comparable {
    case noLeg = "no-leg", buttock, aboveKnee = "above-knee", knee, belowKnee = "below-knee", ankle, foot

    /// Ordered from no leg to the foot.
    public static func < (a: Reach, b: Reach) -> Bool {
        let order: [Reach] = [.noLeg, .buttock, .aboveKnee, .knee, .belowKnee, .ankle, .foot]
        return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
}

/// Where the marks are on one side of the body, in words.
public struct MarkedArea: Sendable, Codable, Equatable {
    /// `right`, `left`, `both` or `midline`.
    public var side: String
    /// The marked parts, head to foot.
    public var parts: [BodyPart]
    /// How far down the leg the marks go.
    public var reach: Reach
    /// The parts on the foot when the marks reach it.
    var footParts: [BodyPart]

    enum CodingKeys: String, CodingKey { case side, parts, reach }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        side = try c.decode(String.self, forKey: .side)
        parts = try c.decode([BodyPart].self, forKey: .parts)
        reach = try c.decode(Reach.self, forKey: .reach)
        footParts = parts.filter(\.isFoot)
    }

    init(side: String, parts: [BodyPart]) {
        self.side = side
        self.parts = parts
        footParts = parts.filter(\.isFoot)
        reach = Self.reach(of: parts)
    }

    static func reach(of parts: [BodyPart]) -> Reach {
        guard let lowest = parts.filter(\.isLowerLimb).max() else { return .noLeg }
        if lowest.isFoot { return .foot }
        if lowest == .ankle { return .ankle }
        if lowest.isBelowKnee { return .belowKnee }
        if lowest == .knee || lowest == .backOfKnee { return .knee }
        if lowest.isThighOrBelow { return .aboveKnee }
        return .buttock
    }

    /// "buttock and back of the thigh, right side, stopping above the knee".
    public var words: String {
        var text = Phrase.list(parts.map(\.words))
        switch side {
        case "midline": text += ", on the midline"
        case "both": text += ", both sides"
        default: text += ", \(side) side"
        }
        if let reachWords = reachWords { text += ", \(reachWords)" }
        return text
    }

    /// The distal extent in words, when the marks are on the lower limb.
    var reachWords: String? {
        switch reach {
        case .noLeg: nil
        case .buttock: "not reaching the thigh"
        case .aboveKnee: "stopping above the knee"
        case .knee: "reaching the knee"
        case .belowKnee: "reaching below the knee but not the ankle"
        case .ankle: "reaching the ankle"
        case .foot: "reaching the \(Phrase.list(footParts.map(\.words)))"
        }
    }
}

/// Small helpers for English lists.
enum Phrase {
    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }

    /// "1st", "2nd", "3rd", "11th", "22nd".
    static func ordinal(_ n: Int) -> String {
        let teens = (11...13).contains(n % 100)
        let suffix = teens ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }

    static func percent(_ value: Double) -> String {
        value >= 10 ? String(format: "%.0f%%", value) : String(format: "%.1f%%", value)
    }
}
