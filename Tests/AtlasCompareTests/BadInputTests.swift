import AtlasCompare
import AtlasEvaluation
import AtlasModel
@testable import AtlasRender
import Foundation
import Testing

/// Every kind of bad input gives a clear message and no crash.
@Suite("Bad drawings")
struct BadInputTests {
    let comparator = DrawingPainter.comparator

    /// The error of comparing `bytes` written to a file named `name`.
    func error(_ bytes: [UInt8], name: String = "drawing.png") throws -> CompareError {
        let folder = try DrawingPainter.temporaryFolder()
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            _ = try comparator.analyse(file: path)
        } catch {
            #expect(error.description.hasPrefix(name) || error.description.contains(name), "names the file: \(error)")
            return error
        }
        Issue.record("\(name) was compared")
        return .internalFailure("none")
    }

    func smallPNG() throws -> [UInt8] {
        try DrawingPainter.png(RGBAImage(width: 4, height: 4))
    }

    @Test func truncatedPNG() throws {
        let bytes = try DrawingPainter.png(try DrawingPainter.sheet([.posterior], width: 200).image)
        let e = try error(Array(bytes.prefix(bytes.count / 2)))
        guard case .unreadable = e else { Issue.record("\(e)"); return }
        #expect(!e.isNoResult)
    }

    @Test func emptyFile() throws {
        let e = try error([])
        #expect(e.description.contains("empty"), "\(e)")
    }

    @Test func zeroWidthHeader() throws {
        var bytes = try smallPNG()
        bytes.replaceSubrange(16..<20, with: [0, 0, 0, 0])   // IHDR width 0
        guard case .unreadable = try error(bytes) else { Issue.record("a zero-width image was not refused"); return }
    }

    @Test func hugeImageIsRefusedFromItsHeader() throws {
        // A valid header claiming 20000 x 20000 pixels (400 megapixels) and no pixels: refused
        // before any allocation for them.
        var bytes = try smallPNG()
        let side: [UInt8] = [0, 0, 0x4E, 0x20]
        bytes.replaceSubrange(16..<20, with: side)
        bytes.replaceSubrange(20..<24, with: side)
        // A correct checksum for the edited header, so only the size can refuse it.
        let crc = CRC32.checksum(Array(bytes[12..<29]))
        bytes.replaceSubrange(29..<33, with: [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)])
        let e = try error(bytes)
        #expect(e.description.contains("20000 x 20000"), "\(e)")
    }

    @Test func jpegRenamedPNG() throws {
        let e = try error([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0], name: "photo.png")
        #expect(e.description.contains("JPEG"), "\(e)")
    }

    @Test func missingFile() throws {
        #expect(throws: CompareError.unreadable(file: "/nonexistent/drawing.png", message: "no such file")) {
            try comparator.analyse(file: "/nonexistent/drawing.png")
        }
    }

    @Test func blankTemplateHasNoMarks() throws {
        let bytes = try DrawingPainter.png(try DrawingPainter.sheet(ViewID.allCases, width: 500).image)
        let e = try error(bytes, name: "blank.png")
        guard case .noMarks = e else { Issue.record("\(e)"); return }
        #expect(e.isNoResult)
        #expect(e.description.contains("no marks"))
    }

    /// Every blank chart as `template` writes it (150 dpi) has nothing drawn on it: no
    /// printed line may pass for a pen stroke.
    @Test(arguments: ChartSheet.all)
    func everyBlankChartHasNoMarks(sheet: ChartSheet) throws {
        var request = ChartRequest(kind: .template, views: sheet.views)
        request.paper = sheet.paper
        request.width = Int((sheet.pageWidth / 25.4 * 150).rounded())
        let image = try SceneRenderer.rasterize(try ChartBuilder.scene(request, atlas: DrawingPainter.atlas))
        let e = try error(try DrawingPainter.png(image), name: "blank-\(sheet.name).png")
        guard case .noMarks = e else { Issue.record("\(sheet.name): \(e)"); return }
    }

    /// A photo or scan of a blank chart (back view or all four) in uneven light: shadows,
    /// noise and blurred printed lines are not marks, even read as dark strokes.
    @Test(arguments: [Capture.phonePhoto, .unevenLight, .greyPaper, .crookedScan], [[ViewID.posterior], ViewID.allCases])
    func photoOfABlankChartHasNoMarks(capture: Capture, views: [ViewID]) throws {
        let blank = try DrawingPainter.sheet(views, width: 1240).image
        let (photo, _) = SyntheticPhoto.capture(blank, capture)
        let check = {
            let e = try error(try JPEGCodec.encode(photo, quality: 60), name: "blank-photo.jpg")
            guard case .noMarks = e else { Issue.record("\(e)"); return }
        }
        // The four-view chart in uneven light used to read the shadow's rim as marks (paper
        // evened out too bright there); see PaperLightTests.
        try check()
    }

    @Test func marksOnlyOffTheBody() throws {
        var sheet = try DrawingPainter.sheet([.posterior], width: 300)
        // Beside the body, inside its panel (a dab in the header is not a mark at all).
        DrawingPainter.dab(&sheet.image, at: DrawingPainter.pixel(sheet, view: .posterior, Point(-350, 400)), radius: 6,
                           color: Style.default.painMark)
        guard case .noMarks(_, let message) = try error(try DrawingPainter.png(sheet.image)) else { Issue.record("accepted"); return }
        #expect(message.contains("off the body"))
    }

    @Test(arguments: ["white", "noise", "stripes"])
    func imagesThatAreNotCharts(kind: String) throws {
        var image = RGBAImage(width: 300, height: 400)
        var random = SeededRandom(seed: 9)
        for i in stride(from: 0, to: image.pixels.count, by: 4) {
            let pixel = i / 4
            switch kind {
            case "noise":
                for c in 0..<3 { image.pixels[i + c] = UInt8(random.next(below: 256)) }
            case "stripes":
                let v: UInt8 = (pixel % 300) / 10 % 2 == 0 ? 30 : 255
                for c in 0..<3 { image.pixels[i + c] = v }
                if (pixel / 300) % 50 < 5 { image.pixels[i] = 220; image.pixels[i + 1] = 20; image.pixels[i + 2] = 20 }
            default:
                break
            }
        }
        let e = try error(try DrawingPainter.png(image), name: "\(kind).png")
        guard case .notAChart = e else { Issue.record("\(kind): \(e)"); return }
        #expect(e.isNoResult)
    }

    /// A phone photo of a letter on a desk: lines of text, no chart. Exit status 2, saying
    /// what to photograph.
    @Test func photoOfSomethingElse() throws {
        var page = RGBAImage(width: 620, height: 877)
        var random = SeededRandom(seed: 5)
        for line in stride(from: 80, to: 800, by: 22) {
            var x = 60
            while x < 560 {
                let word = 15 + random.next(below: 50)
                DrawingPainter.stroke(&page, from: Point(Double(x), Double(line)), to: Point(Double(min(x + word, 560)), Double(line)),
                                      radius: 4, color: Color(0.1, 0.1, 0.1))
                x += word + 10
            }
        }
        let (photo, _) = SyntheticPhoto.capture(page, .phonePhoto)
        let e = try error(try JPEGCodec.encode(photo, quality: 80), name: "letter.jpg")
        guard case .notAChart(_, let message) = e else { Issue.record("\(e)"); return }
        #expect(e.isNoResult)
        #expect(message.contains("no corner marks were found") && message.contains("four corner marks"), "\(message)")
    }

    @Test func truncatedJPEG() throws {
        let bytes = try JPEGCodec.encode(try DrawingPainter.sheet([.posterior], width: 400).image, quality: 80)
        let e = try error(Array(bytes.prefix(bytes.count / 2)), name: "cut.jpg")
        guard case .unreadable = e else { Issue.record("\(e)"); return }
        #expect(e.description.contains("JPEG"), "\(e)")
    }

    /// Garbage in the middle of the compressed data: refused or read as no chart, never a crash.
    @Test func corruptJPEG() throws {
        var bytes = try JPEGCodec.encode(try DrawingPainter.sheet([.posterior], width: 400).image, quality: 80)
        var random = SeededRandom(seed: 3)
        for i in (bytes.count / 3)..<(bytes.count / 3 + 400) { bytes[i] = UInt8(random.next(below: 256)) }
        let e = try error(bytes, name: "corrupt.jpg")
        switch e {
        case .unreadable, .notAChart, .noMarks: break
        default: Issue.record("\(e)")
        }
    }

    /// A JPEG whose header claims 40000 x 40000 pixels: refused from the header, before any
    /// memory is taken for the pixels.
    @Test func hugeJPEGIsRefusedFromItsHeader() throws {
        var bytes = try JPEGCodec.encode(RGBAImage(width: 16, height: 16), quality: 80)
        // The baseline frame header: FF C0, length, precision, then height and width.
        let sof = try #require((0..<(bytes.count - 1)).first { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xC0 })
        bytes.replaceSubrange((sof + 5)..<(sof + 9), with: [0x9C, 0x40, 0x9C, 0x40])
        let e = try error(bytes, name: "huge.jpg")
        guard case .unreadable = e else { Issue.record("\(e)"); return }
        #expect(e.description.contains("40000 x 40000"), "\(e)")
    }
}
