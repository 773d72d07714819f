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

    /// A drawing of a joint's essential and spillover zones whose pen runs past the spillover's
    /// edge in four places spread round it (the ring cells within two cells of the zone, in
    /// alternate eighths of the way round): with the ring those marks go with the spillover;
    /// without it (the control) they were evidence for a second source whose zone lies there.
    @Test(arguments: ["hip-joint", "sacroiliac-joint"])
    func marksJustPastASpilloverDoNotMakeASecondSource(id: String) throws {
        let mask = Pairs.mask(id, .right)
        var layers = Pairs.reference.panels.map { grid in
            [[Bool]](repeating: [Bool](repeating: false, count: grid.width * grid.height), count: Symptom.allCases.count)
        }
        var ringCells = 0
        for zone in mask.panels {
            let width = Pairs.reference.panels[zone.panelIndex].width
            let overrun = zip(zone.spilloverParts, zone.spilloverMarginParts).flatMap { part, ring in
                Self.penOverrun(of: part, into: ring, gridWidth: width)
            }
            for cell in zone.essential + zone.spillover + overrun { layers[zone.panelIndex][0][Int(cell)] = true }
            ringCells += overrun.count
        }
        #expect(ringCells > 20)
        let marks = DrawingMarks(reference: Pairs.reference, marked: layers)

        let ranking = PatternScorer.rank(marks, masks: Pairs.masks, allowBoth: false)
        let best = try #require(ranking.explanations.first)
        #expect(best.sources.map(\.id) == [id], "\(best.words) \(best.confidence)")
        #expect(ranking.matches.first?.id == id)

        let ringless = Pairs.masks.map { other in
            PatternMask(pattern: other.pattern, side: other.side, panels: other.panels.map { zone in
                var zone = zone
                zone.spilloverMarginParts = zone.spilloverMarginParts.map { _ in [] }
                return zone
            }, reference: Pairs.reference)
        }
        let control = try #require(PatternScorer.rank(marks, masks: ringless, allowBoth: false).explanations.first)
        #expect(control.sources.map(\.id) != [id], "without the ring the overrun should have read as a second source: \(control.words)")
    }

    /// The ring cells a pen reaches when it overruns a zone's edge: those within two cells of
    /// the zone, in alternate eighths of the way round the zone's centre.
    static func penOverrun(of zone: [Int32], into ring: [Int32], gridWidth width: Int) -> [Int32] {
        guard !zone.isEmpty else { return [] }
        let inZone = Set(zone)
        let near = ring.filter { cell in
            let x = Int(cell) % width, y = Int(cell) / width
            for dy in -2...2 { for dx in -2...2 where inZone.contains(Int32((y + dy) * width + x + dx)) { return true } }
            return false
        }
        let centreX = zone.reduce(0.0) { $0 + Double(Int($1) % width) } / Double(zone.count)
        let centreY = zone.reduce(0.0) { $0 + Double(Int($1) / width) } / Double(zone.count)
        return near.filter { cell in
            let angle = atan2(Double(Int(cell) / width) - centreY, Double(Int(cell) % width) - centreX) + .pi
            return Int(angle / (.pi / 4)) % 2 == 0
        }
    }
}
