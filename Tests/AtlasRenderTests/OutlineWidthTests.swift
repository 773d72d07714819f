import AtlasModel
@testable import AtlasRender
import Testing

/// The body outline never thins to a hairline in a render or a figure read small: at least
/// 1.6 px for every 800 px of width (a ten-panel figure shown 800 px wide drew it under a
/// pixel). Blank templates keep the style's own light outline.
@Suite("Outline width")
struct OutlineWidthTests {
    static let atlas = try! RenderTestAtlas.load()

    @Test(arguments: [800, 1200])
    func figures(width: Int) throws {
        for figure in Self.atlas.figures {
            let scene = try FigureBuilder.scene(figure, width: width, atlas: Self.atlas)
            for panel in scene.panels {
                #expect(SceneDrawer.outlineWidth(scene, panel: panel) >= 1.6 * Double(width) / 800 - 1e-9, "\(figure.id) at \(width)")
            }
        }
    }

    @Test func renders() throws {
        for width in [400, 800, 1600] {
            var request = ChartRequest(kind: .render, views: ViewID.allCases)
            request.patterns = [try #require(Self.atlas.pattern("gluteus-medius"))]
            request.width = width
            let scene = try ChartBuilder.scene(request, atlas: Self.atlas)
            for panel in scene.panels {
                #expect(SceneDrawer.outlineWidth(scene, panel: panel) >= 1.6 * Double(width) / 800 - 1e-9, "render at \(width)")
            }
        }
    }

    @Test func templatesKeepTheStyleOutline() throws {
        var request = ChartRequest(kind: .template, views: ViewID.allCases)
        request.width = 800
        let scene = try ChartBuilder.scene(request, atlas: Self.atlas)
        #expect(scene.outlineFloor == 0)
    }
}
