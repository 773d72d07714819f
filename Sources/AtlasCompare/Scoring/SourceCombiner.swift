import AtlasModel
import Foundation

/// One explanation of a drawing: one source, or two or three at once (possibly on
/// different sides), with its posterior probability among all explanations considered.
public struct Explanation: Sendable, Codable, Equatable {
    /// One source of an explanation.
    public struct Source: Sendable, Codable, Equatable {
        public var id: String
        public var name: String
        public var side: MatchSide
        public var family: Family
    }

    public var sources: [Source]
    /// Share of the marked cells inside the sources' zones (essential or spillover).
    public var shareExplained: Double
    /// Posterior probability of this explanation among those considered.
    public var confidence: Double

    /// "gluteus medius (right) together with S1 nerve root (right)".
    public var words: String {
        sources.map { "\($0.name) (\($0.side == .both ? "both sides" : $0.side.rawValue))" }.joined(separator: " together with ")
    }
}

/// Looks for drawings better explained by two or three sources than by one.
///
/// A combination marks a cell at the highest rate any of its sources gives that cell (the
/// cell is explained by whichever source explains it best). Its prior (`Priors`) is the
/// share of drawings with that many sources spread over every combination of that size:
/// with some seventy candidates there are thirty-five times as many pairs as singles, so a
/// pair must explain clearly more than one source before it is preferred (an Occam factor).
/// Every pair of patterns is scored, with the spillover zones each source was given alone
/// reconsidered for the pair (`refitted`); triples extend the best pairs.
enum SourceCombiner {
    /// Pairs extended to triples.
    static let triplesFrom = 4

    struct Result {
        /// Per candidate: the posterior probability that it is one of the sources.
        var marginals: [Double]
        /// The best explanations, most probable first (at most three).
        var explanations: [Explanation]
        /// The candidates of the most probable explanation, the one that explains most of the
        /// drawing on its own first.
        var best: [Int] = []
        /// Per source group: the posterior probability that a source of that group is among
        /// the drawing's sources.
        var groupShares: [SourceGroup: Double] = [:]
        /// The posterior probability of the most probable explanation, and of the most
        /// probable single source: their ratio says how clearly a combination wins.
        var bestShare = 0.0, bestSingleShare = 0.0
    }

