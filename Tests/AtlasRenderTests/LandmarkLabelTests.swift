import AtlasModel
@testable import AtlasRender
import Testing

/// `render --landmarks`: every landmark's name is drawn, no two names overlap, and no name
/// covers another landmark's dot, in every view at the sizes `render --all` uses.
@Suite("Landmark labels")
struct LandmarkLabelTests {
    @Test(arguments: ViewID.allCases, [1200, 800])
    func labelsDoNotOverlap(view: ViewID, width: Int) throws {
        let atlas = try RenderTestAtlas.load()
        var request = ChartRequest(kind: .render, views: [view])
        request.width = width
        request.landmarks = true
        let panel = try #require(try ChartBuilder.scene(request, atlas: atlas).panels.first)
        let measure = try TextMeasurer(fontFamily: Style.default.fontFamily)
        let size = LandmarkLabels.textSize(panel)
        let labels = LandmarkLabels.layout(panel) { measure.size($0, size: size) }
        #expect(labels.count == panel.view.landmarks.count, "every landmark is named")
        for (i, a) in labels.enumerated() {
            for b in labels[(i + 1)...] where a.box.intersects(b.box) {
                Issue.record("\(view.rawValue) at \(width) px: '\(a.name)' overlaps '\(b.name)'")
            }
            let r = LandmarkLabels.dotRadius(panel)
            for other in labels where other.point != a.point {
                let dot = Rect(minX: other.point.x - r, minY: other.point.y - r, maxX: other.point.x + r, maxY: other.point.y + r)
                if a.box.intersects(dot) { Issue.record("\(view.rawValue) at \(width) px: '\(a.name)' covers the dot of '\(other.name)'") }
            }
            #expect(a.box.minX >= panel.frame.minX && a.box.maxX <= panel.frame.maxX, "'\(a.name)' stays in its panel")
        }
    }
}
