import AtlasModel
import AtlasRender
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

@Suite("Publishing: figures, handouts, SVG and PDF")
struct PublishingTests {
    static let atlas = try! RenderTestAtlas.load()

    @Test func shippedFiguresExist() {
        for id in ["gluteal-referral-patterns", "referred-vs-radicular", "piriformis-and-sciatic-nerve", "why-leg-pain"] {
            #expect(Self.atlas.figure(id) != nil, "missing figure \(id)")
        }
    }

    @Test func figureNamingAnUnknownPatternIsAnError() throws {
        let folder = try RenderTestAtlas.temporaryFolder()
        let file = folder.appendingPathComponent("bad-figure.yaml").path
        try """
            id: bad-figure
            title: Bad
            panels:
              - view: posterior
                patterns: [gluteus-maximus, gluteus-maximum]
              - view: sideways
            """.write(toFile: file, atomically: true, encoding: .utf8)
        do {
            _ = try AtlasLoader.loadFigure(file: file, atlas: Self.atlas)
            Issue.record("a figure with an unknown pattern loaded")
        } catch {
            let text = error.description
            #expect(text.contains("bad-figure.yaml:5:33: unknown pattern 'gluteus-maximum'"), "\(text)")
            #expect(text.contains("bad-figure.yaml:6:11: expected one of posterior"), "\(text)")
        }
    }

    @Test func svgIsWellFormedXML() throws {
        let figure = try #require(Self.atlas.figure("referred-vs-radicular"))
        let svg = try SceneRenderer.render(try FigureBuilder.scene(figure, width: 600, atlas: Self.atlas), as: .svg)
        let parser = XMLParser(data: Data(svg))
        let root = RootElement()
        parser.delegate = root
        #expect(parser.parse(), "SVG does not parse: \(String(describing: parser.parserError))")
        #expect(root.name == "svg")
    }

    @Test func handoutPDFIsOneVectorA4PageWithItsText() throws {
        let pattern = try #require(Self.atlas.pattern("gluteus-minimus-posterior"))
        var request = HandoutRequest(patterns: [pattern])
        request.clinic = "Riverside Clinic, 020 7946 0321"
        let scene = try HandoutBuilder.scene(request, atlas: Self.atlas)
        let pdf = try SceneRenderer.render(scene, as: .pdf)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-"))
        #expect(text.contains("/MediaBox [ 0 0 595.2"), "A4 is 595 x 842 points")
        #expect(text.contains("/Type /Font"), "text is set as text, with fonts")
        #expect(!text.contains("/Subtype /Image"), "a vector page: no raster images")
        let folder = try RenderTestAtlas.temporaryFolder()
        let file = folder.appendingPathComponent("handout.pdf")
        try Data(pdf).write(to: file)
        // pdftotext (poppler-utils) is installed by `make test` (scripts/install-deps.sh); without
        // it this test fails rather than skipping its check.
        let extracted = try #require(run("pdftotext", [file.path, "-"]), "pdftotext is missing: install poppler-utils (make deps)")
        #expect(extracted.contains("Gluteus minimus, posterior part"))
        #expect(extracted.contains("Riverside Clinic"))
        #expect(extracted.contains("practitioner"))
    }

