import Foundation
import AtlasModel
import AtlasRender
import Testing

/// The `referral-atlas` binary as a user runs it: exit statuses, messages, files.
@Suite("Command line")
struct CommandLineTests {
    /// The binary `swift build` put beside the test bundle.
    static let binary: URL? = {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("referral-atlas")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return nil
    }()

    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    func run(_ arguments: [String]) throws -> Result {
        let binary = try #require(Self.binary, "build the package first (swift build)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
                      error: String(decoding: errData, as: UTF8.self))
    }

    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cli-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func validatePassesOnTheBundledAtlas() throws {
        let result = try run(["validate"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("valid"))
    }

    @Test func validateNamesFileAndLineInABrokenCopy() throws {
        let folder = try scratch()
        let atlas = folder.appendingPathComponent("Atlas")
        let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Atlas")
        try FileManager.default.copyItem(at: bundled, to: atlas)
        let file = atlas.appendingPathComponent("muscles/piriformis.yaml")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "family: myofascial", with: "family: muscular")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let line = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("family:") }! + 1
        let result = try run(["validate", "--atlas", atlas.path])
        #expect(result.status == 1)
        #expect(result.error.contains("muscles/piriformis.yaml:\(line):9: expected one of myofascial"), "\(result.error)")
    }

    @Test func templateAndRenderWriteFiles() throws {
        let folder = try scratch()
        let chart = folder.appendingPathComponent("chart.pdf").path
        #expect(try run(["template", "--view", "posterior", "-o", chart]).status == 0)
        #expect(FileManager.default.contents(atPath: chart)?.starts(with: Array("%PDF-".utf8)) == true)
        let png = folder.appendingPathComponent("minimus.png").path
        let result = try run(["render", "gluteus-minimus-anterior", "--view", "lateral-right", "--width", "400", "-o", png])
        #expect(result.status == 0, "\(result.error)")
        #expect(FileManager.default.contents(atPath: png)?.starts(with: [137, 80, 78, 71]) == true)
    }

    @Test func unknownPatternIsInvalidInput() throws {
        let folder = try scratch()
        let result = try run(["render", "gluteus-minimum", "-o", folder.appendingPathComponent("x.png").path])
        #expect(result.status == 1)
        #expect(result.error.contains("unknown pattern 'gluteus-minimum'"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "nothing written")
    }

    @Test func nothingToShowIsStatusTwo() throws {
        let folder = try scratch()
        let result = try run(["render", "tensor-fasciae-latae", "--view", "posterior", "-o", folder.appendingPathComponent("x.png").path])
        #expect(result.status == 2, "\(result.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func outputsNeverGoIntoTheAtlas() throws {
        let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Atlas")
        let target = bundled.appendingPathComponent("body/posterior.yaml").path
        let before = FileManager.default.contents(atPath: target)
        let result = try run(["template", "--view", "posterior", "-o", target])
        #expect(result.status == 1)
        #expect(result.error.contains("inside the atlas folder"))
        #expect(FileManager.default.contents(atPath: target) == before)
    }

    @Test func listJSONHasTheDocumentedFields() throws {
        let result = try run(["list", "--json"])
        #expect(result.status == 0)
        let entries = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]]
        let first = try #require(entries?.first)
        for key in ["id", "name", "family", "views"] { #expect(first[key] != nil, "missing \(key)") }
        #expect(entries?.contains { $0["id"] as? String == "radicular-s1" && $0["family"] as? String == "radicular" } == true)
    }

    @Test func badFlagIsAUsageError() throws {
        let result = try run(["render", "--side", "middle", "-o", "/tmp/x.png"])
        #expect(result.status != 0)
        #expect(result.error.contains("middle"))
    }

    /// The paper round trip as a user runs it: print a letter-size chart, shade it, save the
    /// "photo" as a JPEG, compare it; then a photo of something else.
    @Test func printedChartPhotoIsCompared() throws {
        let folder = try scratch()
        let pdf = folder.appendingPathComponent("chart.pdf").path
        #expect(try run(["template", "--view", "posterior", "--paper", "letter", "-o", pdf]).status == 0)
        let pdfText = String(decoding: FileManager.default.contents(atPath: pdf) ?? Data(), as: UTF8.self)
        #expect(pdfText.contains("0 0 612 792"), "a US letter page at true size")

        let png = folder.appendingPathComponent("chart.png").path
        #expect(try run(["template", "--view", "posterior", "--paper", "letter", "--dpi", "120", "-o", png]).status == 0)
        var image = try PNGCodec.decode([UInt8](FileManager.default.contents(atPath: png) ?? Data()))
        #expect(image.width == Int((215.9 / 25.4 * 120).rounded()))
        // A red patch over the right buttock and thigh, found through the chart's own layout.
        var request = ChartRequest(kind: .template, views: [.posterior])
        request.paper = .letter
        request.width = image.width
        let panel = try ChartBuilder.scene(request, atlas: try RenderTestAtlas.load()).panels[0]
        let a = panel.toPixels(Point(60, 800)), b = panel.toPixels(Point(150, 1000))
        for y in Int(min(a.y, b.y))..<Int(max(a.y, b.y)) {
            for x in Int(min(a.x, b.x))..<Int(max(a.x, b.x)) where (x + y) % 9 < 4 {   // hatched, not solid
                let i = (y * image.width + x) * 4
                image.pixels[i] = 200; image.pixels[i + 1] = 30; image.pixels[i + 2] = 40
            }
        }
        let photo = folder.appendingPathComponent("photo.jpg").path
        #expect(FileManager.default.createFile(atPath: photo, contents: Data(try JPEGCodec.encode(image, quality: 70))))
        let result = try run(["compare", photo, "--json"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("\"method\" : \"corner-marks\""), "\(result.output.prefix(600))")
        #expect(result.output.contains("\"paper\" : \"letter\""))

        var other = RGBAImage(width: 400, height: 300)
        for i in stride(from: 0, to: other.pixels.count, by: 4) { other.pixels[i] = UInt8(i / 4 % 400 * 255 / 400) }
        let otherPath = folder.appendingPathComponent("holiday.jpg").path
        #expect(FileManager.default.createFile(atPath: otherPath, contents: Data(try JPEGCodec.encode(other, quality: 70))))
        let refused = try run(["compare", otherPath])
        #expect(refused.status == 2)
        #expect(refused.error.contains("holiday.jpg") && refused.error.contains("chart"), "\(refused.error)")
    }
}
