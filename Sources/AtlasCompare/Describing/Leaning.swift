import AtlasModel

/// Whether a drawing looks more like nerve-root (radicular) pain or referred pain from a
/// muscle or joint, with the reasons. The weights follow clinical-facts.md 9c and 11: marks
/// on the foot (4) and numbness or pins and needles on the leg (4) favour a root; marks that
/// stop above the knee or stay in the back and buttock (-4) favour referral (Ohnmeiss 1999);
/// marks below the knee that stop short of the foot (2), a narrow band (1) and which family
/// fits best (2) are weak, because gluteus minimus and the sacroiliac joint reach there too.
/// It takes 4 either way to lean; a lateral strip to the ankle alone cannot tell.
public struct Leaning: Sendable, Codable, Equatable {
    /// Which way the evidence leans, or that it cannot tell.
    public enum Verdict: String, Sendable, Codable {
        case radicular
        case referred
        case undecided = "cannot-tell"
    }

    /// One piece of evidence: positive favours radicular, negative referred.
    public struct Reason: Sendable, Codable, Equatable {
        /// Positive favours radicular, negative referred; 4 is strong, 1 weak.
        public var weight: Int
        /// The evidence in plain words ("marks reach the heel and sole").
        public var text: String
    }

    /// The conclusion.
    public var verdict: Verdict
    /// The evidence, strongest first.
    public var reasons: [Reason]

    /// The sum of the weights: 4 or more leans radicular, -4 or less referred.
    public var balance: Int { reasons.reduce(0) { $0 + $1.weight } }

    static let threshold = 4
    /// How much better the best pattern of one kind must fit to count as evidence.
    static let fitMargin = 0.1
    /// The least score for a family's best fit to count as evidence.
    static let fairFit = 0.5
    /// Narrower than this, leg marks form a band (radicular pain: a narrow band, ~5 to 8 cm).
    static let bandWidth = 80.0

    init(areas: [MarkedArea], locations: MarkLocations, matches: [PatternMatch]) {
        var reasons: [Reason] = []
        let reach = areas.map(\.reach).max() ?? .noLeg
        let onLowerBody = locations.cells.contains { $0.part.isLowerLimb || $0.part == .lowerBack || $0.part == .sacrum }
        switch reach {
        case .foot:
            let foot = Set(areas.flatMap(\.footParts)).sorted().map(\.words)
            reasons.append(Reason(weight: 4, text: "marks reach the \(Phrase.list(foot))"))
        case .ankle:
            reasons.append(Reason(weight: 2, text: "marks reach the ankle (nerve-root pain often does; gluteus minimus can too)"))
        case .belowKnee:
            reasons.append(Reason(weight: 2, text: "marks reach below the knee (nerve-root pain often does; gluteus minimus and the sacroiliac joint can too)"))
        case .knee, .aboveKnee:
            reasons.append(Reason(weight: -4, text: "no marks below the knee"))
        case .buttock:
            reasons.append(Reason(weight: -4, text: "the marks stay in the back and buttock"))
        case .noLeg:
            if onLowerBody { reasons.append(Reason(weight: -4, text: "the marks stay in the back")) }
        }
        if let sensory = locations.sensoryOnLeg {
            reasons.append(Reason(weight: 4, text: "\(Phrase.list(sensory.symptoms.map(\.words))) marked on the \(Phrase.list(sensory.parts.map(\.words)))"))
        }
        if reach >= .belowKnee, let width = locations.legBandWidth, width <= Self.bandWidth {
            reasons.append(Reason(weight: 1, text: "the leg marks form a narrow band (about \(Int((width / 10).rounded())) cm wide)"))
        }
        let radicular = matches.first { $0.family == .radicular }
        let referred = matches.first { $0.family != .radicular }
        // Which family fits best counts only when the fit itself is fair: the atlas holds few
        // patterns below the knee, so a poor best fit says little.
        if let r = radicular, let m = referred, max(r.score, m.score) >= Self.fairFit {
            if r.score >= m.score + Self.fitMargin {
                reasons.append(Reason(weight: 2, text: "the drawing fits \(r.name) better than any muscle or joint pattern"))
            } else if m.score >= r.score + Self.fitMargin {
                reasons.append(Reason(weight: -2, text: "the drawing fits \(m.name) better than any nerve-root pattern"))
            }
        }
        self.reasons = reasons.sorted { abs($0.weight) > abs($1.weight) }
        let balance = reasons.reduce(0) { $0 + $1.weight }
        if !onLowerBody {
            verdict = .undecided
            self.reasons.append(Reason(weight: 0, text: "the marks are not on the back, buttock or legs, which this atlas covers"))
        } else if balance >= Self.threshold {
            verdict = .radicular
        } else if balance <= -Self.threshold {
            verdict = .referred
        } else {
            verdict = .undecided
        }
    }

    /// "Leans radicular (nerve root): marks reach the heel and sole; ..."
    public var words: String {
        let favouring = reasons.filter { verdict == .radicular ? $0.weight > 0 : verdict == .referred ? $0.weight < 0 : true }
        let against = reasons.filter { verdict == .radicular ? $0.weight < 0 : verdict == .referred ? $0.weight > 0 : false }
        let why = favouring.map(\.text).joined(separator: "; ")
        var text: String
        switch verdict {
        case .radicular: text = "Leans radicular (nerve root): \(why)."
        case .referred: text = "Leans referred (from a muscle or joint): \(why)."
        case .undecided: text = "Cannot tell radicular from referred: \(why.isEmpty ? "too little to go on" : why)."
        }
        if !against.isEmpty { text += " Against: \(against.map(\.text).joined(separator: "; "))." }
        return text
    }
}
