import AtlasModel
import Foundation

/// One pattern on one side, scored against a drawing: what the ranking and the verdict use.
struct Candidate: Sendable {
    let mask: PatternMask
    /// The pattern's zone rates at the drawing's fill density (`ZoneRates.inked(_:)`).
    let rates: ZoneRates
    /// Tempered log-likelihood of the cells alone.
    let cells: Double
    /// Per spillover zone (panel by panel, zone by zone): whether the patient is likelier to
    /// have it than not. Combinations and the verdict's reasons use the likelier state.
    var spilloverPresent: [Bool]
    /// The log prior of those states, for combinations.
    let spilloverPrior: Double
    /// Tempered log-likelihood relative to "explains nothing" (`Likelihood`), with the
    /// drawing's features for the pattern's group.
    let logLikelihood: Double
    /// Per panel, which cells carry a sensory mark (numbness, pins and needles): a zone's
    /// rate for those cells is scaled by `ZoneRates.sensoryFactor(_:)`.
    var sensory: [[Bool]] = []
    var group: SourceGroup { mask.group }

    /// Every zone cell with its marking rate: essential, the spillover zones the patient
    /// likely has, and the margin; a cell marked sensory at its rate times the group's
    /// sensory factor (`ZoneRates.sensoryFactor(_:)`).
    func forEachZoneCell(_ body: (_ panel: Int, _ cell: Int, _ rate: Double) -> Void) {
        let factor = ZoneRates.sensoryFactor(group)
        if factor != 1, !sensory.isEmpty {
            forEachPlainZoneCell { panel, cell, rate in body(panel, cell, sensory[panel][cell] ? rate * factor : rate) }
        } else {
            forEachPlainZoneCell(body)
        }
    }

    /// Every zone cell with its rate for a cell marked as pain.
    private func forEachPlainZoneCell(_ body: (_ panel: Int, _ cell: Int, _ rate: Double) -> Void) {
        var part = 0
        for zone in mask.panels {
            for cell in zone.essential { body(zone.panelIndex, Int(cell), rates.essential) }
            for (index, (cells, ring)) in zip(zone.spilloverParts, zone.spilloverMarginParts).enumerated() {
                if spilloverPresent[part] {
                    for cell in cells { body(zone.panelIndex, Int(cell), rates.spillover) }
                    for cell in ring { body(zone.panelIndex, Int(cell), rates.spilloverMargin) }
                } else if index < zone.spilloverNearParts.count {
                    for cell in zone.spilloverNearParts[index] { body(zone.panelIndex, Int(cell), rates.margin) }
                }
                part += 1
            }
            for cell in zone.margin { body(zone.panelIndex, Int(cell), rates.margin) }
        }
    }

    /// Each cell's marking rate, per panel (the elsewhere rate off the zones).
    func denseRates() -> [[Double]] {
        var dense = mask.classes.map { [Double](repeating: ZoneRates.elsewhere, count: $0.count) }
        forEachZoneCell { panel, cell, rate in dense[panel][cell] = rate }
        return dense
    }
}

/// The scored drawing: matches best first, explanations by one or more sources, and the
/// candidates behind the matches (same order).
struct Ranking: Sendable {
    var matches: [PatternMatch]
    var explanations: [Explanation]
    var candidates: [Candidate]
    /// Per source group, the chance that a source of that group is among the drawing's
    /// sources (summed over every explanation considered).
    var groupShares: [SourceGroup: Double] = [:]
}

