@testable import AtlasCompare
import AtlasModel
import AtlasRender
import Foundation
import Testing

/// The priors, the calibration temperature, the distinct-source order and the search for two
/// sources, with marks set cell by cell from the masks (no painter).
@Suite("Priors, calibration and two sources")
struct PriorsAndPairsTests {
    @Test func combinationPriorsSpreadTheirShareOverEveryCombination() {
        // All pairs together weigh twoSourceShare against the singles' share, however many.
        for (candidates, pairs) in [(10, 45), (70, 2400)] {
            let each = Priors.logCombinationPrior(size: 2, candidates: candidates, combinations: pairs)
            let single = 1 - Priors.twoSourceShare - Priors.threeSourceShare
            let allPairs = exp(each) * Double(pairs) / Double(candidates)
            #expect(abs(allPairs - Priors.twoSourceShare / single) < 1e-9)
        }
        // More combinations: each one is less likely a priori.
        #expect(Priors.logCombinationPrior(size: 2, candidates: 70, combinations: 2400)
            < Priors.logCombinationPrior(size: 2, candidates: 10, combinations: 45))
        #expect(Priors.logCombinationPrior(size: 3, candidates: 70, combinations: 54_740)
            < Priors.logCombinationPrior(size: 2, candidates: 70, combinations: 2400))
        #expect(Priors.logCombinationPrior(size: 1, candidates: 70, combinations: 70) == 0)
    }

    @Test func entrapmentIsNeverMoreLikelyAPrioriThanOtherSources() {
        #expect(Priors.logPrior(.entrapment) <= Priors.logPrior(.referred))
        #expect(Priors.logPrior(.root) == Priors.logPrior(.referred))
    }

    @Test func temperatureSoftensSharesWithoutReordering() {
        let logs = [4.0, 1.0, -2.0, 3.5]
        let sharp = Priors.shares(logs, temperature: 1), soft = Priors.shares(logs, temperature: 3)
        #expect(sharp == Likelihood.shares(logs))
        #expect(abs(soft.reduce(0, +) - 1) < 1e-12)
        #expect(soft[0] < sharp[0] && soft[2] > sharp[2], "a higher temperature is less sure")
        let order = { (s: [Double]) in s.indices.sorted { s[$0] > s[$1] } }
        #expect(order(soft) == order(sharp))
    }

    @Test func repeatsOfASourceFollowTheDistinctSources() {
        let keys = [SourceKey(id: "gluteus-maximus-trp2"),
                    SourceKey(id: "gluteus-maximus", includes: ["gluteus-maximus-trp1", "gluteus-maximus-trp2"]),
                    SourceKey(id: "gluteus-maximus-trp2"), // the other side
                    SourceKey(id: "piriformis"),
                    SourceKey(id: "radicular-s1")]
        #expect(DistinctSources.order(keys) == [0, 3, 4, 1, 2])
        #expect(DistinctSources.order([]) == [])
        #expect(DistinctSources.order([SourceKey(id: "a"), SourceKey(id: "b")]) == [0, 1])
    }

    // Marks set directly on the four-view chart's grid.
    static let reference = try! DrawingPainter.comparator.reference(for: ChartSheet(views: ViewID.allCases, paper: .a4))
    static let masks = try! DrawingPainter.comparator.patternMasks(for: reference)

    static func mask(_ id: String, _ side: MatchSide) -> PatternMask {
        masks.first { $0.pattern.id == id && $0.side == side }!
    }

    /// Every essential cell of the masks marked as pain.
    static func ranking(marking sources: [PatternMask]) -> Ranking {
        var layers = reference.panels.map { grid in
            [[Bool]](repeating: [Bool](repeating: false, count: grid.width * grid.height), count: Symptom.allCases.count)
        }
        for source in sources {
            for zone in source.panels { for cell in zone.essential { layers[zone.panelIndex][0][Int(cell)] = true } }
        }
        let marks = DrawingMarks(reference: reference, marked: layers)
        return PatternScorer.rank(marks, masks: masks, allowBoth: false)
    }

    @Test func oneSourceIsExplainedByItselfAlone() throws {
        let ranking = Self.ranking(marking: [Self.mask("gluteus-medius-trp1", .right)])
        let best = try #require(ranking.explanations.first)
        #expect(best.sources.map(\.id) == ["gluteus-medius-trp1"], "\(best.words)")
        #expect(ranking.matches.first?.id == "gluteus-medius-trp1" && ranking.matches.first?.side == .right)
    }

    /// A drawing of exactly one pattern's essential zone: a second source can only cost
    /// likelihood, so each combination keeps about its prior, a share of a few thousandths
    /// among some seventy candidates. Softening the priors with the temperature, as the
    /// likelihood is softened, gives the best pairs several percent each (piriformis: 5%).
    @Test(arguments: ["gluteus-medius-trp1", "radicular-s1", "piriformis"])
    func noCombinationGainsOnAOneSourceDrawing(id: String) throws {
        let ranking = Self.ranking(marking: [Self.mask(id, .right)])
        for explanation in ranking.explanations where explanation.sources.count > 1 {
            #expect(explanation.confidence < 0.02, "\(explanation.words) \(explanation.confidence)")
        }
    }

    @Test(arguments: [("gluteus-medius-trp1", MatchSide.right, "radicular-s1", MatchSide.right),
                      ("tensor-fasciae-latae", MatchSide.left, "radicular-l4", MatchSide.right)])
    func twoSourcesAreFoundTogetherEvenOnDifferentSides(a: String, sideA: MatchSide, b: String, sideB: MatchSide) throws {
        let ranking = Self.ranking(marking: [Self.mask(a, sideA), Self.mask(b, sideB)])
        let best = try #require(ranking.explanations.first)
        let found = Set(best.sources.map { "\($0.id)/\($0.side.rawValue)" })
        #expect(found == ["\(a)/\(sideA.rawValue)", "\(b)/\(sideB.rawValue)"], "\(best.words)")
        #expect(best.shareExplained > 0.9)
        let top3 = ranking.matches.prefix(3).map { "\($0.id)/\($0.side.rawValue)" }
        #expect(top3.contains("\(a)/\(sideA.rawValue)") && top3.contains("\(b)/\(sideB.rawValue)"), "\(top3)")
        let keys = ranking.matches.prefix(3).map { SourceKey(id: $0.id) }
        #expect(DistinctSources.order(keys) == [0, 1, 2], "the first three are different sources")
    }
}
