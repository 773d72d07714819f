import AtlasModel
import AtlasRender
import Foundation
import Testing

/// Every input the fuzzers ever found troublesome (Fuzz/Regressions/) still gives an
/// answer, an error or nothing, and never crashes or hangs.
@Suite("Fuzzer regressions")
struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/Regressions")
    static let atlas = try! RenderTestAtlas.load()

    func inputs(_ target: String) -> [Data] {
        let dir = Self.folder.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().compactMap { FileManager.default.contents(atPath: dir.appendingPathComponent($0).path) }
    }

    @Test func yamlReaders() {
        for data in inputs("FuzzPattern") { _ = DocumentChecker.pattern(String(decoding: data, as: UTF8.self), atlas: Self.atlas) }
        for data in inputs("FuzzFigure") { _ = DocumentChecker.figure(String(decoding: data, as: UTF8.self), atlas: Self.atlas) }
        for data in inputs("FuzzStyleAndBody") {
            _ = DocumentChecker.style(String(decoding: data, as: UTF8.self))
            _ = DocumentChecker.body(String(decoding: data, as: UTF8.self))
        }
    }

    @Test func pngReader() {
        for data in inputs("FuzzPNG") { _ = try? PNGCodec.decode([UInt8](data)) }
    }

    @Test func jpegReader() {
        for data in inputs("FuzzJPEG") {
            _ = ExifOrientation.value(in: [UInt8](data))
            _ = try? ImageDecoder.decode([UInt8](data))
            _ = try? ImageDecoder.decode([0xFF, 0xD8] + [UInt8](data)) // as the fuzzer saw it
        }
    }

    @Test func checkerReportsProblemsInDocuments() {
        let bad = DocumentChecker.pattern("id: x\nname: [", atlas: Self.atlas)
        #expect(bad.first?.message.hasPrefix("YAML syntax") == true)
        #expect(DocumentChecker.style("name: s\nessential: {color: \"#12345\"}").first?.message.contains("expected a colour") == true)
    }
}