    @Test func handoutPNGIs300DPI() throws {
        var request = HandoutRequest(patterns: [try #require(Self.atlas.pattern("tensor-fasciae-latae"))])
        request.paper = .letter
        let scene = try HandoutBuilder.scene(request, atlas: Self.atlas)
        #expect(scene.width == 2550 && scene.height == 3300, "US letter at 300 dpi")
        let png = try SceneRenderer.render(scene, as: .png)
        #expect(abs((PNGChunks.dpi(png) ?? 0) - 300) < 0.5)
    }

    /// Shown 800 px wide in a blog post, every word of `why-leg-pain` (titles, view names,
    /// legend, source) is laid out at 14 px or more, after any shrinking to fit.
    @Test func whyLegPainReadsAt800Pixels() throws {
        let figure = try #require(Self.atlas.figure("why-leg-pain"))
        let scene = try FigureBuilder.scene(figure, width: 800, atlas: Self.atlas)
        let sizes = try TextSizes.laidOut(scene)
        #expect(sizes.count > 20, "the titles, view names, legend and source are all measured: \(sizes.count)")
        for (text, size) in sizes {
            #expect(size >= 14 - 1e-9, "'\(text)' is \(size) px at 800 px wide")
        }
        // The same figure drawn at twice the width keeps its proportions: text scales with it.
        let wide = try TextSizes.laidOut(try FigureBuilder.scene(figure, width: 1600, atlas: Self.atlas))
        #expect(wide.map(\.size).min()! >= 28 - 1e-9)
    }

    /// A figure whose panels show different views names each panel's view; one whose panels
    /// share a view does not repeat it.
    @Test(arguments: ["why-leg-pain", "gluteal-referral-patterns", "referred-vs-radicular", "piriformis-and-sciatic-nerve"])
    func panelsShareAViewOrSayWhichViewTheyShow(id: String) throws {
        let figure = try #require(Self.atlas.figure(id))
        let scene = try FigureBuilder.scene(figure, width: 800, atlas: Self.atlas)
        let views = Set(figure.panels.map(\.view))
        let names = Set(ViewID.withSoles.compactMap { Self.atlas.view($0).map { "\($0.label) view" } })
        let viewTexts = scene.texts.filter { names.contains($0.text) }
        if views.count > 1 {
            #expect(viewTexts.count == figure.panels.count, "\(viewTexts.map(\.text))")
            for panel in scene.panels {
                let label = "\(panel.view.label) view"
                #expect(viewTexts.contains { $0.text == label && abs($0.at.x - panel.frame.center.x) < 1 }, "\(id): \(label)")
            }
        } else {
            #expect(viewTexts.isEmpty)
        }
    }

    /// Zones are never cut off at the top of a waist-to-toe frame.
    @Test(arguments: ["why-leg-pain", "gluteal-referral-patterns", "referred-vs-radicular"])
    func legFramesHoldEveryZone(id: String) throws {
        let figure = try #require(Self.atlas.figure(id))
        let scene = try FigureBuilder.scene(figure, width: 800, atlas: Self.atlas)
        for panel in scene.panels {
            for zone in panel.patterns.flatMap(\.zones) {
                let bounds = try #require(zone.path.bounds)
                #expect(panel.toPixels(Point(bounds.minX, bounds.minY)).y >= panel.frame.minY, "\(id): a zone starts above its panel")
            }
        }
    }

    @Test func figureReferenceImage() throws {
        let figure = try #require(Self.atlas.figure("piriformis-and-sciatic-nerve"))
        let image = try SceneRenderer.rasterize(try FigureBuilder.scene(figure, width: 500, atlas: Self.atlas))
        try ImageComparison.check(image, named: "figure-piriformis-and-sciatic-nerve", budgetFraction: 0.01)
    }

    @Test func handoutReferenceImage() throws {
        var request = HandoutRequest(patterns: [try #require(Self.atlas.pattern("gluteus-minimus-posterior"))])
        request.dpi = 60
        let image = try SceneRenderer.rasterize(try HandoutBuilder.scene(request, atlas: Self.atlas))
        try ImageComparison.check(image, named: "handout-gluteus-minimus-posterior", budgetFraction: 0.01)
    }

    /// A root handout whose pattern reaches the sole shows the sole panel too.
    @Test func rootHandoutsShowTheSole() throws {
        for id in ["radicular-s1"] {
            var request = HandoutRequest(patterns: [try #require(Self.atlas.pattern(id))])
            request.side = .right
            let scene = try HandoutBuilder.scene(request, atlas: Self.atlas)
            #expect(scene.panels.contains { $0.view.id == .plantar }, "\(id): no sole panel")
        }
    }

    /// `render --all` draws the dermatome maps with the soles, as `render dermatomes` does.
    @Test func renderAllDermatomeMapsIncludeTheSoles() throws {
        let jobs = try Exporter.allJobs(atlas: Self.atlas, directory: "/tmp/unused", width: 600, dpi: 96, style: Style.default)
        let maps = jobs.filter { $0.path.contains("dermatomes/dermatomes-") }
        #expect(!maps.isEmpty)
        for job in maps {
            guard case .chart(let request) = job.content else { Issue.record("\(job.path) is not a chart"); continue }
            #expect(request.views.contains(.plantar), "\(job.path) has no sole view")
        }
    }

    @Test func galleryLinksEveryFormat() {
        let html = Gallery.html(atlas: Self.atlas, paths: ["figures/why-leg-pain.png", "figures/why-leg-pain.svg", "figures/why-leg-pain.pdf",
                                                          "figures/why-leg-pain@2x.png", "patterns/piriformis.png", "handouts/piriformis.pdf"])
        #expect(html.contains("href=\"figures/why-leg-pain.svg\""))
        #expect(html.contains("href=\"figures/why-leg-pain@2x.png\""))
        #expect(html.contains("Piriformis (trigger points)"))
        #expect(html.contains("not a diagnosis"))
    }

    /// The gallery reads as a page, not a file listing: a section menu, titles instead of
    /// file names, a thumbnail for each handout, and links a finger can hit (44 px).
    @Test func galleryHasAMenuTitlesThumbnailsAndTapTargets() {
        let html = Gallery.html(atlas: Self.atlas, paths: [
            "handouts/piriformis.pdf", "handouts/piriformis.png", "templates/template-posterior-letter.pdf",
            "templates/template-posterior-letter.png", "views/anterior-landmarks.png", "dermatomes/dermatomes-classic.png",
        ])
        #expect(html.contains("<nav"))
        for section in ["handouts", "templates", "views", "dermatomes"] { #expect(html.contains("href=\"#\(section)\""), "menu links \(section)") }
        #expect(html.contains("<img src=\"handouts/piriformis.png\""), "a handout has a thumbnail")
        #expect(html.contains("Handout: Piriformis (trigger points)"))
        #expect(html.contains("Blank chart, back view, US letter"))
        #expect(html.contains("Front view with landmarks"))
        #expect(html.contains("Dermatome map (classic)"))
        #expect(!html.contains(">template-posterior-letter<"), "no bare file names as titles")
        #expect(html.contains("min-height:44px") && html.contains("min-width:44px"))
    }

    /// Output of a command-line tool, or nil when it is not installed.
    func run(_ tool: String, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}

/// Records the name of the first element of an XML document.
private final class RootElement: NSObject, XMLParserDelegate {
    var name: String?

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == nil { name = elementName }
    }
}
