@testable import AtlasCompare
import AtlasModel
import Foundation
import Testing

/// The margin ring outside each spillover zone, which shares that zone's hidden state: marks
/// set directly on the four-view chart's grid (no painting).
@Suite("Spillover margin ring")
struct SpilloverMarginTests {
    typealias Pairs = PriorsAndPairsTests

    @Test func everySpilloverZoneHasItsOwnRingOutsideEveryOtherZone() {
        var rings = 0
        for mask in Pairs.masks {
            for zone in mask.panels {
                #expect(zone.spilloverMarginParts.count == zone.spilloverParts.count, "\(mask.pattern.id)")
                var seen = Set(zone.essential).union(zone.spillover).union(zone.margin)
                for ring in zone.spilloverMarginParts {
                    #expect(seen.isDisjoint(with: ring), "\(mask.pattern.id) \(mask.side): a ring cell is already in a zone or ring")
                    seen.formUnion(ring)
                    rings += ring.isEmpty ? 0 : 1
                }
            }
        }
        #expect(rings > 0)
    }

    /// A ring cell is marked at the margin rate only in the state "has the spillover": a
    /// marked ring lifts that state, a blank one costs it a little, and with the spillover
    /// blank the ring is no evidence either way beyond the state's prior.
    @Test func theRingCountsOnlyWithItsSpillover() {
        let rate = ZoneRates.of(.referred)
        let plain = Likelihood.spillover(marked: 60, blank: 40, rate: rate.spillover)
        let overrun = Likelihood.spillover(marked: 60, blank: 40, rate: rate.spillover, ringMarked: 30, ringBlank: 10, ringRate: rate.spilloverMargin)
        let tidy = Likelihood.spillover(marked: 60, blank: 40, rate: rate.spillover, ringMarked: 0, ringBlank: 40, ringRate: rate.spilloverMargin)
        #expect(overrun.logLikelihood > plain.logLikelihood && plain.logLikelihood > tidy.logLikelihood)
        #expect(rate.spillover > rate.spilloverMargin && rate.spilloverMargin > ZoneRates.elsewhere)
        let absent = Likelihood.spillover(marked: 0, blank: 1000, rate: rate.spillover, ringMarked: 0, ringBlank: 400, ringRate: rate.spilloverMargin)
        #expect(!absent.present && abs(absent.logLikelihood - log(1 - ZoneRates.spilloverShare)) < 1e-3)
    }

    /// A drawing of a joint's essential and spillover zones that runs past the spillover's
    /// edge (a strip of a quarter of each ring marked, as a pen overruns a border): without
    /// the ring those marks were evidence for a second source whose zone lies there.
    @Test(arguments: ["hip-joint", "sacroiliac-joint"])
    func marksJustPastASpilloverDoNotMakeASecondSource(id: String) throws {
        let mask = Pairs.mask(id, .right)
        var layers = Pairs.reference.panels.map { grid in
            [[Bool]](repeating: [Bool](repeating: false, count: grid.width * grid.height), count: Symptom.allCases.count)
        }
        var ringCells = 0
        for zone in mask.panels {
            let overrun = zone.spilloverMarginParts.flatMap { $0.prefix($0.count / 4) }
            for cell in zone.essential + zone.spillover + overrun { layers[zone.panelIndex][0][Int(cell)] = true }
            ringCells += overrun.count
        }
        #expect(ringCells > 0)
        let ranking = PatternScorer.rank(DrawingMarks(reference: Pairs.reference, marked: layers), masks: Pairs.masks, allowBoth: false)
        let best = try #require(ranking.explanations.first)
        #expect(best.sources.map(\.id) == [id], "\(best.words) \(best.confidence)")
        #expect(ranking.matches.first?.id == id)
    }
}
