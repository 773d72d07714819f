import AtlasEvaluation
import AtlasModel
import Testing

/// A small, fast slice of `make eval`: patient-like drawings made without the scoring masks.
/// The floors are well below the goals the full evaluation checks; they catch a broken
/// ranking, not a slightly worse one.
@Suite("Evaluation subset")
struct EvaluationSubsetTests {
    @Test func generatedDrawingsFindTheirSources() throws {
        let report = try Evaluation.run(seeds: 500_000..<500_016, atlas: DrawingPainter.atlas, photoEvery: 0, cropEvery: 0)
        #expect(report.failed == 0, "\(report.failures)")
        #expect(report.single > 0)
        let share = { (a: Int) in Double(a) / Double(max(1, report.single)) }
        #expect(share(report.top3) >= 0.7, "\(report.text)")
        #expect(share(report.group) >= 0.8, "\(report.text)")
        #expect(share(report.side) >= 0.8, "\(report.text)")
    }

    @Test func theGeneratorIsDeterministic() throws {
        let a = try DrawingGenerator.make(seed: 42, atlas: DrawingPainter.atlas)
        let b = try DrawingGenerator.make(seed: 42, atlas: DrawingPainter.atlas)
        #expect(a.page.pixels == b.page.pixels && a.description == b.description)
        let c = try DrawingGenerator.make(seed: 43, atlas: DrawingPainter.atlas)
        #expect(c.page.pixels != a.page.pixels)
    }
}
