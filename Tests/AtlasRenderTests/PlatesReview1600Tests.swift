import AtlasModel
@testable import AtlasRender
import Foundation
import Testing

/// The clinical and plate findings of issue 12 left open by the review of 4 December: the
/// SIJ's Fortin area and pointing spot, the entrapment's "common" thigh, close framings for
/// the patterns of the low back, the soles' words, a dotted S1 in greyscale, a lighter
/// "about half" stipple, a larger figure source line and readable handout previews.
@Suite("Review of 4 December: plates")
struct PlatesReview1600Tests {
    static let atlas = try! RenderTestAtlas.load()

    func pattern(_ id: String) throws -> Pattern { try #require(Self.atlas.pattern(id), "pattern \(id)") }

    func legend(_ ids: [String], views: [ViewID] = [.posterior]) throws -> [LegendEntry] {
        var request = ChartRequest(kind: .render, views: views)
        request.patterns = try ids.map { try pattern($0) }
        request.width = 900
        return try #require(try ChartBuilder.scene(request, atlas: Self.atlas).legend).entries
    }

    /// Fortin 1994: an area about 3 x 10 cm just below the PSIS, drawn in proportion on this
    /// pelvis, inside the "most patients" zone and clear of the sitting bone; Fortin & Falco
    /// 1997: the spot patients point to, within 1 cm below and inside the PSIS. Each has its
    /// own swatch and legend line (one line per swatch), naming it.
    @Test func sacroiliacHasFortinsAreaAndThePointingSpot() throws {
        let sij = try pattern("sacroiliac-joint")
        let body = try #require(Self.atlas.view(.posterior))
        let psis = try #require(body.sideFrameLandmarks["psis"]), tuberosity = try #require(body.sideFrameLandmarks["ischial-tuberosity"])
        let area = try #require(sij.marks.first { $0.shape == .area && $0.view == .posterior })
        let box = try #require(area.path.bounds)
        #expect(box.height / box.width >= 2.2 && box.height / box.width <= 4, "Fortin's area \(box.width) x \(box.height) mm")
        #expect(box.minY > psis.y && box.minY - psis.y <= 15, "it starts just below the PSIS: \(box.minY) vs \(psis.y)")
        #expect(box.maxY < tuberosity.y - 20, "it ends above the sitting bone's outline")
        let core = try #require(sij.zones.first { $0.view == .posterior && $0.kind == .essential })
        let outline = core.path.polylines()[0]
        for p in area.path.polylines()[0] { #expect(Polygon.contains(outline, p), "Fortin's area lies in the 'most patients' zone: \(p)") }
        let spot = try #require(sij.marks.first { $0.shape == .spot && $0.view == .posterior })
        let centre = try #require(spot.path.bounds).center
        #expect(centre.y > psis.y && centre.x < psis.x && hypot(centre.x - psis.x, centre.y - psis.y) <= 10,
                "the pointing spot is within 1 cm below and inside the PSIS: \(centre) vs \(psis)")
        let figure = try #require(Self.atlas.figure("why-leg-pain"))
        let figureLegend = try #require(try FigureBuilder.scene(figure, width: 800, atlas: Self.atlas).legend).entries
        for entries in [try legend(["sacroiliac-joint"]), figureLegend] {
            #expect(entries.filter { $0.symbol == .markArea }.count == 1 && entries.contains { $0.symbol == .markArea && $0.text.contains("Fortin's area") })
            #expect(entries.filter { $0.symbol == .markSpot }.count == 1 && entries.contains { $0.symbol == .markSpot && $0.text.contains("pointing spot") })
            #expect(entries.filter { $0.symbol == .markRing }.allSatisfy { !$0.text.contains("point") }, "the ring keeps one meaning")
        }
    }

    /// Addendum 6: the posterior thigh is "common" in piriformis / deep gluteal syndrome, the
    /// calf "some": the thigh has its own look (closer rings on a deeper tint) and legend line.
    @Test func entrapmentThighIsCommonInPictureAndLegend() throws {
        let symbols = try legend(["sciatic-entrapment"]).map(\.symbol)
        #expect(symbols.contains(.entrapmentCore) && symbols.contains(.entrapmentCommon) && symbols.contains(.entrapmentSome))
        #expect(symbols.firstIndex(of: .entrapmentCommon)! < symbols.firstIndex(of: .entrapmentSome)!, "tiers in order")
        for (name, style) in Self.atlas.styles {
            let common = EntrapmentLook(style, tier: .common), some = EntrapmentLook(style, tier: .some)
            #expect(common.spacing < some.spacing && common.tint.a > some.tint.a, "\(name)")
        }
        #expect(Phrasebook().text(.legendEntrapmentCommon).contains("commonly"))
    }

    /// Patterns of the low back (the disc, the facets, quadratus lumborum, the L5 root) are
    /// framed from the lower chest to the toes, not head to toes, so the pattern is large:
    /// the head and shoulders are outside the frame, the top of the pattern inside it.
    @Test(arguments: ["lumbar-disc", "lumbar-facet", "quadratus-lumborum", "radicular-l5"])
    func backPatternsAreFramedTrunkToToes(id: String) throws {
        let p = try pattern(id)
        for paper in Paper.allCases {
            var request = HandoutRequest(patterns: [p])
            request.paper = paper
            request.dpi = 100
            let page = try HandoutBuilder.pages(request, atlas: Self.atlas)[0]
            for panel in page.panels where panel.view.id != .plantar {
                let frameTop = (panel.frame.minY - panel.origin.y) / panel.scale
                #expect(frameTop >= HandoutFraming.highestTrunkTop, "\(id): \(panel.view.id.rawValue) frame starts at \(frameTop) mm, above the armpits")
                let tops = panel.patterns.flatMap { $0.zones.map(\.path) + $0.nerves.map(\.path) }.compactMap(\.bounds).map(\.minY)
                if let highest = tops.min() { #expect(frameTop < highest, "\(id): the pattern's top (\(highest) mm) is in the frame") }
                // Larger than the whole body would be drawn in the same height.
                #expect(panel.frame.height / panel.scale < 1500, "\(id): \(panel.frame.height / panel.scale) mm of body in the frame")
            }
        }
    }

    /// `render --all` frames a pattern below the waist from the waist to the toes, as its
    /// handout does: the sciatic nerve's variant was drawn small on a whole body.
    @Test func renderAllFramesPatternsBelowTheWaistLarge() throws {
        let jobs = try Exporter.allJobs(atlas: Self.atlas, directory: "/tmp/unused", width: 600, dpi: 96, style: Style.default)
        func region(_ id: String) throws -> BodyRegion {
            let job = try #require(jobs.first { $0.path.hasSuffix("patterns/\(id).png") })
            guard case .chart(let request) = job.content else { throw CancellationError() }
            return request.region
        }
        #expect(try region("sciatic-nerve-variant-b") == .lowerQuarter)
        #expect(try region("piriformis") == .lowerQuarter)
        #expect(try region("quadratus-lumborum") == .full)
        // The gallery's handout previews are pages to read: at 100 dpi or more, each wide enough to read, in one row scrolled sideways.
        let previews = jobs.filter { $0.path.contains("handouts/") && $0.path.hasSuffix(".png") }
        #expect(!previews.isEmpty)
        for job in previews {
            guard case .handout(let request) = job.content else { Issue.record("\(job.path)"); continue }
            #expect(request.dpi >= 100, "\(job.path) at \(request.dpi) dpi")
        }
        let html = Gallery.html(atlas: Self.atlas, paths: ["handouts/piriformis.pdf", "handouts/piriformis.png", "patterns/piriformis.png"])
        #expect(html.contains("<div class=\"grid pages\"") && html.contains(".pages figure{flex:0 0 min(100%,\(Gallery.pagePreviewWidth)px)"))
        // Read in place: the smallest body text (3.1 mm of a 210 mm page) is at least 13 px
        // at the width shown, and the preview is not enlarged past its pixels.
        #expect(3.1 / 210 * Double(Gallery.pagePreviewWidth) >= 13, "body text \(3.1 / 210 * Double(Gallery.pagePreviewWidth)) px")
        #expect(210 / 25.4 * Gallery.previewDPI >= Double(Gallery.pagePreviewWidth), "the preview has a pixel for every CSS pixel")
        #expect(html.contains("<a href=\"handouts/piriformis.png\"><img src=\"handouts/piriformis.png\""), "the preview opens full size")
    }

    /// The soles of the back-and-front chart say whose sole each is ("Your right sole" over
    /// the sole drawn on the viewer's left, as in the front view), in their own words, lower
    /// than the bodies' "Your right" and "Your left", which stand above the inset's title.
    @Test func solesSayWhoseSoleEachIs() throws {
        var request = ChartRequest(kind: .template, views: ChartSheet.backFront)
        request.width = 2100
        let scene = try ChartBuilder.scene(request, atlas: Self.atlas)
        let soles = try #require(scene.panels.first { $0.view.id == .plantar })
        let title = try #require(scene.texts.first { $0.text == "Soles (seen from below)" })
        for side in Side.allCases {
            let words = scene.texts.filter { soles.frame.minX <= $0.at.x && $0.at.x <= soles.frame.maxX && $0.at.y > title.at.y }
            let name = side == .right ? "Your right" : "Your left"
            let word = try #require(words.first { $0.text == name }, "\(name) over the soles")
            #expect(words.contains { $0.text == "sole" && abs($0.at.x - word.at.x) < 1 }, "\(name) sole")
            // Over its own sole: the right sole lies on the viewer's left.
            let foot = try #require(HandoutFraming.footCentre(of: soles.view, side: side))
            #expect(abs(soles.toPixels(Point(foot, 0)).x - word.at.x) < soles.frame.width * 0.15, "\(name) stands over that sole")
            #expect((word.at.x < soles.frame.center.x) == (side == .right))
        }
        // The bodies' side words stand above the inset's title, not level with the soles' words.
        let grey = Color(hex: "#666666")!
        let bodyWords = scene.texts.filter { $0.color == grey && ($0.text == "right" || $0.text == "left") }
        #expect(bodyWords.count == 4 && bodyWords.allSatisfy { $0.at.y < title.at.y }, "\(bodyWords.map(\.at))")
    }

    /// The "about half" stipple lies between solid and "some" without reading as solid: in
    /// every style its dots cover well under half its area.
    @Test func aboutHalfStippleIsLight() throws {
        for (name, style) in Self.atlas.styles {
            let half = StippleLook(style, tier: .aboutHalf), some = StippleLook(style, tier: .some)
            let cover = Double.pi * half.radius * half.radius / (half.spacing * half.spacing)
            #expect(cover <= 0.3, "\(name): dots cover \(cover) of the area")
            let mean = { (look: StippleLook, cover: Double) in look.tint.lightness * (1 - cover) + look.dot.lightness * cover }
            let someCover = Double.pi * some.radius * some.radius / (some.spacing * some.spacing)
            let halfTone = mean(half, cover), someTone = mean(some, someCover)
            #expect(style.essential.lightness + 0.15 < halfTone && halfTone < someTone, "\(name): solid \(style.essential.lightness), half \(halfTone), some \(someTone)")
        }
    }

    /// The figure's source line reads at 800 px: its letters, not only its size, 14 px.
    @Test func figureSourceLineIsLargeEnough() throws {
        let scene = try FigureBuilder.scene(try #require(Self.atlas.figure("why-leg-pain")), width: 800, atlas: Self.atlas)
        let sizes = try TextSizes.laidOut(scene)
        let source = try #require(sizes.first { $0.text.hasPrefix("Sources:") })
        #expect(source.size >= 15, "the source line is \(source.size) px")
        #expect(sizes.allSatisfy { $0.size >= 14 }, "\(sizes.filter { $0.size < 14 })")
    }
}
