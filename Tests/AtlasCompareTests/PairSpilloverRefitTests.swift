@testable import AtlasCompare
import AtlasModel
import Testing

/// A pair's spillover states are reconsidered together (`SourceCombiner.refitted`): marks of
/// the second source that lie in the first's spillover zone made the first "have" that zone
/// when scored alone, and with that state fixed the pair paid for the zone's blank rest while
/// the second source gained next to nothing. Marks set cell by cell (no painter).
@Suite("Two sources: spillover states refitted together")
struct PairSpilloverRefitTests {
    typealias Pairs = PriorsAndPairsTests

    /// The first source's essential zone and the second's essential zone, marked as pain.
    static func candidates(_ a: String, _ b: String) -> (Candidate, Candidate, DrawingMarks) {
        var layers = Pairs.reference.panels.map { grid in
            [[Bool]](repeating: [Bool](repeating: false, count: grid.width * grid.height), count: Symptom.allCases.count)
        }
        for mask in [Pairs.mask(a, .right), Pairs.mask(b, .right)] {
            for zone in mask.panels { for cell in zone.essential { layers[zone.panelIndex][0][Int(cell)] = true } }
        }
        let marks = DrawingMarks(reference: Pairs.reference, marked: layers)
        let ranking = PatternScorer.rank(marks, masks: Pairs.masks, allowBoth: false)
        let find = { (id: String) in ranking.candidates.first { $0.mask.pattern.id == id && $0.mask.side == .right }! }
        return (find(a), find(b), marks)
    }

    /// Where the second source's marks lie in a spillover zone the first then "has", dropping
    /// that zone in the pair explains the drawing better than the states each chose alone;
    /// and the pair's sources are the first three's.
    @Test(arguments: [("hip-joint", "radicular-l4"), ("sacroiliac-joint", "radicular-s1")])
    func aSpilloverHeldOnlyForTheOtherSourcesMarksIsDropped(a: String, b: String) throws {
        let (first, second, marks) = Self.candidates(a, b)
        try #require(first.spilloverPresent.contains(true), "\(a) alone has no spillover zone here")
        let fixed = first.cells + SourceCombiner.addedLikelihood(rates: first.denseRates(), adding: second, marks: marks)
        let refitted = SourceCombiner.refitted(SourceCombiner.variants(first, marks: marks), SourceCombiner.variants(second, marks: marks),
                                               footprints: (.init(first.mask), .init(second.mask)), marks: marks)
        #expect(refitted > fixed + 1, "\(a) + \(b): refitted \(refitted), states fixed \(fixed)")
    }

    /// Without a spillover zone to drop the refit adds nothing (the fixed states stand).
    @Test func nothingToDropAddsNothing() {
        let (first, second, marks) = Self.candidates("gluteus-medius-trp1", "radicular-s1")
        var a = first, b = second
        a.spilloverPresent = a.spilloverPresent.map { _ in false }
        b.spilloverPresent = b.spilloverPresent.map { _ in false }
        #expect(SourceCombiner.refitted(SourceCombiner.variants(a, marks: marks), SourceCombiner.variants(b, marks: marks),
                                        footprints: (.init(a.mask), .init(b.mask)), marks: marks) == -.infinity)
    }
}
