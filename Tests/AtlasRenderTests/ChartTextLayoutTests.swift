import AtlasModel
import AtlasRender
import Testing

/// The title, subtitle and footer of a rendered chart, measured as Pango lays them out.
@Suite("Chart text layout")
struct ChartTextLayoutTests {
    static let atlas = try! RenderTestAtlas.load()
    static let sets: [[String]] = [["gluteus-medius"], ["gluteus-medius", "gluteus-minimus-posterior", "piriformis"],
                                   ["gluteus-minimus-posterior", "gluteus-minimus-anterior", "tensor-fasciae-latae", "piriformis"]]

    @Test(arguments: [[ViewID.posterior], [.posterior, .anterior]], [400, 1200])
    func titleSubtitleAndFooterStayOnThePage(views: [ViewID], width: Int) throws {
        let measure = try TextMeasurer(fontFamily: Style.default.fontFamily)
        for ids in Self.sets {
            var request = ChartRequest(kind: .render, views: views)
            request.patterns = ids.compactMap { Self.atlas.pattern($0) }
            request.width = width
            let scene = try ChartBuilder.scene(request, atlas: Self.atlas)
            let layout = ChartLayout(views: views, width: width)
            let title = measure.box(of: scene.texts[0]), subtitle = measure.box(of: scene.texts[1])
            let footer = measure.box(of: try #require(scene.texts.last))
            let name = "\(ids.joined(separator: " + ")) at \(width) px"
            #expect(scene.texts[0].text == request.patterns.map { Phrasebook().name(of: $0) }.joined(separator: " + "))
            #expect(title.minX >= 0 && title.maxX <= Double(scene.width) - layout.margin + 1, "title inside the right margin: \(name)")
            #expect(title.maxY <= subtitle.minY, "title clear of the subtitle: \(name)")
            let bodiesTop = try #require(scene.panels.first).frame.minY
            #expect(subtitle.maxY <= bodiesTop, "subtitle above the bodies: \(name)")
            #expect(footer.maxY <= Double(scene.height) - layout.margin * 0.9, "a margin below the footer: \(name)")
            #expect(scene.texts[0].size >= layout.unit * 0.75, "title readable: \(name)")
        }
    }
}
