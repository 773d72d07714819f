import AtlasCompare
import AtlasModel
import AtlasRender
import Foundation
import Testing

/// Text, JSON, CSV and the overlay picture.
@Suite("Comparison outputs")
struct OutputTests {
    static let analysis: DrawingAnalysis = {
        var sheet = try! DrawingPainter.sheet(ViewID.allCases, width: 500, upscale: 1.2)
        try! DrawingPainter.paint(&sheet, "piriformis", side: .right, kinds: [.essential, .spillover], seed: 21)
        return try! DrawingPainter.comparator.analyse(image: sheet.image, name: "piriformis, drawn.png")
    }()

    @Test func jsonHasTheDocumentedFields() throws {
        let text = try ReportFormatter.json([Self.analysis.comparison])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for key in ["drawing", "views", "extentPercent", "matches", "summary", "disclaimer", "leaning", "areas", "registration"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let matches = try #require(object["matches"] as? [[String: Any]])
        for match in matches {
            for key in ["id", "side", "family", "group", "score", "confidence", "precision", "essentialCoverage", "spilloverCoverage"] {
                #expect(match[key] != nil, "\(match["id"] ?? "?") lacks \(key) (absent figures are null)")
            }
        }
        let ranked = matches.compactMap { m in (m["id"] as? String).flatMap { id in (m["confidence"] as? Double).map { (id: id, confidence: $0) } } }
        #expect(ranked.count == matches.count)
        let pair = Self.analysis.comparison.explanations.first.map { $0.sources.map(\.id) } ?? []
        #expect(RankingOrder.isDistinctSourcesFirst(ranked, atlas: DrawingPainter.atlas, pair: pair),
                "different sources first, each part by confidence")
        #expect(object["explanations"] is [[String: Any]])
        let limited = try #require(try JSONSerialization.jsonObject(with: Data(try ReportFormatter.json([Self.analysis.comparison], top: 2).utf8))
            as? [String: Any])
        #expect((limited["matches"] as? [Any])?.count == min(2, matches.count), "--top limits the JSON matches")
        #expect((object["disclaimer"] as? String)?.contains("not a diagnosis") == true)
        let several = try JSONSerialization.jsonObject(with: Data(try ReportFormatter.json([Self.analysis.comparison, Self.analysis.comparison]).utf8))
        #expect((several as? [Any])?.count == 2, "several drawings give an array")
        let decoded = try JSONDecoder().decode(DrawingComparison.self, from: Data(text.utf8))
        #expect(decoded.matches.map(\.id) == Self.analysis.comparison.matches.map(\.id))
        #expect(decoded.matches.map(\.score) == Self.analysis.comparison.matches.map(\.score))
    }

    @Test func textHasSummaryTableAndDisclaimer() {
        let text = ReportFormatter.text(Self.analysis.comparison, top: 4)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.contains { $0.hasPrefix(" #  pattern") })
        #expect(lines.filter { $0.hasPrefix(" 1 ") || $0.hasPrefix(" 4 ") }.count == 2)
        #expect(!lines.contains { $0.hasPrefix(" 5 ") }, "--top 4 lists four")
        #expect(text.contains("Marks:") && text.contains("Marked area:"))
        #expect(lines.last == Substring(DrawingComparison.disclaimer))
        for term in ["score:", "chance it is a source (confidence in JSON and CSV):", "precision:", "essential, spillover:"] {
            #expect(text.contains(term), "the glossary explains \(term)")
        }
    }

    @Test func patientTextHasNoJargonNorFigures() throws {
        let text = ReportFormatter.text(Self.analysis.comparison, top: 4, audience: .patient)
        for jargon in ["radicular", "myofascial", "confidence", "precision", "score", "likelihood", "%"] {
            #expect(!text.lowercased().contains(jargon), "patient text says \(jargon): \(text)")
        }
        #expect(text.contains("not a diagnosis"))
        #expect(throws: CompareError.self) { try ReportAudience.parse("doctor") }
        #expect(try ReportAudience.parse("Patient") == .patient)
    }

    @Test func jsonForSeveralDrawingsListsFailuresInOrder() throws {
        let failure = CompareError.noMarks(file: "blank.png", message: "no marks found on the body")
        let text = try ReportFormatter.json(outcomes: [("a.png", .success(Self.analysis.comparison)), ("blank.png", .failure(failure))], top: 1)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array[0]["status"] as? String == "ok" && (array[0]["matches"] as? [Any])?.count == 1)
        #expect(array[1]["status"] as? String == "no-result" && array[1]["drawing"] as? String == "blank.png")
        #expect((array[1]["message"] as? String)?.contains("no marks") == true)
    }

    @Test func csvQuotesAndReportsFailures() {
        let failure = CompareError.noMarks(file: "blank.png", message: "no marks found on the body")
        let csv = ReportFormatter.csv([("a, b.png", .success(Self.analysis.comparison)), ("blank.png", .failure(failure))], top: 2)
        let lines = csv.split(separator: "\n")
        #expect(lines.first == Substring(ReportFormatter.csvColumns.joined(separator: ",")))
        #expect(lines.count == 4, "two matches and one failure")
        #expect(lines[1].hasPrefix("\"a, b.png\",ok,all,"))
        #expect(lines[3].hasPrefix("blank.png,no-result,"))
        #expect(csv.contains("not a diagnosis"))
    }

    @Test func overlayIsWrittenWholeOrNotAtAll() throws {
        let folder = try DrawingPainter.temporaryFolder()
        let path = folder.appendingPathComponent("overlay.png").path
        try DrawingPainter.comparator.writeOverlay(for: Self.analysis, to: path, top: 3)
        let image = try PNGCodec.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(image.width >= 1000 && image.height > 500)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["overlay.png"], "no temporary file left")
        // The drawing's red marks are painted on the first panel.
        let red = stride(from: 0, to: image.pixels.count, by: 4).filter {
            image.pixels[$0] > 180 && image.pixels[$0 + 1] < 120 && image.pixels[$0 + 2] < 120
        }.count
        #expect(red > 200)
        #expect(throws: CompareError.self) {
            try DrawingPainter.comparator.writeOverlay(for: Self.analysis, to: folder.appendingPathComponent("missing/o.png").path)
        }
    }

    @Test func manyDrawingsComeBackInOrder() throws {
        let folder = try DrawingPainter.temporaryFolder()
        var sheet = try DrawingPainter.sheet([.posterior], width: 300)
        try DrawingPainter.paint(&sheet, "gluteus-maximus-trp1", side: .right)
        let good = folder.appendingPathComponent("good.png").path
        try Data(try DrawingPainter.png(sheet.image)).write(to: URL(fileURLWithPath: good))
        let files = [good, folder.appendingPathComponent("missing.png").path, good]
        let results = DrawingPainter.comparator.analyseAll(files: files) { file, result in
            (file, (try? result.get())?.comparison.matches.first?.id)
        }
        #expect(results.map(\.0) == files)
        #expect(results.map(\.1) == ["gluteus-maximus-trp1", nil, "gluteus-maximus-trp1"])
    }
}
