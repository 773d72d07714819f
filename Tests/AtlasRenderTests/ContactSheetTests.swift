import AtlasModel
@testable import AtlasRender
import Testing

/// The contact sheet shows each pattern as its own render in `render --all` does: the same
/// views, and in each view the same trigger points (an X the pattern's picture does not draw
/// never appears on its thumbnail, nor is one left out).
@Suite("Contact sheet")
struct ContactSheetTests {
    static let atlas = try! RenderTestAtlas.load()

    @Test func everyPatternShowsTheViewsAndMarksOfItsOwnRender() throws {
        let sheet = try ContactSheet.scene(atlas: Self.atlas, patterns: Self.atlas.patterns, width: 1800)
        for pattern in Self.atlas.patterns {
            let views = pattern.bodyViews(side: .right)
            guard !views.isEmpty else { continue }
            var request = ChartRequest(kind: .render, views: views)
            request.patterns = [pattern]
            let own = try ChartBuilder.scene(request, atlas: Self.atlas)
            let thumbs = sheet.panels.filter { $0.label == pattern.name }
            // The render's muscle pictures (MuscleInsets) are not views: the sheet shows the views.
            let ownViews = own.panels.filter { !$0.inset }
            #expect(thumbs.map(\.view.id) == ownViews.map(\.view.id), "\(pattern.id): \(thumbs.map(\.view.id)) vs \(ownViews.map(\.view.id))")
            for (thumb, panel) in zip(thumbs, ownViews) {
                let marks = thumb.patterns.flatMap(\.triggerPoints).map(\.point)
                #expect(marks == panel.patterns.flatMap(\.triggerPoints).map(\.point), "\(pattern.id) in the \(thumb.view.id.rawValue) view")
            }
        }
    }

