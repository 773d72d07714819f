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
        #expect(FileManager.default.contents(atPath: target) == before)
        let inside = bundled.appendingPathComponent("body/chart.pdf").path
        let refused = try run(["template", "--view", "posterior", "-o", inside])
        #expect(refused.status == 1)
        #expect(refused.error.contains("inside the atlas folder"), "\(refused.error)")
        #expect(!FileManager.default.fileExists(atPath: inside))
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
        #expect(result.status == 64, "a parse error is a usage error (64)")
        #expect(result.error.contains("middle"))
    }

    /// Bad numbers to every command that takes one: a clear message and status 1 (or 64
    /// when the parser refuses the text, as for `1e12` given for a whole number), never a
    /// signal, and nothing written.
    @Test(arguments: [
        ["render", "piriformis"], ["render", "--all"], ["template"], ["figure", "why-leg-pain"], ["handout", "piriformis"],
    ])
    func badNumbersAreRefused(command: [String]) throws {
        let folder = try scratch()
        let output = folder.appendingPathComponent(command.contains("--all") ? "all" : "x.pdf").path
        let takesWidth = command[0] != "handout"
        var cases = [["--dpi=-5"], ["--dpi", "nan"], ["--dpi", "inf"], ["--dpi", "1e12"], ["--dpi", "0"]]
        if takesWidth { cases += [["--width=-5"], ["--width", "0"], ["--width", "1e12"], ["--width", "99999999"]] }
        for bad in cases {
            let result = try run(command + bad + ["-o", output])
            #expect(result.status == 1 || result.status == 64, "\(command + bad): status \(result.status) \(result.error)")
            #expect(result.status != 1 || result.error.hasPrefix("error: --"), "\(command + bad): the message names the option: \(result.error)")
            #expect(result.error.contains("must be") || result.error.contains("Usage") || result.error.contains("Error"),
                    "\(command + bad): \(result.error)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty, "nothing written for \(command)")
    }

    @Test func badTopIsRefusedBeforeAnyDrawingIsRead() throws {
        for bad in ["0", "nan", "1e12", "1000"] {
            let result = try run(["compare", "/nonexistent/drawing.png", "--top", bad])
            #expect(result.status == 1 || result.status == 64, "--top \(bad): status \(result.status)")
        }
        let negative = try run(["compare", "/nonexistent/drawing.png", "--top=-5"])
        #expect(negative.status == 1)
        #expect(negative.error.contains("--top must be 1 to 100"), "\(negative.error)")
    }

    /// `-o x.jpg` writes a JPEG in every command; an extension no format has is refused.
    @Test func outputsAreWhatTheirNamesSay() throws {
        let folder = try scratch()
        for (index, command) in [["render", "piriformis", "--width", "300"], ["template", "--view", "back", "--dpi", "40"],
                                 ["figure", "why-leg-pain", "--width", "400"], ["handout", "piriformis", "--dpi", "40"]].enumerated() {
            let jpeg = folder.appendingPathComponent("\(index).jpg").path
            let result = try run(command + ["-o", jpeg])
            #expect(result.status == 0, "\(command): \(result.error)")
            #expect(FileManager.default.contents(atPath: jpeg)?.starts(with: [0xFF, 0xD8, 0xFF]) == true, "\(command) wrote a JPEG")
            let gif = try run(command + ["-o", folder.appendingPathComponent("\(index).gif").path])
            #expect(gif.status == 1 && gif.error.contains("cannot write .gif files"), "\(command): \(gif.error)")
            let mismatch = try run(command + ["--format", "png", "-o", folder.appendingPathComponent("\(index).pdf").path])
            #expect(mismatch.status == 1 && mismatch.error.contains("does not match"), "\(command): \(mismatch.error)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["0.jpg", "1.jpg", "2.jpg", "3.jpg"])
    }

    /// `-o FOLDER`: every command names its file after what it shows.
    @Test func outputFolderGetsReadableNames() throws {
        let folder = try scratch()
        let commands: [([String], String)] = [
            (["render", "gluteus-minimus-anterior", "--view", "right", "--width", "300"], "gluteus-minimus-anterior-lateral-right.png"),
            (["template", "--view", "front", "--dpi", "40"], "chart-anterior-a4.pdf"),
            (["figure", "why-leg-pain", "--width", "400"], "why-leg-pain.png"),
            (["handout", "piriformis", "--paper", "letter", "--dpi", "40"], "handout-piriformis-letter.pdf"),
        ]
        for (command, name) in commands {
            let result = try run(command + ["-o", folder.path])
            #expect(result.status == 0, "\(command): \(result.error)")
            #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines) == folder.appendingPathComponent(name).path)
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(command) wrote \(name)")
        }
    }

    @Test func didYouMeanCoversPrefixesAndSwappedLetters() throws {
        let cut = try run(["render", "gluteus-minimu", "-o", "/tmp/x.png"])
        #expect(cut.status == 1)
        #expect(cut.error.contains("'gluteus-minimus-anterior' or 'gluteus-minimus-posterior'"), "\(cut.error)")
        let swapped = try run(["handout", "glutues-medius", "-o", "/tmp/x.pdf"])
        #expect(swapped.status == 1)
        #expect(swapped.error.contains("did you mean 'gluteus-medius'?"), "\(swapped.error)")
        let view = try run(["render", "piriformis", "--view", "postreior", "-o", "/tmp/x.png"])
        #expect(view.status == 64)
        #expect(view.error.contains("did you mean 'posterior'?"), "\(view.error)")
    }

    @Test func atlasFolderFromTheEnvironmentMustHoldAnAtlas() throws {
        let empty = try scratch()
        for folder in [empty.path, empty.appendingPathComponent("missing").path] {
            let process = Process()
            process.executableURL = Self.binary
            process.arguments = ["list"]
            process.environment = ProcessInfo.processInfo.environment.merging([AtlasLocator.environmentKey: folder]) { $1 }
            let err = Pipe()
            process.standardError = err
            process.standardOutput = Pipe()
            try process.run()
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1)
            #expect(message.contains("REFERRAL_ATLAS_DIR is set to \(folder)"), "\(message)")
        }
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
