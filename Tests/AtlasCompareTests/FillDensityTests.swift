@testable import AtlasCompare
import AtlasModel
import Foundation
import Testing

/// Loose hatching: the pen inks only part of the area a patient shades, the same under every
/// hypothesis, so every zone rate is scaled by the drawing's fill density. Marks set directly
/// on the four-view chart's grid (no painting).
@Suite("Fill density of the shading")
struct FillDensityTests {
    typealias Pairs = PriorsAndPairsTests

    @Test(arguments: [(0, 0, 1.0), (100, 100, 1.0), (40, 100, 0.4), (10, 100, ZoneRates.minimumFill), (120, 100, 1.0)])
    func densityIsInkedOverShaded(marked: Int, shaded: Int, expected: Double) {
        #expect(abs(ZoneRates.fill(marked: marked, shaded: shaded) - expected) < 1e-12)
    }

    @Test func everyZoneRateIsScaledAndStaysAboveAStrayMark() {
        for group in SourceGroup.allCases {
            let rates = ZoneRates.of(group)
            #expect(rates.inked(1) == rates)
            let loose = rates.inked(0.4)
            #expect(abs(loose.essential - 0.4 * rates.essential) < 1e-12 && abs(loose.spillover - 0.4 * rates.spillover) < 1e-12)
            #expect(abs(loose.margin - 0.4 * rates.margin) < 1e-12 && abs(loose.spilloverMargin - 0.4 * rates.spilloverMargin) < 1e-12)
            #expect(rates.inked(ZoneRates.minimumFill).margin > ZoneRates.elsewhere)
        }
    }

    /// A pattern's essential zone marked solid, and hatched: every `step`-th row of it.
    static func marks(_ id: String, step: Int) -> DrawingMarks {
        let mask = Pairs.mask(id, .right)
        var layers = Pairs.reference.panels.map { grid in
            [[Bool]](repeating: [Bool](repeating: false, count: grid.width * grid.height), count: Symptom.allCases.count)
        }
        for zone in mask.panels {
            let width = Pairs.reference.panels[zone.panelIndex].width
            for cell in zone.essential where (Int(cell) / width) % step == 0 { layers[zone.panelIndex][0][Int(cell)] = true }
        }
        return DrawingMarks(reference: Pairs.reference, marked: layers)
    }

    @Test func solidShadingIsDenseAndLooseHatchingIsNot() {
        let solid = Self.marks("piriformis", step: 1).fillDensity
        let hatched = Self.marks("piriformis", step: 3).fillDensity
        #expect(solid > 0.9, "\(solid)")
        #expect(hatched > 0.25 && hatched < 0.45, "\(hatched)")
    }

    /// A joint's or muscle's essential zone hatched loosely (every third row) is ranked first,
    /// and surer than if the same cells were scored as solid ink: then the blank cells
    /// between the strokes cost a broader pattern nothing more than they cost the drawn one,
    /// and the trapped nerve's broad buttock zone came first for piriformis.
    @Test(arguments: ["piriformis", "sacroiliac-joint"])
    func aLooselyHatchedZoneIsRankedFirst(id: String) throws {
        let marks = Self.marks(id, step: 3)
        let ranking = PatternScorer.rank(marks, masks: Pairs.masks, allowBoth: false)
        var solid = marks
        solid.fillDensity = 1
        let asSolid = PatternScorer.rank(solid, masks: Pairs.masks, allowBoth: false)
        let confidence = { (r: Ranking) in r.matches.first { $0.id == id && $0.side == .right }?.confidence ?? 0 }
        let words = { (r: Ranking) in r.matches.prefix(3).map { "\($0.id) \($0.confidence)" } }
        let first = try #require(ranking.matches.first)
        #expect(first.id == id, "\(words(ranking))")
        #expect(confidence(ranking) > confidence(asSolid), "\(words(ranking)); as if solid: \(words(asSolid))")
        if id == "piriformis" { #expect(asSolid.matches.first?.id == "sciatic-entrapment", "\(words(asSolid))") }
    }
}
