import AtlasModel
@testable import AtlasRender
import Testing

/// Plates round 2: the folded forearms at a close frame's top, and the sitting bone in the
/// gluteus maximus TrP2 picture.
@Suite("Plates round 2")
struct PlatesRound2Tests {
    static let atlas = try! RenderTestAtlas.load()

    /// A close handout frame's top cut the side view's folded forearms: only a rounded stub of
    /// the elbow showed at the panel's corner (quadratus lumborum). The top now lies above the
    /// forearms' outline where it stands out of the trunk, and the panel is wide enough to hold it.
    @Test(arguments: ["quadratus-lumborum", "lumbar-disc", "lumbar-facet", "radicular-l5", "iliopsoas"])
    func foldedForearmsAreWholeOrOutOfFrame(id: String) throws {
        let pattern = try #require(Self.atlas.pattern(id))
        let page = try HandoutBuilder.pages(HandoutRequest(patterns: [pattern]), atlas: Self.atlas)[0]
        for panel in page.panels where !panel.inset && panel.view.id != .plantar {
            let top = (panel.frame.minY - panel.origin.y) / panel.scale
            let bottom = (panel.frame.maxY - panel.origin.y) / panel.scale
            guard let arm = HandoutFraming.foldedForearms(of: panel.view, top: top, bottom: bottom) else { continue }
            #expect(arm.minY > top, "\(id): \(panel.view.id.rawValue) frame top \(top) mm cuts the forearms (top \(arm.minY) mm)")
            let left = (panel.frame.minX - panel.origin.x) / panel.scale, right = (panel.frame.maxX - panel.origin.x) / panel.scale
            #expect(arm.minX >= min(left, right) && arm.maxX <= max(left, right), "\(id): the forearms stand out of the panel's side")
        }
    }

    /// Gluteus maximus TrP2 is named by the sitting bone, which the muscle covers: its framed
    /// picture draws the bone's dashed outline, and the X lies above it.
    @Test func sittingBoneInTheTrP2Picture() throws {
        let pattern = try #require(Self.atlas.pattern("gluteus-maximus-trp2"))
        let scene = try MusclePanelTests.render(pattern)
        let inset = try #require(MusclePanelTests.insets(scene, of: pattern.id).first)
        let placed = try #require(inset.patterns.first)
        let bone = try #require(placed.marks.first { $0.shape == .outline }, "no sitting bone in the picture")
        let box = try #require(bone.path.bounds)
        #expect(inset.frame.contains(inset.toPixels(box.center)), "the sitting bone lies inside the frame")
        let x = try #require(placed.triggerPoints.first)
        #expect(x.point.y < box.minY, "the X lies above the sitting bone")
        #expect(placed.zones.isEmpty, "the picture still draws no zone")
        // Not over the zones: there a dashed outline means an area left blank on purpose.
        for panel in scene.panels where !panel.inset {
            #expect(panel.patterns.allSatisfy { $0.marks.isEmpty }, "\(panel.view.id.rawValue): the sitting bone drawn over the zone")
        }
    }
}
