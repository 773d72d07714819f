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
        for word in words {
            let own = try #require(scene.panels.firstIndex { $0.frame.minX <= word.at.x && word.at.x <= $0.frame.maxX })
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
}
