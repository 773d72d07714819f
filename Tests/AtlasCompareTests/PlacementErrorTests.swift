@testable import AtlasCompare
import AtlasModel
import Foundation
import Testing

/// A pattern's likelihood averaged over small shifts of its zones (`PlacementError`): the
/// arithmetic alone, then marks set cell by cell from the masks (no painter).
@Suite("Placement error")
struct PlacementErrorTests {
    @Test func weightsAreAProbabilityCentredOnNoShift() {
        let weights = PlacementError.logWeights.map { exp($0) }
        #expect(abs(weights.reduce(0, +) - 1) < 1e-12)
        #expect(PlacementError.shifts.first == PlacementError.Shift.none)
        #expect(weights.dropFirst().allSatisfy { $0 < weights[0] }, "no shift is the likeliest")
        #expect(Set(PlacementError.shifts.map { "\($0.dx),\($0.dy)" }).count == PlacementError.shifts.count)
    }

    @Test func cellsMoveWithinTheGridOnly() {
        // A 10 x 5 grid: cell 12 is (2, 1).
        #expect(PlacementError.moved(12, by: .init(dx: 1, dy: -1), width: 10, height: 5) == 3)
        #expect(PlacementError.moved(12, by: .none, width: 10, height: 5) == 12)
        #expect(PlacementError.moved(10, by: .init(dx: -1, dy: 0), width: 10, height: 5) == nil, "off the left edge, not onto the row above")
        #expect(PlacementError.moved(45, by: .init(dx: 0, dy: 1), width: 10, height: 5) == nil)
    }

    @Test func theAverageLiesBelowTheBestShiftAndEqualsAnEvenOne() {
        let even = [Double](repeating: -3.5, count: PlacementError.shifts.count)
        #expect(abs(PlacementError.marginal(even) - -3.5) < 1e-12)
        var one = [Double](repeating: -50, count: PlacementError.shifts.count)
        one[3] = 2
        #expect(PlacementError.marginal(one) < 2)
        #expect(abs(PlacementError.marginal(one) - (2 + PlacementError.logWeights[3])) < 1e-6)
    }

    /// The piriformis's essential zone drawn one cell to the right of the chart's: the pattern
    /// still comes first, placed one cell to the right, and loses little against the same
    /// zone drawn in place than without the shifts.
    @Test func aZoneDrawnOneCellOffStillFitsItsPattern() throws {
        let reference = PriorsAndPairsTests.reference
        let piriformis = PriorsAndPairsTests.mask("piriformis", .right)
        func marks(dx: Int) -> DrawingMarks {
            var layers = reference.panels.map { grid in
                [[Bool]](repeating: [Bool](repeating: false, count: grid.width * grid.height), count: Symptom.allCases.count)
            }
            for zone in piriformis.panels {
                let width = reference.panels[zone.panelIndex].width, height = reference.panels[zone.panelIndex].height
                for cell in zone.essential {
                    if let moved = PlacementError.moved(Int(cell), by: .init(dx: dx, dy: 0), width: width, height: height) {
                        layers[zone.panelIndex][0][moved] = true
                    }
                }
            }
            return DrawingMarks(reference: reference, marked: layers)
        }
        let off = PatternScorer.rank(marks(dx: 1), masks: PriorsAndPairsTests.masks, allowBoth: false)
        let top = try #require(off.candidates.first)
        #expect(top.mask.pattern.id == "piriformis" && top.mask.side == .right)
        #expect(top.shift == PlacementError.Shift(dx: 1, dy: 0))
        let inPlace = PatternScorer.rank(marks(dx: 0), masks: PriorsAndPairsTests.masks, allowBoth: false)
        let placed = try #require(inPlace.candidates.first { $0.mask.pattern.id == "piriformis" && $0.mask.side == .right })
        #expect(placed.shift == .none)
        let unshifted = PatternScorer.likelihood(piriformis, marks: marks(dx: 1), shift: .none).logLikelihood
        #expect(top.cells > unshifted, "averaging over shifts recovers a zone drawn one cell off")
        // Averaging wins back a good part of what one cell off costs (measured: about half,
        // 1.64 of 3.37; marks moved past the body's edge are lost for good).
        #expect(top.cells - unshifted > 0.4 * (placed.cells - unshifted), "in place \(placed.cells), off \(top.cells), unshifted \(unshifted)")
    }
}
