import AtlasModel
import AtlasRender
import Testing

/// The user's `--dpi` limit guards what a user types; scenes the library lays out itself
/// may need other resolutions and must still draw.
@Suite("Resolution checks")
struct ResolutionCheckTests {
    @Test func smallTemplateAtItsOwnResolutionDraws() throws {
        // A blank chart 200 px wide is at about 24 dpi (true scale): below --dpi's 30.
        var request = ChartRequest(kind: .template, views: [.posterior])
        request.width = 200
        let scene = try ChartBuilder.scene(request, atlas: try RenderTestAtlas.load())
        #expect(scene.dpi < Limits.dpi.range.lowerBound)
        let image = try SceneRenderer.rasterize(scene)
        #expect(image.width == 200)
    }

    @Test func userDPIOutsideTheLimitIsStillRefused() throws {
        var request = ChartRequest(kind: .render, views: [.posterior])
        request.dpi = 24
        #expect(throws: RenderError.self) { try ChartBuilder.scene(request, atlas: try RenderTestAtlas.load()) }
    }

    @Test(arguments: [Double.nan, -5, 0, .infinity, 1e12])
    func impossibleSceneResolutionIsRefused(dpi: Double) throws {
        var request = ChartRequest(kind: .render, views: [.posterior])
        request.width = 300
        var scene = try ChartBuilder.scene(request, atlas: try RenderTestAtlas.load())
        scene.dpi = dpi
        #expect(throws: RenderError.self) { try SceneRenderer.rasterize(scene) }
    }
}
