import AtlasRender
import Foundation
import Testing

/// Compares rendered pixels with a reference PNG: a per-channel threshold and a budget of
/// differing pixels. On failure it writes expected, actual and difference images into
/// `.build-image-failures/` at the top of the repository and says where the pixels differ.
/// Set REFERRAL_ATLAS_RECORD=1 to re-record the references deliberately.
enum ImageComparison {
    static let referenceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("References")
    static let failureFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build-image-failures")

    struct Difference {
        var count: Int
        var box: (minX: Int, minY: Int, maxX: Int, maxY: Int)?
        var image: RGBAImage
    }

    static func difference(_ a: RGBAImage, _ b: RGBAImage, threshold: Int) -> Difference {
        var diff = RGBAImage(width: a.width, height: a.height)
        var count = 0
        var box: (Int, Int, Int, Int)?
        for y in 0..<a.height {
            for x in 0..<a.width {
                let i = (y * a.width + x) * 4
                var worst = 0
                for c in 0..<3 { worst = max(worst, abs(Int(a.pixels[i + c]) - Int(b.pixels[i + c]))) }
                if worst > threshold {
                    count += 1
                    diff.pixels[i] = 255; diff.pixels[i + 1] = 0; diff.pixels[i + 2] = 0
                    box = box.map { (min($0.0, x), min($0.1, y), max($0.2, x), max($0.3, y)) } ?? (x, y, x, y)
                } else {
                    let grey = UInt8(200 + Int(a.pixels[i]) * 55 / 255)
                    diff.pixels[i] = grey; diff.pixels[i + 1] = grey; diff.pixels[i + 2] = grey
                }
            }
        }
        return Difference(count: count, box: box.map { (minX: $0.0, minY: $0.1, maxX: $0.2, maxY: $0.3) }, image: diff)
    }

    /// The default tolerance: a channel differing by more than `threshold` marks a pixel as
    /// different, and at most `budgetFraction` of the pixels may differ. Tight enough that the
    /// back view does not pass for the front view (`ChartTests.comparisonCanFail`), loose
    /// enough for anti-aliasing differences between Cairo builds.
    static let threshold = 32
    static let budgetFraction = 0.0005

    /// Whether `actual` passes for `expected` under the tolerance `check` applies.
    static func passes(_ actual: RGBAImage, for expected: RGBAImage, threshold: Int = threshold,
                       budgetFraction: Double = budgetFraction) -> (passes: Bool, difference: Difference, budget: Int) {
        guard expected.width == actual.width, expected.height == actual.height else {
            return (false, Difference(count: actual.width * actual.height, box: nil, image: actual), 0)
        }
        let diff = difference(expected, actual, threshold: threshold)
        let budget = Int(Double(actual.width * actual.height) * budgetFraction)
        return (diff.count <= budget, diff, budget)
    }

    /// Checks `actual` against the reference `name`.png.
    static func check(_ actual: RGBAImage, named name: String, threshold: Int = threshold, budgetFraction: Double = budgetFraction,
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let referenceURL = referenceFolder.appendingPathComponent("\(name).png")
        if ProcessInfo.processInfo.environment["REFERRAL_ATLAS_RECORD"] == "1" {
            let bytes = try PNGCodec.encode(actual, opaque: true, dpi: 72, metadata: [])
            try Data(bytes).write(to: referenceURL)
            return
        }
        guard let data = FileManager.default.contents(atPath: referenceURL.path) else {
            Issue.record("missing reference \(referenceURL.path); run the tests with REFERRAL_ATLAS_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        let expected = try PNGCodec.decode([UInt8](data))
        guard expected.width == actual.width, expected.height == actual.height else {
            Issue.record("\(name): size \(actual.width)x\(actual.height), reference \(expected.width)x\(expected.height)", sourceLocation: sourceLocation)
            return
        }
        let (ok, diff, budget) = passes(actual, for: expected, threshold: threshold, budgetFraction: budgetFraction)
        guard !ok else { return }
        try FileManager.default.createDirectory(at: failureFolder, withIntermediateDirectories: true)
        for (suffix, image) in [("expected", expected), ("actual", actual), ("diff", diff.image)] {
            let bytes = try PNGCodec.encode(image, opaque: true, dpi: 72, metadata: [])
            try Data(bytes).write(to: failureFolder.appendingPathComponent("\(name)-\(suffix).png"))
        }
        let place = diff.box.map { "within x \($0.minX)...\($0.maxX), y \($0.minY)...\($0.maxY)" } ?? ""
        Issue.record("\(name): \(diff.count) pixels differ by more than \(threshold) (budget \(budget)) \(place); see \(failureFolder.path)",
                     sourceLocation: sourceLocation)
    }
}
