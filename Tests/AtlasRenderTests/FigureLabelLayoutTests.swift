import AtlasModel
@testable import AtlasRender
import Testing

/// Figure labels, read 800 px wide: no label overlaps another, none in the margin lies on
/// the body (its box stays clear of the silhouette), each leader enters the body once,
/// straight to its point, never across it nor over a nerve or another leader, and a label set
/// beside a deep structure has a leader shorter than two text heights. Checked on the
/// laid-out boxes of every bundled figure.
@Suite("Figure label layout")
struct FigureLabelLayoutTests {
    static let atlas = try! RenderTestAtlas.load()

    @Test(arguments: ["piriformis-and-sciatic-nerve", "sciatic-nerve-course", "why-leg-pain", "gluteal-referral-patterns",
                      "referred-vs-radicular"])
    func labelsStayOffTheBodyAndApart(id: String) throws {
        let figure = try #require(Self.atlas.figure(id))
        let scene = try FigureBuilder.scene(figure, width: 800, atlas: Self.atlas)
        let measure = try TextMeasurer(fontFamily: Style.default.fontFamily)
        let labels = Set(figure.panels.flatMap(\.labels).map(\.text))
        let beside = Set(figure.panels.flatMap(\.labels).filter { $0.beside != nil }.map(\.text))
        let boxes = scene.texts.filter { labels.contains($0.text) }.map { ($0.text, measure.box(of: $0), $0.size) }
        #expect(boxes.count == figure.panels.map(\.labels.count).reduce(0, +))
        for (text, box, size) in boxes {
            #expect(size >= FigureBuilder.smallestText - 1e-9, "\(id): '\(text)' is \(size) px at 800 px wide")
            for (other, otherBox, _) in boxes where other != text || otherBox.minY != box.minY {
                let apart = box.maxX <= otherBox.minX || otherBox.maxX <= box.minX || box.maxY <= otherBox.minY || otherBox.maxY <= box.minY
                #expect(apart, "\(id): '\(text)' overlaps '\(other)'")
            }
            // The body under the label: every panel's silhouette, sampled over the box.
            for panel in scene.panels where !beside.contains(text) {
                let outline = panel.view.outline.polylines(segmentsPerCurve: 10).map { $0.map(panel.toPixels) }
                var onBody = 0
                for i in 0...8 {
                    for j in 0...4 {
                        let p = Point(box.minX + box.width * Double(i) / 8, box.minY + box.height * Double(j) / 4)
                        if panel.frame.contains(p), Callouts.contains(p, outline) { onBody += 1 }
                    }
                }
                #expect(onBody == 0, "\(id): '\(text)' lies on the \(panel.view.id.rawValue) body (\(onBody) of 45 samples)")
            }
        }
        for (text, box, size) in boxes where beside.contains(text) {
            let near = Rect(minX: box.minX - size, minY: box.minY - size, maxX: box.maxX + size, maxY: box.maxY + size)
            let leader = try #require(scene.leaders.first { near.contains($0.from) })
            let length = ((leader.to.x - leader.from.x) * (leader.to.x - leader.from.x) + (leader.to.y - leader.from.y) * (leader.to.y - leader.from.y)).squareRoot()
            #expect(length < 2 * size, "\(id): '\(text)' stands \(Int(length)) px from its point")
        }
        for leader in scene.leaders {
            let panel = try #require(scene.panels.first { $0.frame.contains(leader.to) })
            // No leader crosses a nerve on its way (one that did read as naming the nerve it
            // crossed: the common fibular over the sural, the tibial over the sural), counted
            // up to the last 0.6 text height of its way, where it meets its own (thick) nerve,
            // nor another leader.
            let nerves = panel.patterns.flatMap(\.nerves).flatMap { $0.path.polylines(segmentsPerCurve: 10) }.map { $0.map(panel.toPixels) }
            #expect(Callouts.nerveCrossings(from: leader.from, to: leader.to, nerves: nerves, spare: FigureBuilder.smallestText * 0.6) == 0,
                    "\(id): the \(panel.view.id.rawValue) leader to (\(Int(leader.to.x)), \(Int(leader.to.y))) crosses a nerve")
            for other in scene.leaders where other.from != leader.from {
                #expect(!Callouts.segmentsCross(leader.from, leader.to, other.from, other.to), "\(id): two leaders cross")
            }
            let outline = panel.view.outline.polylines(segmentsPerCurve: 10).map { $0.map(panel.toPixels) }
            #expect(Callouts.crossingCount(from: leader.from, to: leader.to, outline: outline) <= 1,
                    "\(id): a leader to (\(Int(leader.to.x)), \(Int(leader.to.y))) crosses the body's outline more than once")
        }
    }
}