    static func explain(_ candidates: [Candidate], marks: DrawingMarks, features: DrawingFeatures,
                        temperature: Double = Priors.temperature) -> Result {
        guard !candidates.isEmpty else { return Result(marginals: [], explanations: [], best: []) }
        let prior = candidates.map { Priors.logPrior($0.group) }
        // The temperature tempers the evidence (the likelihood), not the priors: it corrects
        // cells counted as if independent, and a prior counts nothing twice.
        let t = max(temperature, 1e-6)
        var hypotheses: [(members: [Int], logPosterior: Double)] = candidates.indices.map { ([$0], candidates[$0].logLikelihood / t + prior[$0]) }
        var pairs: [(members: [Int], cells: Double, logPosterior: Double)] = []
        // Reconsidering spillover states only changes a pair whose zones share cells; the
        // variants are built the first time such a pair needs them.
        // Pairs where neither source is among the strongest alone are not refitted: the refit
        // lets a strong first source give up spillover a weaker second one explains.
        let footprints = candidates.map { Footprint($0.mask) }
        var rank = [Int](repeating: 0, count: candidates.count)
        for (place, index) in candidates.indices.sorted(by: { candidates[$0].logLikelihood > candidates[$1].logLikelihood }).enumerated() { rank[index] = place }
        var variants = [[Variant]?](repeating: nil, count: candidates.count)
        func variantsOf(_ index: Int) -> [Variant] {
            if let built = variants[index] { return built }
            let built = Self.variants(candidates[index], marks: marks)
            variants[index] = built
            return built
        }
        for a in candidates.indices {
            let rates = candidates[a].denseRates()
            for b in candidates.indices where b > a && compatible(candidates[a].mask, candidates[b].mask) {
                var cells = candidates[a].cells + addedLikelihood(rates: rates, adding: candidates[b], marks: marks)
                if min(rank[a], rank[b]) < Self.refitRanks, footprints[a].overlaps(footprints[b]) {
                    cells = max(cells, refitted(variantsOf(a), variantsOf(b), footprints: (footprints[a], footprints[b]), marks: marks))
                }
                let feature = max(features.logRatio(for: candidates[a].group), features.logRatio(for: candidates[b].group))
                pairs.append(([a, b], cells, (cells + feature) / t + prior[a] + prior[b]))
            }
        }
        let n = candidates.count
        let pairPrior = Priors.logCombinationPrior(size: 2, candidates: n, combinations: max(1, pairs.count))
        // Triples are only scored from the best pairs, but their prior counts every triple
        // there could be (about n^3 / 6), so looking at few of them favours none.
        let triplePrior = Priors.logCombinationPrior(size: 3, candidates: n, combinations: max(1, n * (n - 1) * (n - 2) / 6))
        for index in pairs.indices { pairs[index].logPosterior += pairPrior }
        pairs.sort { $0.logPosterior > $1.logPosterior }
        hypotheses += pairs.map { ($0.members, $0.logPosterior) }
        for pair in pairs.prefix(triplesFrom) {
            let (a, b) = (pair.members[0], pair.members[1])
            var rates = candidates[a].denseRates()
            candidates[b].forEachZoneCell { panel, cell, rate in
                if rates[panel].isEmpty { rates[panel] = [Double](repeating: ZoneRates.elsewhere, count: candidates[b].mask.classes[panel].count) }
                if rates[panel][cell] < rate { rates[panel][cell] = rate }
            }
            let pairCells = pair.cells
            for c in candidates.indices where c != a && c != b
                && compatible(candidates[a].mask, candidates[c].mask) && compatible(candidates[b].mask, candidates[c].mask) {
                let cells = pairCells + addedLikelihood(rates: rates, adding: candidates[c], marks: marks)
                let feature = [a, b, c].map { features.logRatio(for: candidates[$0].group) }.max() ?? 0
                let members = [a, b, c].sorted()
                guard !hypotheses.contains(where: { $0.members == members }) else { continue }
                hypotheses.append((members, (cells + feature) / t + prior[a] + prior[b] + prior[c] + triplePrior))
            }
        }
        let shares = Likelihood.shares(hypotheses.map(\.logPosterior))
        var marginals = [Double](repeating: 0, count: candidates.count)
        var groupShares: [SourceGroup: Double] = [:]
        for (hypothesis, share) in zip(hypotheses, shares) {
            for member in hypothesis.members { marginals[member] += share }
            for group in Set(hypothesis.members.map { candidates[$0].group }) { groupShares[group, default: 0] += share }
        }
        let best = shares.indices.sorted { shares[$0] > shares[$1] }.prefix(3)
        let strongestFirst = { (members: [Int]) in members.sorted { candidates[$0].logLikelihood > candidates[$1].logLikelihood } }
        let explanations = best.map { index in
            let members = strongestFirst(hypotheses[index].members)
            return Explanation(sources: members.map { source(candidates[$0].mask) },
                               shareExplained: shareExplained(members.map { candidates[$0].mask }, marks: marks),
                               confidence: shares[index])
        }
        return Result(marginals: marginals, explanations: explanations, best: best.first.map { strongestFirst(hypotheses[$0].members) } ?? [],
                      groupShares: groupShares, bestShare: best.first.map { shares[$0] } ?? 0,
                      bestSingleShare: candidates.indices.map { shares[$0] }.max() ?? 0)
    }

    /// Two patterns can be combined unless they are the same pattern (both sides at once is
    /// its own candidate) or one includes the other (a muscle and one of its trigger points).
    static func compatible(_ a: PatternMask, _ b: PatternMask) -> Bool {
        a.pattern.id != b.pattern.id && !a.pattern.includes.contains(b.pattern.id) && !b.pattern.includes.contains(a.pattern.id)
    }

    /// How many of the strongest single sources are refitted with every overlapping partner.
    static let refitRanks = 8

    /// The cells a source's zones and margins cover in any of its spillover states, per panel,
    /// as bits. Two sources that share none keep, together, the states each had alone (each
    /// source's cells are scored at its own rates), so only overlapping pairs are refitted.
    struct Footprint {
        var panels: [[UInt64]]

        init(_ mask: PatternMask) {
            panels = mask.classes.map { classes in
                var words = [UInt64](repeating: 0, count: (classes.count + 63) / 64)
                for (cell, value) in classes.enumerated() where value != 0 { words[cell >> 6] |= 1 << UInt64(cell & 63) }
                return words
            }
        }

        /// One spillover zone (`part`, counted as `Candidate.spilloverPresent` counts) and the
        /// ring that goes with it: what dropping that zone changes.
        init(_ mask: PatternMask, spilloverPart part: Int) {
            panels = mask.classes.map { [UInt64](repeating: 0, count: ($0.count + 63) / 64) }
            var index = 0
            for zone in mask.panels {
                for (cells, ring) in zip(zone.spilloverParts, zone.spilloverMarginParts) {
                    if index == part {
                        for cell in cells + ring { panels[zone.panelIndex][Int(cell) >> 6] |= 1 << UInt64(Int(cell) & 63) }
                    }
                    index += 1
                }
            }
        }

