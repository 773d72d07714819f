import AtlasModel
@testable import AtlasRender
import Testing

/// The lower-quarter framing shows waist to toes, large, and never piles X marks on each
/// other.
@Suite("Framing")
struct FramingTests {
    static let atlas = try! RenderTestAtlas.load()

    func scene(_ patterns: [Pattern], views: [ViewID], region: BodyRegion, width: Int = 1200) throws -> Scene {
        var request = ChartRequest(kind: .render, views: views)
        request.patterns = patterns
        request.sides = [.right, .left]
        request.width = width
        request.region = region
        return try ChartBuilder.scene(request, atlas: Self.atlas)
    }

    /// No two trigger-point X marks of a pattern (composites too) overlap, in any view, whole
    /// or lower quarter, at a blog width and at a small one.
    @Test(arguments: [BodyRegion.full, .lowerQuarter])
    func crossesNeverOverlap(region: BodyRegion) throws {
        for pattern in Self.atlas.patterns where !pattern.triggerPoints.isEmpty {
            for view in ViewID.withSoles {
                for width in [400, 1200] {
                    let built = try scene([pattern], views: [view], region: region, width: width)
                    let panel = try #require(built.panels.first)
                    let marks = SceneDrawer.crossMarks(panel, style: built.style, look: SceneDrawer.crossLook(built))
                    for problem in CrossLayoutTests.overlaps(marks) {
                        Issue.record("\(pattern.id), \(view.rawValue) view (\(region.rawValue), \(width) px): \(problem)")
                    }
                }
            }
        }
    }

    /// Waist to toes fills the panel: the body is more than half again as large as in the
    /// full framing, the feet are inside the panel and the arms are left out.
    @Test func lowerQuarterIsLargeAndWhole() throws {
        let full = try scene([], views: [.posterior], region: .full)
        let quarter = try scene([], views: [.posterior], region: .lowerQuarter)
        let panel = try #require(quarter.panels.first)
        #expect(panel.scale > 1.5 * (try #require(full.panels.first)).scale)
        #expect(panel.clip)
        let view = panel.view
        let sole = panel.toPixels(try #require(view.landmark("sole", side: .right)).point)
        let crest = panel.toPixels(try #require(view.landmark("iliac-crest", side: .right)).point)
        #expect(panel.frame.contains(sole) && panel.frame.contains(crest))
        let fingertip = panel.toPixels(try #require(Self.atlas.view(.anterior)?.landmark("fingertip", side: .right)).point)
        #expect(!panel.frame.contains(fingertip), "the hands are left out")
        // The raised arm of the side view stays above the frame.
        let side = try scene([], views: [.lateralRight], region: .lowerQuarter)
        let sidePanel = try #require(side.panels.first)
        let elbow = sidePanel.toPixels(try #require(sidePanel.view.landmark("olecranon")).point)
        #expect(elbow.y + 10 * sidePanel.scale < sidePanel.frame.minY, "the elbow is above the lower-quarter frame")
    }

    /// The lower quarter of gluteus medius and the anterior part of gluteus minimus on
    /// the side view, as a reference picture.
    @Test func lowerQuarterReference() throws {
        var request = ChartRequest(kind: .render, views: [.lateralRight])
        request.patterns = ["gluteus-medius", "gluteus-minimus-anterior"].compactMap { Self.atlas.pattern($0) }
        request.width = 360
        request.bare = true
        request.region = .lowerQuarter
        let image = try SceneRenderer.rasterize(try ChartBuilder.scene(request, atlas: Self.atlas))
        try ImageComparison.check(image, named: "lower-quarter-gluteus-lateral-right")
    }
}
