@testable import AtlasCompare
import Testing

/// How confidences are shown and which rows and order a ranking keeps, without a painter.
@Suite("Confidence shown, evidence kept, pair order")
struct ConfidenceAndOrderTests {
    @Test(arguments: [(0.999, ">99%"), (0.995, ">99%"), (0.994, "99%"), (0.37, "37%"), (0.005, "1%"), (0.004, "<1%"), (0, "<1%")])
    func confidenceIsAWholePercentNeverCertain(share: Double, shown: String) {
        #expect(ConfidenceText.percent(share) == shown)
    }

    @Test func theColumnSaysWhatItIsAndWhyItNeedNotAddUp() {
        #expect(ConfidenceText.heading == "chance it is a source")
        #expect(ConfidenceText.note.contains("need not add up to 100%"))
        #expect(ReportFormatter.glossary.joined(separator: " ").contains("need not add up to 100%"))
    }

    @Test(arguments: [(0.0, false), (0.004, false), (0.005, true), (0.2, true)])
    func aRowIsEvidenceFromHalfAPercentOfTheDrawing(precision: Double, kept: Bool) {
        let match = PatternMatch(id: "p", name: "P", family: .myofascial, side: .right, score: -3, confidence: 0.02,
                                 precision: precision, essentialCoverage: 0, spilloverCoverage: nil, sensoryInside: nil, views: [])
        #expect(match.hasEvidence == kept)
    }

    /// A combination clearly likelier than any single source (at least `combinationLeadOdds`
    /// times the best single's posterior) leads the list, strongest alone first, so the
    /// first three agree with "best explained by A together with B"; a near tie, a single
    /// best source or an empty list changes nothing.
    @Test(arguments: [
        // order by confidence, members (strongest first), best share, best single share, shown
        ([5, 2, 8, 7, 1], [7, 2], 0.60, 0.10, [7, 2, 5, 8, 1]),
        ([5, 2, 8, 7, 1], [7, 2], 0.375, 0.125, [7, 2, 5, 8, 1]),
        ([5, 2, 8, 7, 1], [7, 2], 0.37, 0.125, [5, 2, 8, 7, 1]),
        ([5, 8, 6, 7, 2], [7, 2, 6], 0.50, 0.05, [7, 2, 6, 5, 8]),
        ([3, 1, 2], [2], 0.90, 0.90, [3, 1, 2]),
        ([3, 1, 2], [], 0, 0, [3, 1, 2]),
    ])
    func aClearlyBetterCombinationLeadsTheList(order: [Int], members: [Int], bestShare: Double, bestSingleShare: Double,
                                                shown: [Int]) {
        #expect(PatternScorer.combinationFirst(order, members: members, bestShare: bestShare, bestSingleShare: bestSingleShare, odds: 3)
            == shown)
    }
}
