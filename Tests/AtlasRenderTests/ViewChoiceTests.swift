import Foundation
import AtlasModel
import AtlasRender
import Testing

/// `render --view X` names one view: it is drawn whatever the (default) side, and a pattern
/// that does not show there gets a message naming the view and the fix.
extension CommandLineTests {
    @Test(arguments: ViewID.withSoles)
    func blankRenderOfEveryViewIsTheBodyWithItsName(_ view: ViewID) throws {
        let folder = try scratch()
        let png = folder.appendingPathComponent("blank.png").path
        let result = try run(["render", "--view", view.rawValue, "--width", "400", "-o", png])
        #expect(result.status == 0, "\(result.error)")
        let written = try PNGCodec.decode(Array(try #require(FileManager.default.contents(atPath: png))))

        // The library's blank chart of that view: its subtitle is the view's human name.
        let atlas = try RenderTestAtlas.load()
        var request = ChartRequest(kind: .render, views: [view])
        request.width = 400
        let scene = try ChartBuilder.scene(request, atlas: atlas)
        let label = try #require(atlas.view(view)?.label)
        #expect(scene.panels.map(\.view.id) == [view])
        #expect(scene.texts.contains { $0.text == "\(label) view" }, "\(scene.texts.map(\.text))")
        #expect(written == (try SceneRenderer.rasterize(scene)), "the command wrote the \(view.rawValue) blank chart")

        // And it is not empty: the body's outline darkens the panel.
        let frame = scene.panels[0].frame
        var dark = 0
        for y in stride(from: Int(frame.minY), to: min(Int(frame.maxY), written.height), by: 2) {
            for x in stride(from: Int(frame.minX), to: min(Int(frame.maxX), written.width), by: 2) where written[x, y].r < 128 {
                dark += 1
            }
        }
        #expect(dark > 100, "\(view.rawValue): \(dark) dark pixels in the panel")
    }

    @Test func aLateralViewWithoutItsSideNamesTheViewAndTheFix() throws {
        let folder = try scratch()
        let result = try run(["render", "gluteus-medius-trp1", "--view", "lateral-left", "-o", folder.appendingPathComponent("x.png").path])
        #expect(result.status == 2, "\(result.error)")
        #expect(result.error.contains("nothing of gluteus-medius-trp1 shows in the left side view for the right side; add --side left"),
                "\(result.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let left = try run(["render", "gluteus-medius-trp1", "--view", "lateral-left", "--side", "left", "--width", "400",
                            "-o", folder.appendingPathComponent("y.png").path])
        #expect(left.status == 0, "\(left.error)")
    }

    @Test func aPatternAbsentFromTheViewNamesTheViewsItShowsIn() throws {
        let result = try run(["render", "tensor-fasciae-latae", "--view", "posterior", "-o", try scratch().appendingPathComponent("x.png").path])
        #expect(result.status == 2)
        #expect(result.error.contains("nothing of tensor-fasciae-latae shows in the back view for the right side; it shows in --view"),
                "\(result.error)")
    }
}

@Suite("Chart requests")
struct ChartRequestTests {
    @Test func aChartWithoutViewsIsRefused() throws {
        let atlas = try RenderTestAtlas.load()
        #expect(throws: RenderError.self) { _ = try ChartBuilder.scene(ChartRequest(kind: .render, views: []), atlas: atlas) }
        #expect(throws: RenderError.self) { _ = try ChartBuilder.scene(ChartRequest(kind: .template, views: []), atlas: atlas) }
    }
}
