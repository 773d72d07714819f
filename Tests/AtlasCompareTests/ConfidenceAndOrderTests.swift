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

    /// The second and third places go to the two sources that, with the first, most probably
    /// name every source of the true explanation: the second source of a likely pair beats a
    /// look-alike of the first whose own chance is higher but mostly shared with the first.
    @Test func theFirstThreeMostProbablyNameEverySource() {
        let keys = ["a", "a-like", "a-like-too", "b", "c"].map { SourceKey(id: $0) }
        let hypotheses: [SourceSet.Hypothesis] = [
            .init(members: [0], share: 0.30), .init(members: [1], share: 0.15), .init(members: [2], share: 0.12),
            .init(members: [0, 3], share: 0.13), .init(members: [1, 4], share: 0.10), .init(members: [2, 4], share: 0.10),
        ]
        // By own chance: a 0.43, a-like 0.25, a-like-too 0.22, c 0.20, b 0.13. With the first,
        // {a-like, b} contains the truth with 0.58, {a-like, a-like-too} with 0.57.
        #expect(SourceSet.firstThree([0, 1, 2, 4, 3], keys: keys, hypotheses: hypotheses) == [0, 1, 3, 2, 4])
    }

    /// A source named by the first place under another side (or as a muscle and its own
    /// trigger point) needs no place of its own; a tie, or too few sources, keeps the order.
    @Test func theSameSourceElsewhereCountsAndTiesKeepTheOrder() {
        let keys = [SourceKey(id: "a"), SourceKey(id: "b"), SourceKey(id: "c"), SourceKey(id: "d"), SourceKey(id: "a")]
        let pairWithOtherSide: [SourceSet.Hypothesis] = [.init(members: [4, 3], share: 0.5), .init(members: [1], share: 0.2),
                                                         .init(members: [2], share: 0.1)]
        #expect(SourceSet.firstThree([0, 1, 2, 3, 4], keys: keys, hypotheses: pairWithOtherSide) == [0, 1, 3, 2, 4])
        let singles: [SourceSet.Hypothesis] = [.init(members: [0], share: 0.5), .init(members: [1], share: 0.3),
                                               .init(members: [2], share: 0.1), .init(members: [3], share: 0.1)]
        #expect(SourceSet.firstThree([0, 1, 2, 3, 4], keys: keys, hypotheses: singles) == [0, 1, 2, 3, 4])
        #expect(SourceSet.firstThree([0, 1, 2], keys: keys, hypotheses: pairWithOtherSide) == [0, 1, 2])
        #expect(SourceSet.firstThree([], keys: keys, hypotheses: []) == [])
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
