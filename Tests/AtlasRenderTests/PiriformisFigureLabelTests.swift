import AtlasModel
@testable import AtlasRender
import Testing

/// In the piriformis figure the name "Piriformis" stands above the muscle, not on it, and
/// "Roots L4-S3" stands beside the roots, its box on no nerve (review: the first box sat on
/// the muscle's belly; the second was set in the margin with a leader across the ilium).
@Suite("Piriformis figure labels")
struct PiriformisFigureLabelTests {
    static let atlas = try! RenderTestAtlas.load()

    static func box(_ text: String, in scene: Scene) throws -> Rect {
        let item = try #require(scene.texts.first { $0.text == text })
        let measure = try TextMeasurer(fontFamily: scene.style.fontFamily)
        let size = measure.size(text, size: item.size, weight: .bold)
        return Rect(minX: item.at.x, minY: item.at.y, maxX: item.at.x + size.width, maxY: item.at.y + size.height)
    }

    static func grid(_ b: Rect) -> [Point] {
        (0..<60).map { k in Point(b.minX + b.width * (Double(k % 10) + 0.5) / 10, b.minY + b.height * (Double(k / 10) + 0.5) / 6) }
    }

    @Test(arguments: [800, 1200])
    func labelsBesideTheirStructures(width: Int) throws {
        let scene = try FigureBuilder.scene(try #require(Self.atlas.figure("piriformis-and-sciatic-nerve")), width: width, atlas: Self.atlas)
        let panel = scene.panels[0]
        let muscle = try #require(panel.patterns.flatMap(\.muscles).first).path.polylines(segmentsPerCurve: 10)
            .map { $0.map(panel.toPixels) }
        let piriformis = try Self.box("Piriformis", in: scene)
        #expect(!Self.grid(piriformis).contains { Callouts.contains($0, muscle) }, "'Piriformis' lies on the muscle: \(piriformis)")
        let top = muscle.flatMap { $0 }.filter { $0.x >= piriformis.minX && $0.x <= piriformis.maxX }.map(\.y).min() ?? 0
        #expect(piriformis.maxY <= top + 1, "'Piriformis' is not above the muscle (\(piriformis.maxY) below \(top))")

        let roots = try Self.box("Roots L4-S3", in: scene)
        let nerves = panel.patterns.flatMap(\.nerves).flatMap { $0.path.polylines(segmentsPerCurve: 10) }.map { $0.map(panel.toPixels) }
        let reach = scene.style.nerveWidth * 1.9 / 2 * panel.scale + 2
        for p in Self.grid(roots) {
            let near = nerves.contains { line in zip(line, line.dropFirst()).contains { segmentDistance(p, $0, $1) < reach } }
            #expect(!near, "'Roots L4-S3' lies on a nerve at \(p)")
        }
        // Beside the roots: its box within a few text heights of its point, not in the margin.
        let leader = try #require(scene.leaders.first { roots.insetBy(-8).contains($0.from) })
        #expect(leader.from.distance(to: leader.to) < 3 * roots.height, "'Roots L4-S3' hangs on a long leader")
    }
}

private func segmentDistance(_ p: Point, _ a: Point, _ b: Point) -> Double {
    let d = b - a, l = d.x * d.x + d.y * d.y
    let t = l > 0 ? min(1, max(0, ((p.x - a.x) * d.x + (p.y - a.y) * d.y) / l)) : 0
    return p.distance(to: Point(a.x + d.x * t, a.y + d.y * t))
}

private extension Rect {
    func insetBy(_ d: Double) -> Rect { Rect(minX: minX + d, minY: minY + d, maxX: maxX - d, maxY: maxY - d) }
}
