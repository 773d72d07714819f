import AtlasModel
import Foundation

/// Which kind of source the drawing points to: a nerve root (radicular), a trapped nerve,
/// or referral from a muscle or joint, weighed over the whole drawing, and how strongly.
///
/// It is read from the ranking itself, so the two never disagree: the favoured group is the
/// group of the first match (the group likeliest to be among the sources), and the strength
/// is the odds of that group against the likeliest other, each group's chance summed over
/// every explanation. The reasons split the evidence between the best candidate of each into
/// its parts: the fit of the marks region by region (each weighted by how
/// much is drawn there, so a few cells never decide), the shape of the leg marks and the
/// sensory symptoms (`DrawingFeatures`). Pain below the knee alone proves nothing: somatic
/// referred pain reaches there in a fifth to a quarter of patients (addendum 0.2).
public struct Leaning: Sendable, Codable, Equatable {
    /// Which way the evidence leans, or that it cannot tell.
    public enum Verdict: String, Sendable, Codable {
        case radicular
        case entrapment
        case referred
        case undecided = "cannot-tell"
    }

    /// How strongly: a likelihood ratio under 3 cannot tell, under 20 leans, above favours.
    public enum Strength: String, Sendable, Codable {
        case none, leans, clearly
    }

    /// The best candidate of a group.
    public struct Candidate: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
        public var side: MatchSide
        public var group: SourceGroup
        public var confidence: Double
        /// Tempered log-likelihood, to find each group's strongest candidate.
        var logLikelihood: Double

