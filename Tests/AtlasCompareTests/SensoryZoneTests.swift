@testable import AtlasCompare
import AtlasModel
import Foundation
import Testing

/// Sensory marks (numbness, pins and needles) in a zone: a muscle, joint or disc pattern
/// explains them less well than pain marks, a nerve root or trapped nerve as well. Marks are
/// set cell by cell on the grid from the masks (no painter).
@Suite("Sensory marks in a zone")
struct SensoryZoneTests {
    @Test(arguments: [(SourceGroup.referred, true), (.root, false), (.entrapment, false)])
    func onlySomaticReferralExplainsSensoryMarksLessWell(group: SourceGroup, lowered: Bool) {
        let factor = ZoneRates.sensoryFactor(group)
        #expect(factor > 0 && factor <= 1)
        #expect((factor < 1) == lowered, "\(group): \(factor)")
    }

    @Test(arguments: [-1.0, 0.0, 1.0])
    func theExtraTermGoesWithTheSpilloverPresentState(extra: Double) {
        let plain = Likelihood.spillover(marked: 40, blank: 10, rate: 0.6)
        let shifted = Likelihood.spillover(marked: 40, blank: 10, rate: 0.6, extra: extra)
        // Present is by far the likelier state here, so the extra term passes almost whole.
        #expect(plain.present && shifted.present)
        #expect(abs(shifted.logLikelihood - plain.logLikelihood - extra) < 0.05, "\(shifted.logLikelihood - plain.logLikelihood)")
        // A zone with nothing marked: absent wins, and the extra term barely counts.
        let blank = Likelihood.spillover(marked: 0, blank: 50, rate: 0.6, extra: extra)
        #expect(!blank.present)
    }

    static let masks = PriorsAndPairsTests.masks
    static let reference = PriorsAndPairsTests.reference

    /// The essential cells of `sources` marked in the symptom's layer, each source with its own.
    static func ranking(_ sources: [(PatternMask, Symptom)]) -> Ranking {
        var layers = reference.panels.map { grid in
            [[Bool]](repeating: [Bool](repeating: false, count: grid.width * grid.height), count: Symptom.allCases.count)
        }
        for (mask, symptom) in sources {
            let layer = Symptom.allCases.firstIndex(of: symptom)!
            for zone in mask.panels { for cell in zone.essential { layers[zone.panelIndex][layer][Int(cell)] = true } }
        }
        return PatternScorer.rank(DrawingMarks(reference: reference, marked: layers), masks: masks, allowBoth: false)
    }

    static func cells(_ ranking: Ranking, _ id: String, _ side: MatchSide) -> Double {
        ranking.candidates.first { $0.mask.pattern.id == id && $0.mask.side == side }!.cells
    }

    @Test(arguments: [("gluteus-medius-trp1", true), ("sacroiliac-joint", true), ("radicular-s1", false), ("sciatic-entrapment", false)])
    func numbnessInAZoneCostsOnlyTheSomaticPatterns(id: String, costs: Bool) {
        let mask = PriorsAndPairsTests.mask(id, .right)
        let pain = Self.cells(Self.ranking([(mask, .pain)]), id, .right)
        let numb = Self.cells(Self.ranking([(mask, .numbness)]), id, .right)
        if costs { #expect(numb < pain - 1, "\(id): numbness \(numb), pain \(pain)") } else { #expect(abs(numb - pain) < 1e-9, "\(id)") }
    }

    @Test func aNumbBandBesideAButtockAcheIsExplainedByTheRootAndTheMuscle() throws {
        let ranking = Self.ranking([(PriorsAndPairsTests.mask("gluteus-medius-trp1", .right), .pain),
                                    (PriorsAndPairsTests.mask("radicular-s1", .right), .numbness)])
        let best = try #require(ranking.explanations.first)
        #expect(Set(best.sources.map(\.id)) == ["gluteus-medius-trp1", "radicular-s1"], "\(best.words)")
        let top3 = ranking.matches.prefix(3).map(\.id)
        #expect(top3.contains("radicular-s1") && top3.contains("gluteus-medius-trp1"), "\(top3)")
    }
}
