import AtlasModel
@testable import AtlasRender
import Testing

/// Review 2110 item 13: the quadratus lumborum and medial hamstrings handouts left about a
/// fifth of the page blank between the disclaimer and the sources, and the quadratus
/// lumborum side view started lower than its back and front views.
@Suite("Handouts fill their page")
struct HandoutFillTests {
    static let atlas = try! RenderTestAtlas.load()
    static let reviewed = ["quadratus-lumborum", "hamstrings-medial", "piriformis", "gluteus-medius"]

    static func handout(_ id: String, paper: Paper = .a4) throws -> Scene {
        var request = HandoutRequest(patterns: [try #require(atlas.pattern(id))])
        request.paper = paper
        request.dpi = 100
        return try HandoutBuilder.scene(request, atlas: atlas)
    }

    /// The blank band between the disclaimer's box and the sources is under a tenth of the page.
    @Test(arguments: reviewed)
    func noBlankBandAboveTheSources(_ id: String) throws {
        let scene = try Self.handout(id)
        let aid = try #require(scene.boxes.first { $0.frame.width > Double(scene.width) * 0.7 }?.frame)
        let sources = try #require(scene.texts.first { $0.text.contains("Drawn by") })
        let blank = (sources.at.y - aid.maxY) / Double(scene.height)
        #expect(blank < 0.1, "\(id): \(Int(blank * 100))% of the page blank above the sources")
    }

    /// Every view of a handout at one scale and one framing: the same scale, and each picture
    /// starts at the same height (no view clipped lower under its arm).
    @Test(arguments: reviewed)
    func viewsShareScaleAndFraming(_ id: String) throws {
        let scene = try Self.handout(id)
        let panels = scene.panels.filter { !$0.inset }
        #expect(panels.count >= 1)
        for panel in panels {
            #expect(abs(panel.scale - panels[0].scale) < 1e-9, "\(id): \(panel.view.id) at another scale")
            #expect(abs(SceneDrawer.clipFrame(panel).minY - SceneDrawer.clipFrame(panels[0]).minY) < 0.5,
                    "\(id): \(panel.view.id) starts lower than \(panels[0].view.id)")
            #expect(abs(panel.frame.maxY - panels[0].frame.maxY) < 0.5)
        }
    }

    /// The body in a handout picture stays at least 12 cm tall on the page.
    @Test(arguments: reviewed)
    func bodyAtLeastTwelveCentimetres(_ id: String) throws {
        let scene = try Self.handout(id)
        let mm = 100 / 25.4
        for panel in scene.panels where !panel.inset && panel.view.id != .plantar {
            let body = panel.view.bounds
            let top = max(body.minY, (panel.frame.minY - panel.origin.y) / panel.scale)
            let bottom = min(body.maxY, (panel.frame.maxY - panel.origin.y) / panel.scale)
            #expect((bottom - top) * panel.scale / mm >= 119.5, "\(id): \(panel.view.id) body \((bottom - top) * panel.scale / mm) mm")
        }
    }

    /// Quadratus lumborum's one note over its front and side views says plainly where its
    /// trigger points are and that these views cannot show them.
    @Test func quadratusLumborumNoteSaysWhereTheMarksAre() throws {
        let scene = try Self.handout("quadratus-lumborum")
        let note = try #require(scene.texts.first { $0.text.hasPrefix("✕") })
        #expect(note.text == "✕ 4 trigger points: shown in the back view only, not visible in the front and side views")
    }

    /// The navel is skin over the L4 body: where the skeleton is drawn it is left out, not
    /// drawn over the bone (review 2110).
    @Test func navelLiesOnABoneInTheFrontSkeleton() throws {
        let pattern = try #require(Self.atlas.pattern("iliopsoas"))
        let view = try #require(Self.atlas.view(.anterior))
        let navel = try #require(view.contours.first { $0.id == "navel" })
        let placed = try #require(pattern.placed(in: .anterior, side: .right))
        let bones = try #require(Self.atlas.anatomy.placed(in: .anterior, patterns: [placed])?.bones)
        #expect(SceneDrawer.liesOnBone(navel.path, bones))
        // A skin line that crosses bone and skin alike (the groin crease) stays.
        let groin = try #require(view.contours.first { $0.id.hasPrefix("inguinal-fold") })
        #expect(!SceneDrawer.liesOnBone(groin.path, bones))
    }

    /// Review rev5 (c): the gluteus medius TrP1 handout left about 18% of the page blank
    /// between its muscle picture and the legend at the column's foot; set in the middle of
    /// that room, it still left two bands of about a tenth of the page each, and a fifth of
    /// its column beside it. The picture now takes the column's width and runs on down, so
    /// the blank above and below it is a gap, not a band, on A4 and on letter.
    @Test(arguments: [Paper.a4, .letter])
    func musclePictureFillsItsHole(_ paper: Paper) throws {
        let scene = try Self.handout("gluteus-medius-trp1", paper: paper)
        let inset = try #require(scene.panels.first { $0.inset })
        let legend = try #require(scene.legend)
        let box = try #require(scene.boxes.first { $0.frame.minX <= inset.frame.minX && $0.frame.maxX >= inset.frame.maxX
            && $0.frame.minY <= inset.frame.minY && $0.frame.maxY >= inset.frame.maxY }).frame
        let measure = try TextMeasurer(fontFamily: scene.style.fontFamily)
        let boxes = scene.texts.map { measure.box(of: $0) }
        // The column: from its heading's left edge to the right margin, the legend's right edge.
        let heading = try #require(scene.texts.first { $0.text == "About this pattern" })
        let column = legend.frame.maxX - heading.at.x
        #expect(box.width >= 0.95 * column, "the picture takes \(Int(box.width)) of its column's \(Int(column)) px")
        let above = try #require(boxes.filter { $0.maxY <= box.minY && $0.maxX > box.minX }.map(\.maxY).max())
        let caption = try #require(boxes.filter { $0.minY >= box.maxY && $0.maxY < legend.frame.minY }.map(\.maxY).max())
        #expect(legend.frame.minY > caption, "the legend is no longer under the picture")
        for (gap, name) in [(box.minY - above, "above"), (legend.frame.minY - caption, "below")] {
            #expect(gap / Double(scene.height) < 0.05, "\(Int(gap / Double(scene.height) * 100))% of the page blank \(name) the muscle picture")
        }
    }
}