/// Ranks every pattern and side against a drawing by the likelihood model (`Likelihood`,
/// `ZoneRates`), then looks for combinations of two or three sources (`SourceCombiner`).
/// A match's confidence is the posterior probability that it is one of the drawing's
/// sources, over every explanation considered (one, two or three sources), with a uniform
/// prior over patterns and sides. The score is its log-likelihood ratio against the
/// background model. Precision and coverage are kept as the explanation of the score.
enum PatternScorer {
    static func rank(_ marks: DrawingMarks, masks: [PatternMask], features: DrawingFeatures = DrawingFeatures(features: []),
                     allowBoth: Bool = true, temperature: Double = Priors.temperature) -> Ranking {
        let totalDrawn = marks.markedCells
        guard totalDrawn > 0 else { return Ranking(matches: [], explanations: [], candidates: []) }
        let masks = allowBoth ? masks : masks.filter { $0.side != .both }
        let sensory = marks.panels.map { panel in
            (0..<panel.any.count).map { i in panel.marked[1][i] || panel.marked[2][i] }
        }
        let totalSensory = sensory.reduce(0) { $0 + $1.reduce(0) { $0 + ($1 ? 1 : 0) } }
        let bodyCells = marks.bodyCellCount
        let offset = Likelihood.offsetToBackground(marked: totalDrawn, cells: bodyCells)
        var candidates: [Candidate] = []
        var fits: [PatternMatch] = []
        for mask in masks {
            let rates = mask.rates.inked(marks.fillDensity)
            let (fit, cellLikelihood, present) = score(mask, rates: rates, marks: marks, sensory: sensory, totalDrawn: totalDrawn,
                                                       totalSensory: totalSensory)
            let share = ZoneRates.spilloverShare
            let prior = present.reduce(0) { $0 + log($1 ? share : 1 - share) }
            var candidate = Candidate(mask: mask, rates: rates, cells: cellLikelihood, spilloverPresent: present, spilloverPrior: prior,
                                      logLikelihood: cellLikelihood + features.logRatio(for: mask.group))
            candidate.sensory = sensory
            var match = fit
            match.score = candidate.logLikelihood + offset
            candidates.append(candidate)
            fits.append(match)
        }
        let combined = SourceCombiner.explain(candidates, marks: marks, features: features, temperature: temperature)
        for index in fits.indices { fits[index].confidence = combined.marginals[index] }
        var byConfidence = fits.indices.sorted { a, b in
            (fits[a].confidence, candidates[a].logLikelihood, fits[b].id) > (fits[b].confidence, candidates[b].logLikelihood, fits[a].id)
        }
        // A combination that is clearly the best explanation leads the list, the source that
        // explains most alone first, so that the first matches agree with "best explained by A
        // together with B". One that is best by less keeps the confidence order: putting the
        // stronger-alone source first there (as before) named it first even where a single
        // source was nearly as likely as the pair.
        byConfidence = combinationFirst(byConfidence, members: combined.best, bestShare: combined.bestShare,
                                        bestSingleShare: combined.bestSingleShare)
        // The first match comes from the group likeliest to be among the sources.
        if combined.best.count <= 1 {
            byConfidence = likeliestGroupFirst(byConfidence, groups: candidates.map(\.group), shares: combined.groupShares)
        }
        // Matches with (next to) no marked cell in their zones are left out of the report, so the
        // distinct-sources order is taken over the others; those follow at the end.
        let evidence = byConfidence.filter { fits[$0].hasEvidence }
        let order = DistinctSources.order(evidence.map { SourceKey(mask: masks[$0]) }).map { evidence[$0] }
            + byConfidence.filter { !fits[$0].hasEvidence }
        return Ranking(matches: order.map { fits[$0] }, explanations: combined.explanations, candidates: order.map { candidates[$0] },
                       groupShares: combined.groupShares)
    }

