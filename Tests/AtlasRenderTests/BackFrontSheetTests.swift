import AtlasModel
import AtlasRender
import Testing

/// The back-and-front chart: each body's "Your left" and "Your right" plainly belong to it,
/// and the two bodies' hands stay apart.
@Suite("Back-and-front sheet")
struct BackFrontSheetTests {
    static let atlas = try! RenderTestAtlas.load()
    static let sheet = ChartSheet(views: ChartSheet.backFront, paper: .a4)

    /// The chart at 10 px per page millimetre.
    func scene() throws -> Scene {
        var request = ChartRequest(kind: .template, views: ChartSheet.backFront)
        request.width = Int(Self.sheet.pageWidth * 10)
        return try ChartBuilder.scene(request, atlas: Self.atlas)
    }

    /// Each side word lies much nearer its own body's calf than the other body's: before,
    /// the two bodies' inner words sat side by side in the gap and read "Your right | Your right".
    @Test func eachSideWordSitsBesideItsOwnBody() throws {
        let scene = try scene()
        let grey = Color(hex: "#666666")!
        let words = scene.texts.filter { $0.color == grey && ["Your", "left", "right", "Your left", "Your right"].contains($0.text) }
        #expect(words.count >= 4)
        // The outer edge of each calf at the height of the words, about 134 mm from the midline.
        let calves = scene.panels.map { panel in
            [-134.0, 134].map { panel.toPixels(Point($0, 1400)).x }
        }
        // The soles inset names its own soles; these are the two bodies' words.
        let soles = scene.panels.first { $0.view.id == .plantar }?.frame
        for word in words where !(soles.map { $0.minX <= word.at.x && word.at.x <= $0.maxX && word.at.y >= $0.minY - 60 } ?? false) {
            let own = try #require(scene.panels.prefix(2).firstIndex { $0.frame.minX <= word.at.x && word.at.x <= $0.frame.maxX })
            let near = calves[own].map { abs($0 - word.at.x) }.min()!
            let other = calves[1 - own].map { abs($0 - word.at.x) }.min()!
            #expect(near < 0.25 * other, "'\(word.text)' at x \(word.at.x / 10) mm: \(near / 10) mm from its body's calf, \(other / 10) mm from the other's")
        }
    }

    /// The back's hand and the front's hand, next to each other in the middle, are apart
    /// (they were 1 to 2 mm apart before the panels had a gap).
    @Test func theHandsInTheMiddleAreApart() throws {
        let scene = try scene()
        let back = scene.panels[0], front = scene.panels[1]
        let reach = max(back.view.bounds.maxX, -back.view.bounds.minX)
        let gap = front.toPixels(Point(-reach, 0)).x - back.toPixels(Point(reach, 0)).x
        #expect(gap / 10 >= 6, "the hands are \(gap / 10) mm apart")
        // The hands stay on the page, clear of its edge.
        #expect(back.toPixels(Point(-reach, 0)).x / 10 >= 6 && front.toPixels(Point(reach, 0)).x / 10 <= Self.sheet.pageWidth - 6)
    }

    /// The soles inset: a toe can be marked. Each sole is several centimetres long on the
    /// page (the large bodies' own feet are under 1 cm), it lies clear of both bodies, and the
    /// page prints its own code, while the code of the page printed before the inset still
    /// reads as that page.
    @Test func solesInsetIsLargeAndClear() throws {
        let scene = try scene()
        #expect(Self.sheet.views == [.posterior, .anterior, .plantar] && Self.sheet.hasSoles && !Self.sheet.isLandscape)
        let soles = try #require(scene.panels.first { $0.view.id == .plantar })
        let sole = try #require(soles.view.outline.bounds)
        let top = soles.toPixels(Point(sole.minX, sole.minY)), bottom = soles.toPixels(Point(sole.maxX, sole.maxY))
        #expect((bottom.y - top.y) / 10 >= 40, "a sole is \((bottom.y - top.y) / 10) mm long on the page")
        // Clear of the calves and feet of both bodies (their outer edge about 140 mm out).
        let back = scene.panels[0], front = scene.panels[1]
        #expect(back.toPixels(Point(140, 1500)).x < soles.frame.minX && soles.frame.maxX < front.toPixels(Point(-140, 1500)).x)
        // Below the hands.
        #expect(soles.frame.minY > back.toPixels(Point(0, 1100)).y)
        #expect(ChartSheet.decode(Self.sheet.codeBits) == Self.sheet)
        let old = ChartSheet(views: ChartSheet.backFrontWithoutSoles, paper: .a4)
        #expect(ChartSheet.decode(old.codeBits) == old && old.codeBits != Self.sheet.codeBits)
    }
}
