import AtlasModel
@testable import AtlasRender
import Testing

/// Rev8 review item 6: a render whose muscle picture stands under the side view left the row's
/// back-view column white (about 780 × 540 px on a 1200 px page) while the legend ran full
/// width below. The key now fills that white.
@Suite("Render key beside the muscle pictures")
struct KeyBesideInsetsTests {
    static let atlas = MusclePanelTests.atlas

    /// Under the view panels, no blank rectangle a third of the page wide and a sixth of its
    /// height tall: texts, the legend's entries, the pictures and their frames are taken.
    @Test(arguments: MusclePanelTests.myofascial.map(\.id))
    func noHoleBesideThePictures(_ id: String) throws {
        let scene = try MusclePanelTests.render(try #require(Self.atlas.pattern(id)), width: 1200)
        guard scene.panels.contains(where: \.inset) else { return }
        let w = Double(scene.width), h = Double(scene.height)
        let top = scene.panels.filter { !$0.inset }.map(\.frame.maxY).max() ?? 0
        let measure = try TextMeasurer(fontFamily: Style.default.fontFamily)
        var space = FreeSpace(area: Rect(minX: 0, minY: top, maxX: w, maxY: h), cell: 4)
        for text in scene.texts { space.take(measure.box(of: text)) }
        for box in scene.boxes { space.take(box.frame) }
        for panel in scene.panels where panel.inset { space.take(panel.frame) }
        if let legend = scene.legend { space.take(try MusclePanelTests.legendUsed(legend, measure: measure)) }
        let hole = space.find(width: w / 3, height: h / 6)
        #expect(hole == nil, "\(id): a blank \(Int(w / 3)) × \(Int(h / 6)) px area at \(hole.map { "\(Int($0.minX)), \(Int($0.minY))" } ?? "")")
    }

    /// The key beside the pictures stays clear of them and inside the page.
    @Test(arguments: MusclePanelTests.myofascial.map(\.id))
    func keyClearOfThePictures(_ id: String) throws {
        let scene = try MusclePanelTests.render(try #require(Self.atlas.pattern(id)), width: 1200)
        let measure = try TextMeasurer(fontFamily: Style.default.fontFamily)
        let legend = try #require(scene.legend)
        let used = try MusclePanelTests.legendUsed(legend, measure: measure)
        let footer = try #require(scene.texts.first { $0.text.contains(ChartBuilder.disclaimer) })
        for frame in scene.boxes.map(\.frame) + scene.panels.filter(\.inset).map(\.frame) {
            #expect(!MusclePanelTests.overlaps(frame, used), "\(id): legend on a picture")
            #expect(!MusclePanelTests.overlaps(frame, measure.box(of: footer)), "\(id): source line on a picture")
        }
        #expect(used.maxX <= Double(scene.width) && measure.box(of: footer).maxY <= Double(scene.height))
    }
}
