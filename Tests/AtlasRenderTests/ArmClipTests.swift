import AtlasModel
@testable import AtlasRender
import Testing

/// A waist-to-toe back or front panel stops at the inner edge of the hanging arm's area:
/// the forearm's inner edge had shown as a stray tick in the top corners of why-leg-pain's
/// back views. The trunk and legs lie inside that edge, so nothing of the body is lost.
@Suite("Arm clipping")
struct ArmClipTests {
    static let atlas = try! RenderTestAtlas.load()

    @Test(arguments: ["why-leg-pain", "gluteal-referral-patterns", "referred-vs-radicular"])
    func noArmInAWaistToToePanel(id: String) throws {
        let scene = try FigureBuilder.scene(try #require(Self.atlas.figure(id)), width: 800, atlas: Self.atlas)
        var checked = 0
        for panel in scene.panels where panel.view.id == .posterior || panel.view.id == .anterior {
            let clip = SceneDrawer.clipFrame(panel)
            for arm in panel.view.arms {
                let box = try #require(SceneDrawer.pixelBox(arm, panel.toPixels))
                #expect(box.minX >= clip.maxX - 1e-9 || box.maxX <= clip.minX + 1e-9, "\(id): an arm lies inside the clip \(clip)")
            }
            // The hips and legs stay inside the clip.
            let outline = panel.view.outline.polylines(segmentsPerCurve: 8).flatMap { $0 }.filter { $0.y > 760 && abs($0.x) < 175 }
            #expect(outline.allSatisfy { clip.minX <= panel.toPixels($0).x && panel.toPixels($0).x <= clip.maxX }, "\(id): the body is cut")
            checked += 1
        }
        #expect(checked > 0)
    }
}