        enum CodingKeys: String, CodingKey { case id, name, side, group, confidence }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            name = try c.decode(String.self, forKey: .name)
            side = try c.decode(MatchSide.self, forKey: .side)
            group = try c.decode(SourceGroup.self, forKey: .group)
            confidence = try c.decode(Double.self, forKey: .confidence)
            logLikelihood = 0
        }

        init(id: String, name: String, side: MatchSide, group: SourceGroup, confidence: Double, logLikelihood: Double) {
            self.id = id
            self.name = name
            self.side = side
            self.group = group
            self.confidence = confidence
            self.logLikelihood = logLikelihood
        }

        /// "S1 nerve root, right side"
        var words: String { "\(name), \(side.words)" }
    }

    /// One piece of evidence.
    public struct Reason: Sendable, Codable, Equatable {
        /// Natural log of the likelihood ratio it contributes: positive favours the verdict's
        /// group, negative the alternative.
        public var weight: Double
        /// The evidence in plain words ("marks on the heel and sole, 4% of the drawing").
        public var text: String
    }

    /// The conclusion.
    public var verdict: Verdict
    public var strength: Strength
    /// The best candidate of the favoured group (the first match) and of the strongest other.
    public var favoured: Candidate?
    public var alternative: Candidate?
    /// The best nerve-root candidate and the best muscle or joint candidate, always shown.
    public var bestRoot: Candidate?
    public var bestReferred: Candidate?
    /// Natural log of the likelihood ratio of `favoured` over `alternative`.
    public var logRatio: Double
    /// The evidence, strongest first.
    public var reasons: [Reason]
    /// True when the best explanation takes sources of more than one group (a muscle and a
    /// nerve root, say).
    public var mixed: Bool

    static let cannotTell = log(3.0)
    static let clearly = log(20.0)
    /// Odds beyond 1,000 to 1 are not claimed: the model is simpler than patients.
    static let maximum = log(1000.0)

    /// The verdict from the candidates (best first, as ranked) and the reasons for the first
    /// group against the strongest other (weights positive for the first).
    init(ranked: [Candidate], reasons: [Reason], onLowerBody: Bool, mixed: Bool = false, groupShares: [SourceGroup: Double] = [:]) {
        let best = SourceGroup.allCases.compactMap { group in ranked.first { $0.group == group } }
        bestRoot = best.first { $0.group == .root }
        bestReferred = best.first { $0.group == .referred }
        self.mixed = mixed
        guard let top = ranked.first else {
            verdict = .undecided; strength = .none; logRatio = 0; self.reasons = reasons
            favoured = nil; alternative = nil
            return
        }
        let others = best.filter { $0.group != top.group }
        let runnerUp = groupShares.isEmpty
            ? others.max { ($0.confidence, $0.logLikelihood) < ($1.confidence, $1.logLikelihood) }
            : others.max { (groupShares[$0.group] ?? 0, $0.confidence) < (groupShares[$1.group] ?? 0, $1.confidence) }
        favoured = top
        alternative = runnerUp
        // The odds of the two groups being among the sources, each summed over every
        // explanation (several look-alikes of one kind share its mass), from the ranking's own
        // posterior so the verdict and the ranking agree; without them, the odds of the two
        // candidates. Floored so a certainty stays finite.
        let floor = 1e-6
        if !groupShares.isEmpty, let runnerUp {
            let odds = log(max(groupShares[top.group] ?? 0, floor)) - log(max(groupShares[runnerUp.group] ?? 0, floor))
            logRatio = min(Self.maximum, odds)
        } else {
            logRatio = runnerUp.map { min(Self.maximum, log(max(top.confidence, floor)) - log(max($0.confidence, floor))) } ?? Self.clearly
        }
        self.reasons = reasons.sorted { abs($0.weight) > abs($1.weight) }
        if !onLowerBody {
            verdict = .undecided
            strength = .none
            self.reasons.append(Reason(weight: 0, text: "the marks are not on the back, buttock or legs, which this atlas covers"))
        } else if logRatio < Self.cannotTell {
            verdict = .undecided
            strength = .none
        } else {
            verdict = switch top.group {
            case .root: .radicular
            case .entrapment: .entrapment
            case .referred: .referred
            }
            strength = logRatio >= Self.clearly ? .clearly : .leans
        }
    }

    /// The likelihood ratio in words: "about 12 to 1".
    var oddsWords: String {
        let ratio = exp(logRatio)
        if logRatio >= Self.maximum - 1e-9 { return "more than 1,000 to 1" }
        let rounded = ratio >= 100 ? (ratio / 10).rounded() * 10 : ratio >= 10 ? ratio.rounded() : (ratio * 10).rounded() / 10
        return "about \(rounded >= 10 ? String(Int(rounded)) : String(format: "%.1f", rounded)) to 1"
    }

    /// "Favours a nerve root (S1 nerve root, right side) over a muscle or joint (...), clearly
    /// (about 40 to 1): ...". Always names the best root and muscle/joint candidates.
    public var words: String {
        let favouring = reasons.filter { $0.weight > 0.05 }.prefix(4).map(\.text)
        let against = reasons.filter { $0.weight < -0.05 }.prefix(3).map(\.text)
        var text: String
        if let f = favoured, let a = alternative {
            switch verdict {
            case .undecided where mixed:
                text = "Both kinds of source seem present: \(f.group.words) (\(f.words)) and \(a.group.words) (\(a.words)) together explain the drawing better than either alone"
            case .undecided:
                text = "Cannot tell \(f.group.words) from \(a.group.words): the best of each (\(f.words); \(a.words)) explain the drawing nearly as well (\(oddsWords))"
            default:
                let how = strength == .clearly ? "clearly" : "leans towards"
                text = strength == .clearly
                    ? "The evidence clearly favours \(f.group.words) (\(f.words)) over \(a.group.words) (\(a.words)), \(oddsWords)"
                    : "The evidence \(how) \(f.group.words) (\(f.words)) rather than \(a.group.words) (\(a.words)), \(oddsWords)"
            }
        } else if let f = favoured {
            text = "Only \(f.group.words) fits: \(f.words)"
        } else {
            text = "Cannot tell: no pattern fits"
        }
        if !favouring.isEmpty { text += ": " + favouring.joined(separator: "; ") }
        text += "."
        if !against.isEmpty { text += " Against: \(against.joined(separator: "; "))." }
        if mixed && verdict != .undecided { text += " The drawing is best explained by more than one source, of different kinds." }
        // The two families a reader asks about, when the comparison above did not name both.
        let named = [favoured?.id, alternative?.id]
        let missing = [bestRoot, bestReferred].compactMap { $0 }.filter { !named.contains($0.id) }
        for candidate in missing {
            text += " Best \(candidate.group == .root ? "nerve-root" : "muscle or joint") candidate: \(candidate.words)."
        }
        return text
    }
}