        func overlaps(_ other: Footprint) -> Bool {
            for (mine, theirs) in zip(panels, other.panels) where !mine.isEmpty && !theirs.isEmpty {
                for (x, y) in zip(mine, theirs) where x & y != 0 { return true }
            }
            return false
        }
    }

    /// One source with some of the spillover zones it was given alone dropped, ready to be
    /// combined: its cell rates, and its tempered log-likelihood with those states' priors.
    struct Variant {
        var candidate: Candidate
        var rates: [[Double]]
        /// Tempered, with the prior of its spillover states (`prior`).
        var logLikelihood: Double
        var prior: Double
        /// The zone this variant dropped; nil for the states the source had alone.
        var dropped: Footprint?
    }

    /// The source as scored alone (its likelier spillover states) and with each spillover zone
    /// it has dropped in turn.
    static func variants(_ candidate: Candidate, marks: DrawingMarks) -> [Variant] {
        var states: [(present: [Bool], dropped: Footprint?)] = [(candidate.spilloverPresent, nil)]
        for part in candidate.spilloverPresent.indices where candidate.spilloverPresent[part] {
            var dropped = candidate.spilloverPresent
            dropped[part] = false
            states.append((dropped, Footprint(candidate.mask, spilloverPart: part)))
        }
        let marked = marks.panels.map(\.any)
        let share = ZoneRates.spilloverShare
        return states.map { present, dropped in
            var variant = candidate
            variant.spilloverPresent = present
            var sum = 0.0
            variant.forEachZoneCell { panel, cell, rate in sum += Likelihood.cell(marked: marked[panel][cell], rate: rate) }
            let prior = present.reduce(0) { $0 + log($1 ? share : 1 - share) }
            return Variant(candidate: variant, rates: variant.denseRates(), logLikelihood: Likelihood.tempering * sum + prior, prior: prior,
                           dropped: dropped)
        }
    }

    /// The pair's tempered cell log-likelihood (with its spillover states' priors) when the
    /// spillover zones each source was given alone are reconsidered together: a zone that one
    /// source has only because the other's marks lie in it is dropped when the pair is then
    /// likelier. Each source alone chose its states without the other; scored with those
    /// states fixed, a second source whose marks lie in the first's spillover gained next to
    /// nothing (the cells were explained already) while the first kept paying for the blank
    /// rest of that zone. At most one zone of each source is dropped.
    /// A dropped zone that shares no cell with the other source cannot make the pair likelier
    /// (alone, the source was likelier with it), and both kept as alone is the plain pair:
    /// neither is tried.
    static func refitted(_ a: [Variant], _ b: [Variant], footprints: (a: Footprint, b: Footprint), marks: DrawingMarks) -> Double {
        guard a.count > 1 || b.count > 1 else { return -.infinity }
        var best = -Double.infinity
        for first in a where first.dropped?.overlaps(footprints.b) ?? true {
            for second in b where second.dropped?.overlaps(footprints.a) ?? true {
                if first.dropped == nil && second.dropped == nil { continue }
                // `addedLikelihood` counts the prior of the states the second source had alone.
                let added = addedLikelihood(rates: first.rates, adding: second.candidate, marks: marks)
                    - second.candidate.spilloverPrior + second.prior
                best = max(best, first.logLikelihood + added)
            }
        }
        return best
    }

    /// What adding `mask` to a combination whose cell rates are `rates` changes.
    static func addedLikelihood(rates: [[Double]], adding candidate: Candidate, marks: DrawingMarks) -> Double {
        var delta = 0.0
        let p0 = ZoneRates.elsewhere
        let marked = marks.panels.map(\.any)
        candidate.forEachZoneCell { panel, cell, rate in
            let current = rates[panel].isEmpty ? p0 : rates[panel][cell]
            guard rate > current else { return }
            let m = marked[panel][cell]
            delta += Likelihood.cell(marked: m, rate: rate) - (current > p0 ? Likelihood.cell(marked: m, rate: current) : 0)
        }
        return Likelihood.tempering * delta + candidate.spilloverPrior
    }

    private static func source(_ mask: PatternMask) -> Explanation.Source {
        Explanation.Source(id: mask.pattern.id, name: mask.pattern.name, side: mask.side, family: mask.pattern.family)
    }

    /// Share of the marked cells inside any of the masks' essential or spillover zones.
    static func shareExplained(_ masks: [PatternMask], marks: DrawingMarks) -> Double {
        let total = marks.markedCells
        guard total > 0 else { return 0 }
        var inside = 0
        for (index, panel) in marks.panels.enumerated() {
            for cell in panel.any.indices where panel.any[cell] {
                if masks.contains(where: { mask in
                    let classes = mask.classes[index]
                    return !classes.isEmpty && classes[cell] >= UInt8(CellClass.spillover.rawValue)
                }) { inside += 1 }
            }
        }
        return Double(inside) / Double(total)
    }
}
