@testable import AtlasCompare
import AtlasEvaluation
import AtlasModel
import Foundation
import Testing

/// One pen, three symptoms: dark strokes read by their texture, as the chart's key asks.
@Suite("Dark stroke texture")
struct DarkTextureTests {
    /// A hand-drawn bitmap at 5 pixels a millimetre: the pixels of strokes drawn on it.
    struct Bitmap {
        let width = 400, height = 300
        let ppmm = 5.0
        var set = Set<Int>()

        mutating func line(_ a: (Double, Double), _ b: (Double, Double), width penWidth: Double = 0.6) {
            let r = penWidth * ppmm / 2
            let steps = Int(hypot(b.0 - a.0, b.1 - a.1) * ppmm * 2) + 1
            for k in 0...steps {
                let t = Double(k) / Double(steps)
                let cx = (a.0 + (b.0 - a.0) * t) * ppmm, cy = (a.1 + (b.1 - a.1) * t) * ppmm
                for y in Int(cy - r - 1)...Int(cy + r + 1) {
                    for x in Int(cx - r - 1)...Int(cx + r + 1) where x >= 0 && y >= 0 && x < width && y < height {
                        if hypot(Double(x) + 0.5 - cx, Double(y) + 0.5 - cy) <= max(r, 0.7) { set.insert(y * width + x) }
                    }
                }
            }
        }

        mutating func circle(_ c: (Double, Double), radius: Double) {
            let n = 16
            for k in 0..<n {
                let a = 2 * Double.pi * Double(k) / Double(n), b = 2 * Double.pi * Double(k + 1) / Double(n)
                line((c.0 + radius * cos(a), c.1 + radius * sin(a)), (c.0 + radius * cos(b), c.1 + radius * sin(b)))
            }
        }

        func read() -> DarkTexture { DarkTexture(pixels: set.sorted(), width: width, pixelsPerMillimetre: ppmm) }
    }

    @Test func levelLinesAreNumbness() {
        var bitmap = Bitmap()
        for row in 0..<6 { bitmap.line((10, 10 + Double(row) * 4), (40, 10.5 + Double(row) * 4)) }
        let read = bitmap.read()
        #expect(read.regions == DarkTexture.Readings(pain: 0, numbness: 1, pinsAndNeedles: 0, slantedLines: 0))
        #expect(read.symptoms.allSatisfy { $0 == 1 })
    }

    @Test func smallCirclesArePinsAndNeedles() {
        var bitmap = Bitmap()
        for i in 0..<4 { for j in 0..<3 { bitmap.circle((12 + Double(i) * 6, 12 + Double(j) * 6), radius: 1.8) } }
        let read = bitmap.read()
        #expect(read.regions == DarkTexture.Readings(pain: 0, numbness: 0, pinsAndNeedles: 1, slantedLines: 0))
    }

    /// Slanted hatching is also how pain is shaded (the key's own pain swatch is slanted):
    /// pain, with the doubt said.
    @Test func slantedHatchingStaysPain() {
        var bitmap = Bitmap()
        for k in 0..<7 { bitmap.line((10 + Double(k) * 4, 10), (30 + Double(k) * 4, 30)) }
        let read = bitmap.read()
        #expect(read.regions == DarkTexture.Readings(pain: 1, numbness: 0, pinsAndNeedles: 0, slantedLines: 1))
        #expect(read.symptoms.allSatisfy { $0 == 0 })
    }

    /// Solid shading, one large outline and two lone lines are pain: nothing to tell them by.
    @Test func shadingOutlinesAndFewLinesStayPain() {
        var bitmap = Bitmap()
        for k in 0..<20 { bitmap.line((10, 10 + Double(k) * 0.8), (30, 10 + Double(k) * 0.8), width: 1.2) }
        bitmap.circle((55, 25), radius: 10)
        bitmap.line((10, 45), (35, 45)); bitmap.line((10, 49), (35, 49))
        let read = bitmap.read()
        #expect(read.regions.numbness == 0 && read.regions.pinsAndNeedles == 0)
        #expect(read.symptoms.allSatisfy { $0 == 0 })
    }

    /// Lines and circles beside shading, as a one-pen patient draws pain above numbness.
    @Test func texturesBesideShadingAreReadApart() {
        var bitmap = Bitmap()
        for k in 0..<12 { bitmap.line((10, 10 + Double(k) * 0.8), (30, 10 + Double(k) * 0.8), width: 1.2) }
        for row in 0..<4 { bitmap.line((10, 22 + Double(row) * 4), (30, 22 + Double(row) * 4)) }
        for i in 0..<3 { for j in 0..<2 { bitmap.circle((45 + Double(i) * 6, 12 + Double(j) * 6), radius: 1.8) } }
        let read = bitmap.read()
        #expect(read.regions == DarkTexture.Readings(pain: 1, numbness: 1, pinsAndNeedles: 1, slantedLines: 0))
    }
}

/// The evaluation's painter, one pen: drawings made as the key asks, read end to end. The
/// texture is noted, not scored: every dark stroke still counts as pain.
@Suite("One-pen drawings")
struct OnePenDrawingTests {
    static func read(_ seed: UInt64) throws -> (PatientDrawing, DrawingComparison) {
        let drawing = try DrawingGenerator.make(seed: seed, atlas: DrawingPainter.atlas, onePen: true)
        let comparison = try DrawingPainter.comparator.analyse(image: drawing.page, name: "one-pen.png").comparison
        return (drawing, comparison)
    }

    /// Tuning seeds whose one-pen drawing has numbness (level lines) the reading finds.
    @Test(arguments: [85, 519] as [UInt64])
    func levelLinesAreNotedAsNumbness(seed: UInt64) throws {
        let (drawing, comparison) = try Self.read(seed)
        #expect(drawing.sensoryKinds == [.numbness], "\(drawing.description)")
        #expect(comparison.notes.contains { $0.contains("dark level lines in") && $0.contains("may mean numbness") }, "\(comparison.notes)")
        #expect((comparison.extentPercent.symptoms[Symptom.numbness.rawValue] ?? 0) == 0, "scored as pain only")
    }

    /// Tuning seeds whose one-pen drawing has pins and needles (circles) the reading finds.
    @Test(arguments: [237, 479] as [UInt64])
    func circlesAreNotedAsPinsAndNeedles(seed: UInt64) throws {
        let (drawing, comparison) = try Self.read(seed)
        #expect(drawing.sensoryKinds == [.pinsAndNeedles], "\(drawing.description)")
        #expect(comparison.notes.contains { $0.contains("may mean pins and needles") }, "\(comparison.notes)")
        #expect((comparison.extentPercent.symptoms[Symptom.pinsAndNeedles.rawValue] ?? 0) == 0, "scored as pain only")
    }

    /// The one-pen variant is the same patient's drawing: same sources and symptoms, other ink.
    @Test func onePenVariantKeepsSourcesAndSymptoms() throws {
        let a = try DrawingGenerator.make(seed: 85, atlas: DrawingPainter.atlas)
        let b = try DrawingGenerator.make(seed: 85, atlas: DrawingPainter.atlas, onePen: true)
        #expect(a.sources.map(\.description) == b.sources.map(\.description))
        #expect(a.page.pixels != b.page.pixels)
        #expect(a.sensoryKinds == b.sensoryKinds)
    }
}
