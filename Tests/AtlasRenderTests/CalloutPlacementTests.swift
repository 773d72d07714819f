import AtlasModel
import AtlasRender
import Testing

/// Figure labels sit on the side of the panel nearest their point: no leader runs across
/// the body's midline to reach the other side.
@Suite("Callout placement")
struct CalloutPlacementTests {
    static let atlas = try! RenderTestAtlas.load()

    @Test(arguments: ["piriformis-and-sciatic-nerve", "gluteal-referral-patterns", "referred-vs-radicular", "why-leg-pain"])
    func noLeaderRunsAcrossTheBody(id: String) throws {
        let figure = try #require(Self.atlas.figure(id))
        let scene = try FigureBuilder.scene(figure, atlas: Self.atlas)
        for leader in scene.leaders {
            let panel = try #require(scene.panels.first { $0.frame.contains(leader.to) })
            let midline = panel.toPixels(Point(0, 0)).x
            // A point near the midline (the spine, the sacrum) may be reached from either side.
            guard abs(leader.to.x - midline) > 20 * panel.scale else { continue }
            #expect((leader.from.x < midline) == (leader.to.x < midline),
                    "\(id): a leader from x \(Int(leader.from.x)) crosses the midline (x \(Int(midline))) to reach x \(Int(leader.to.x))")
        }
    }
}
