import AtlasModel
@testable import AtlasRender
import Testing

/// Review 2040's picture items that the figure and chart builders own.
@Suite("Review 2040")
struct Review2040Tests {
    static let atlas = try! RenderTestAtlas.load()

    /// Item 9: at 800 px the view names' capitals measured 10 px (13.7 px type). DejaVu Sans
    /// capitals are 0.73 of the size, so 14 px type needs a size of at least 14 / 0.93 = 15;
    /// the view names and the L/R marks are held to that.
    @Test func viewNamesAndSideMarksReadAt800Pixels() throws {
        let figure = try #require(Self.atlas.figure("why-leg-pain"))
        let sizes = try TextSizes.laidOut(try FigureBuilder.scene(figure, width: 800, atlas: Self.atlas))
        let views = sizes.filter { $0.text == "Back view" || $0.text == "Right side view" }
        let marks = sizes.filter { $0.text == "L" || $0.text == "R" }
        #expect(!views.isEmpty && !marks.isEmpty, "the figure names its views and marks its sides")
        for label in views + marks {
            #expect(label.size >= 15 - 1e-9, "'\(label.text)' is \(label.size) px at 800 px wide")
        }
    }
}
