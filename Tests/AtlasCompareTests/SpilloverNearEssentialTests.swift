@testable import AtlasCompare
import AtlasModel
import Foundation
import Testing

/// Spillover cells just outside an essential zone keep the margin rate when the patient has
/// no spillover: a pen that runs past the essential zone's edge is as well explained where a
/// spillover zone begins as anywhere else around it. Marks set directly on the four-view
/// chart's grid (no painting).
@Suite("Spillover beside the essential zone")
struct SpilloverNearEssentialTests {
    typealias Pairs = PriorsAndPairsTests

    /// With the spillover blank but the cells next to the essential zone marked, the zone
    /// scores what the margin would give them, never less; without near cells it is the
    /// state's prior as before.
    @Test(arguments: [(0, 30), (10, 20), (30, 0)])
    func anOverrunIntoTheSpilloverIsWorthAtLeastTheMargin(nearMarked: Int, nearBlank: Int) {
        let rate = ZoneRates.of(.referred)
        let far = 200
        let withNear = Likelihood.spillover(marked: nearMarked, blank: nearBlank + far, rate: rate.spillover,
                                            nearMarked: nearMarked, nearBlank: nearBlank, nearRate: rate.margin)
        let asMargin = log(1 - ZoneRates.spilloverShare) + Likelihood.zone(marked: nearMarked, blank: nearBlank, rate: rate.margin)
        #expect(withNear.logLikelihood >= asMargin - 1e-12, "\(withNear.logLikelihood) < \(asMargin)")
        let without = Likelihood.spillover(marked: nearMarked, blank: nearBlank + far, rate: rate.spillover)
        if nearMarked > 0 {
            #expect(withNear.logLikelihood > without.logLikelihood, "the overrun should count as margin, not as stray marks")
        }
    }

    @Test func nearCellsAreSpilloverCellsOfTheirOwnZone() {
        var near = 0
        for mask in Pairs.masks {
            for zone in mask.panels {
                #expect(zone.spilloverNearParts.count == zone.spilloverParts.count, "\(mask.pattern.id) \(mask.side)")
                for (part, cells) in zip(zone.spilloverParts, zone.spilloverNearParts) {
                    #expect(Set(cells).isSubset(of: part), "\(mask.pattern.id) \(mask.side)")
                    near += cells.count
                }
            }
        }
        #expect(near > 0, "no spillover zone borders an essential zone")
    }

    /// Gluteus medius (trigger point 2) drawn over its essential zone and a pen's width past
    /// its edge where its own spillover zone begins, no further.
    /// Scored as stray marks there (the rule undone below), it gave away probability to gluteus
    /// maximus (trigger point 2), whose larger essential zone takes in the overrun: on
    /// generated drawings that was the commonest confusion of the tuning set.
    @Test func aTriggerPointDrawnPastItsEdgeGainsFromTheOverrun() throws {
        let mask = Pairs.mask("gluteus-medius-trp2", .right)
        var layers = Pairs.reference.panels.map { grid in
            [[Bool]](repeating: [Bool](repeating: false, count: grid.width * grid.height), count: Symptom.allCases.count)
        }
        var overrun = 0
        for zone in mask.panels {
            let near = zone.spilloverNearParts.flatMap { $0 }
            for cell in zone.essential + near { layers[zone.panelIndex][0][Int(cell)] = true }
            overrun += near.count
        }
        #expect(overrun > 0)
        let marks = DrawingMarks(reference: Pairs.reference, marked: layers)
        let ranking = PatternScorer.rank(marks, masks: Pairs.masks, allowBoth: false)
        // The same drawing scored without the rule: no near cells, so they are stray marks
        // when the spillover is absent.
        let withoutRule = Pairs.masks.map { mask in
            PatternMask(pattern: mask.pattern, side: mask.side, panels: mask.panels.map { zone in
                var zone = zone
                zone.spilloverNearParts = []
                return zone
            }, reference: Pairs.reference)
        }
        let before = PatternScorer.rank(marks, masks: withoutRule, allowBoth: false)
        let confidence = { (r: Ranking, id: String) in r.matches.first { $0.id == id && $0.side == .right }?.confidence ?? 0 }
        let first = try #require(ranking.matches.first)
        #expect(first.id == "gluteus-medius-trp2" && first.side == .right, "\(ranking.matches.prefix(3).map { "\($0.id) \($0.confidence)" })")
        #expect(confidence(ranking, "gluteus-medius-trp2") > confidence(before, "gluteus-medius-trp2"),
                "\(confidence(before, "gluteus-medius-trp2")) -> \(confidence(ranking, "gluteus-medius-trp2"))")
        #expect(confidence(ranking, "gluteus-maximus-trp2") < confidence(before, "gluteus-maximus-trp2"),
                "\(confidence(before, "gluteus-maximus-trp2")) -> \(confidence(ranking, "gluteus-maximus-trp2"))")
    }
}