    /// `order` (indices into `groups`) led by the best candidate of the group likeliest to be
    /// among the sources (its share summed over every explanation), when the first belongs to
    /// another group: several look-alikes of one kind can together outweigh a single
    /// candidate of another kind that beats each of them alone, and the first match then
    /// agrees with the verdict. Ties keep the order.
    static func likeliestGroupFirst(_ order: [Int], groups: [SourceGroup], shares: [SourceGroup: Double]) -> [Int] {
        guard let first = order.first,
              let likeliest = shares.max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }),
              likeliest.value > (shares[groups[first]] ?? 0),
              let lead = order.first(where: { groups[$0] == likeliest.key }) else { return order }
        return [lead] + order.filter { $0 != lead }
    }

    /// How much likelier a combination of sources must be than the likeliest single source
    /// before its sources lead the list. The posterior already makes each extra source pay its
    /// prior (`Priors.logCombinationPrior`: some e^-5 for a second source among seventy
    /// candidates), so a combination that is the best explanation at all has gained more
    /// likelihood than that penalty; the odds asked for on top are those the verdict calls
    /// "leans" (3 to 1), so that a near tie, which a photo's blur can flip, moves nothing.
    static let combinationLeadOdds = 3.0

    /// `order` led by the `members` of the best explanation (strongest alone first) when they
    /// are two or three and that explanation's posterior `bestShare` is at least `odds` times
    /// that of the likeliest single source: a look-alike of one member, which gathers that
    /// member's probability over many explanations, could otherwise push the other member out
    /// of the first three.
    static func combinationFirst(_ order: [Int], members: [Int], bestShare: Double, bestSingleShare: Double,
                                 odds: Double = combinationLeadOdds) -> [Int] {
        guard members.count > 1, bestShare >= odds * bestSingleShare else { return order }
        return members + order.filter { !members.contains($0) }
    }

    /// The figures of one pattern and side, and its tempered cell log-likelihood.
    private static func score(_ mask: PatternMask, rates: ZoneRates, marks: DrawingMarks, sensory: [[Bool]], totalDrawn: Int,
                              totalSensory: Int) -> (PatternMatch, Double, [Bool]) {
        var essentialIn = 0, spilloverIn = 0, marginIn = 0, sensoryIn = 0
        var spilloverLikelihood = 0.0, present: [Bool] = []
        // A marked cell that carries a sensory mark counts at the rate times the group's
        // sensory factor: the same marked/blank sums plus log(factor) per such cell.
        let logFactor = Likelihood.tempering * log(ZoneRates.sensoryFactor(mask.group))
        var sensoryExtra = 0.0
        var views: [ViewFit] = []
        for zone in mask.panels {
            let any = marks.panels[zone.panelIndex].any
            let senses = sensory[zone.panelIndex]
            let (e, sensoryE) = hits(zone.essential, any, senses)
            let (s, sensoryS) = hits(zone.spillover, any, senses)
            let (m, sensoryM) = hits(zone.margin, any, senses)
            for (index, (part, ring)) in zip(zone.spilloverParts, zone.spilloverMarginParts).enumerated() {
                let (marked, sensoryMarked) = hits(part, any, senses)
                let (ringMarked, sensoryRing) = hits(ring, any, senses)
                let near = index < zone.spilloverNearParts.count ? zone.spilloverNearParts[index] : []
                let (nearMarked, sensoryNear) = hits(near, any, senses)
                let state = Likelihood.spillover(marked: marked, blank: part.count - marked, rate: rates.spillover,
                                                 ringMarked: ringMarked, ringBlank: ring.count - ringMarked, ringRate: rates.spilloverMargin,
                                                 extra: logFactor * Double(sensoryMarked + sensoryRing),
                                                 nearMarked: nearMarked, nearBlank: near.count - nearMarked, nearRate: rates.margin,
                                                 nearExtra: logFactor * Double(sensoryNear))
                spilloverLikelihood += state.logLikelihood
                present.append(state.present)
            }
            essentialIn += e
            spilloverIn += s
            marginIn += m
            sensoryIn += sensoryE + sensoryS + sensoryM
            sensoryExtra += logFactor * Double(sensoryE + sensoryM)
            let drawnHere = marks.panels[zone.panelIndex].count()
            views.append(ViewFit(view: marks.viewIDs[zone.panelIndex],
                                 precision: drawnHere > 0 ? Double(e + s) / Double(drawnHere) : nil,
                                 essentialCoverage: ratio(e, zone.essential.count), spilloverCoverage: ratio(s, zone.spillover.count),
                                 cellsInside: e + s))
        }
        let essentialCells = mask.essentialCells, spilloverCells = mask.spilloverCells
        let marginCells = mask.panels.reduce(0) { $0 + $1.margin.count }
        let likelihood = Likelihood.zone(marked: essentialIn, blank: essentialCells - essentialIn, rate: rates.essential)
            + spilloverLikelihood
            + Likelihood.zone(marked: marginIn, blank: marginCells - marginIn, rate: rates.margin) + sensoryExtra
        let match = PatternMatch(id: mask.pattern.id, name: mask.pattern.name, family: mask.pattern.family, side: mask.side,
                                 score: 0, confidence: 0, precision: Double(essentialIn + spilloverIn) / Double(totalDrawn),
                                 essentialCoverage: ratio(essentialIn, essentialCells), spilloverCoverage: ratio(spilloverIn, spilloverCells),
                                 sensoryInside: totalSensory > 0 ? Double(sensoryIn) / Double(totalSensory) : nil, views: views)
        return (match, likelihood, present)
    }

    /// How many of `cells` are marked, and how many carry a sensory mark.
    private static func hits(_ cells: [Int32], _ marked: [Bool], _ sensory: [Bool]) -> (Int, Int) {
        var count = 0, sensoryCount = 0
        marked.withUnsafeBufferPointer { marked in
            sensory.withUnsafeBufferPointer { sensory in
                for cell in cells {
                    if marked[Int(cell)] { count += 1 }
                    if sensory[Int(cell)] { sensoryCount += 1 }
                }
            }
        }
        return (count, sensoryCount)
    }

    private static func ratio(_ part: Int, _ whole: Int) -> Double? {
        whole > 0 ? Double(part) / Double(whole) : nil
    }
}
