import AtlasModel
import AtlasRender
import Foundation
import Testing

/// Every seed (Fuzz/Corpus/) and every input the fuzzers ever found troublesome
/// (Fuzz/Regressions/) still gives an answer, an error or nothing, and never crashes or
/// hangs. Each reader must have something to replay: an empty or missing corpus fails.
@Suite("Fuzzer regressions")
struct FuzzRegressionTests {
    static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz")
    static let atlas = try! RenderTestAtlas.load()

    /// The corpus and regression files of a fuzz target; records an issue when there are none.
    func inputs(_ target: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Data] {
        let files = ["Corpus", "Regressions"].flatMap { folder -> [URL] in
            let dir = Self.fuzz.appendingPathComponent(folder).appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { dir.appendingPathComponent($0) }
        }
        let data = files.compactMap { FileManager.default.contents(atPath: $0.path) }
        if data.isEmpty { Issue.record("nothing to replay for \(target) in \(Self.fuzz.path)", sourceLocation: sourceLocation) }
        return data
    }

    @Test func yamlReaders() {
        for data in inputs("FuzzPattern") { _ = DocumentChecker.pattern(String(decoding: data, as: UTF8.self), atlas: Self.atlas) }
        for data in inputs("FuzzFigure") { _ = DocumentChecker.figure(String(decoding: data, as: UTF8.self), atlas: Self.atlas) }
        for data in inputs("FuzzStyleAndBody") {
            _ = DocumentChecker.style(String(decoding: data, as: UTF8.self))
            _ = DocumentChecker.body(String(decoding: data, as: UTF8.self))
        }
        for data in inputs("FuzzAnatomy") { _ = DocumentChecker.anatomy(String(decoding: data, as: UTF8.self), atlas: Self.atlas) }
    }

    @Test func pngReader() {
        let decoded = inputs("FuzzPNG").filter { (try? PNGCodec.decode([UInt8]($0))) != nil }.count
        #expect(decoded >= 1, "the PNG seeds decode")
    }

    @Test func jpegReader() {
        var decoded = 0
        for data in inputs("FuzzJPEG") {
            _ = ExifOrientation.value(in: [UInt8](data))
            if (try? ImageDecoder.decode([UInt8](data))) != nil { decoded += 1 }
            _ = try? ImageDecoder.decode([0xFF, 0xD8] + [UInt8](data)) // as the fuzzer saw it
        }
        #expect(decoded >= 1, "the JPEG seeds decode")
    }

    @Test func checkerReportsProblemsInDocuments() {
        let bad = DocumentChecker.pattern("id: x\nname: [", atlas: Self.atlas)
        #expect(bad.first?.message.hasPrefix("YAML syntax") == true)
        #expect(DocumentChecker.anatomy("view: posterior\nbones: [", atlas: Self.atlas).first?.message.hasPrefix("YAML syntax") == true)
        #expect(DocumentChecker.style("name: s\nessential: {color: \"#12345\"}").first?.message.contains("expected a colour") == true)
    }
}