    /// Neighbouring bodies on one row never touch: with 560 mm slots a back view's hanging
    /// arm crossed its front neighbour's and the hands merged (review rev4 B).
    @Test func neighbouringBodiesLeaveAGap() throws {
        let sheet = try ContactSheet.scene(atlas: Self.atlas, patterns: Self.atlas.patterns, width: 1800)
        func span(_ panel: ScenePanel) -> (Double, Double) {
            let b = panel.view.bounds
            return (panel.origin.x + b.minX * panel.scale, panel.origin.x + b.maxX * panel.scale)
        }
        var pairs = 0
        for (left, right) in zip(sheet.panels, sheet.panels.dropFirst()) where left.frame.minY == right.frame.minY {
            pairs += 1
            #expect(span(left).1 + 2 < span(right).0,
                    "\(left.label ?? "") \(left.view.id.rawValue) runs into \(right.label ?? "") \(right.view.id.rawValue)")
        }
        #expect(pairs > 10)
    }

    /// Review rev5: on the contact sheet gluteus maximus TrP3's small zone at the tailbone
    /// lay under its X; an X open at its centre showed it but read as four ticks. A
    /// thumbnail's X is the solid X drawn fine: its arms run unbroken through the centre, and
    /// a third of the zone within its box still shows between them (measured against the same
    /// sheet without the mark), more than twice what the usual weight, on its wide halo, leaves.
    @Test func smallZoneShowsAroundASolidX() throws {
        let pattern = try #require(Self.atlas.pattern("gluteus-maximus-trp3"))
        let sheet = try ContactSheet.scene(atlas: Self.atlas, patterns: [pattern], width: 1800)
        let index = try #require(sheet.panels.firstIndex { $0.view.id == .posterior })
        let panel = sheet.panels[index]
        #expect(panel.fineCrosses)
        let marks = SceneDrawer.crossMarks(panel, style: sheet.style, look: SceneDrawer.crossLook(sheet))
        let mark = try #require(marks.marks.first)
        var bare = sheet, usual = sheet
        bare.panels[index].patterns = panel.patterns.map { var p = $0; p.triggerPoints = []; return p }
        usual.panels[index].fineCrosses = false
        let (image, control, heavy) = (try SceneRenderer.rasterize(sheet), try SceneRenderer.rasterize(bare), try SceneRenderer.rasterize(usual))
        func red(_ pixel: (r: UInt8, g: UInt8, b: UInt8)) -> Bool { Int(pixel.r) - Int(pixel.g) > 40 }
        func dark(_ pixel: (r: UInt8, g: UInt8, b: UInt8)) -> Bool { Int(pixel.r) + Int(pixel.g) + Int(pixel.b) < 3 * 110 }
        // Solid: dark all along both diagonals, the centre included (the darkest pixel round
        // each point: a 1.5 px arm falls between pixels).
        let h = marks.size / 2
        for step in stride(from: -0.8, through: 0.8, by: 0.2) {
            for (dx, dy) in [(1.0, 1.0), (1, -1)] {
                let (x, y) = (Int((mark.at.x + dx * step * h).rounded()), Int((mark.at.y + dy * step * h).rounded()))
                let near = (-1...1).flatMap { i in (-1...1).map { j in image[x + i, y + j] } }
                #expect(near.contains { dark(($0.r, $0.g, $0.b)) }, "the X's arm at \(step) of its half-size is \(near)")
            }
        }
        // The zone within the X's box: its share still shown, drawn fine and at the usual weight.
        var zone = 0, shown = 0, shownUsual = 0
        for y in Int(mark.at.y - h)...Int(mark.at.y + h) {
            for x in Int(mark.at.x - h)...Int(mark.at.x + h) {
                let c = control[x, y]
                guard red((c.r, c.g, c.b)) else { continue }
                zone += 1
                let (p, q) = (image[x, y], heavy[x, y])
                if red((p.r, p.g, p.b)) { shown += 1 }
                if red((q.r, q.g, q.b)) { shownUsual += 1 }
            }
        }
        #expect(zone > 20, "the zone under the X is \(zone) px")
        #expect(3 * shown >= zone, "\(shown) of the zone's \(zone) px show round the X")
        #expect(shown >= 2 * shownUsual, "the usual X shows \(shownUsual) px, the fine one \(shown)")
    }

    /// The sheet has a key, above every body, and its X is the thumbnails' X: the same size
    /// and fine stroke (the look every panel's marks are laid out and drawn with), and as
    /// much ink (the usual weight has about twice as much).
    @Test func keyShowsTheThumbnailsX() throws {
        let sheet = try ContactSheet.scene(atlas: Self.atlas, patterns: Self.atlas.patterns, width: 1800)
        let key = try #require(sheet.legend)
        #expect(sheet.panels.allSatisfy { $0.fineCrosses })
        #expect(key.frame.maxY < sheet.panels.map(\.frame.minY).min()!, "the key runs into the first row")
        let look = try #require(SceneDrawer.crossLook(sheet))
        let usual = look.size * sheet.style.triggerPointWidth / sheet.style.triggerPointSize
        #expect(abs(look.width - usual * SceneDrawer.fineWeight) < 1e-9, "the key's X is \(look.width) px wide, the usual \(usual)")
        let image = try SceneRenderer.rasterize(sheet)
        func dark(_ x: Int, _ y: Int) -> Bool { let p = image[x, y]; return Int(p.r) + Int(p.g) + Int(p.b) < 3 * 100 }
        // The key's X: the dark pixels left of its "Trigger point" line, in the swatch's room.
        let cr = try CairoContext(try CairoSurface.image(width: 1, height: 1))
        let drawer = LegendDrawer(cr: cr, style: sheet.style, text: TextRenderer(context: cr, family: sheet.style.fontFamily))
        let line = try #require(drawer.texts(key).first { $0.text == "Trigger point" })
        var keyInk = 0
        for y in Int(line.at.y - 0.2 * line.size)...Int(line.at.y + 1.3 * line.size) {
            for x in Int(line.at.x - 2.8 * line.size)..<Int(line.at.x - 0.3 * line.size) where dark(x, y) { keyInk += 1 }
        }
        // A thumbnail's X on its zone (gluteus maximus TrP2, whose zone is larger than its X).
        let name = try #require(Self.atlas.pattern("gluteus-maximus-trp2")).name
        let panel = try #require(sheet.panels.first { $0.label == name && $0.view.id == .posterior })
        let mark = try #require(SceneDrawer.crossMarks(panel, style: sheet.style, look: look).marks.first)
        let reach = Int((look.size / 2 + look.width).rounded(.up))
        var thumbInk = 0
        for y in Int(mark.at.y) - reach...Int(mark.at.y) + reach {
            for x in Int(mark.at.x) - reach...Int(mark.at.x) + reach where dark(x, y) { thumbInk += 1 }
        }
        #expect(thumbInk > 10)
        #expect(abs(keyInk - thumbInk) * 5 <= thumbInk, "the key's X has \(keyInk) dark px, a thumbnail's \(thumbInk)")
    }
}
