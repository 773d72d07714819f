import AtlasModel

/// Places the names of a panel's landmarks so that no two overlap and none covers another
/// landmark's dot: each name tries spots around its dot, outward from the midline first,
/// then further away on a thin leader line. Crowded landmarks (the buttock's) choose first.
enum LandmarkLabels {
    struct Placement {
        var name: String
        var point: Point
        /// The label's box in pixels.
        var box: Rect
        /// The label sits away from its dot: draw a leader line.
        var leader: Bool
        var alignment: SceneText.Alignment { .left }
    }

    /// The label size for a panel.
    static func textSize(_ panel: ScenePanel) -> Double { max(9, 9 * panel.scale) }
    static func dotRadius(_ panel: ScenePanel) -> Double { 2.6 * panel.scale }

    /// - Parameter measure: the width and height of a name at the label size.
    static func layout(_ panel: ScenePanel, measure: (String) -> (width: Double, height: Double)) -> [Placement] {
        let landmarks = panel.view.landmarks
        let points = landmarks.map { panel.toPixels($0.point) }
        let r = dotRadius(panel) + 1
        let dots = points.map { Rect(minX: $0.x - r, minY: $0.y - r, maxX: $0.x + r, maxY: $0.y + r) }
        let size = textSize(panel)
        let reach = size * 6
        // Most neighbours first: they have the fewest good spots.
        let crowding = points.map { p in points.filter { abs($0.x - p.x) < reach && abs($0.y - p.y) < reach / 2 }.count }
        let order = landmarks.indices.sorted { crowding[$0] != crowding[$1] ? crowding[$0] > crowding[$1] : $0 < $1 }
        var placed: [Rect] = []
        var result: [Placement?] = Array(repeating: nil, count: landmarks.count)
        for index in order {
            let p = points[index]
            let (w, h) = measure(landmarks[index].name)
            let outward: Double = p.x < panel.origin.x || (landmarks[index].side == nil && panel.view.id == .lateralLeft) ? -1 : 1
            var best: (box: Rect, leader: Bool, cost: Double)?
            search: for ring in 0..<10 {
                for (ux, uy) in [(outward, 0.0), (outward, -1), (outward, 1), (0, -1), (0, 1), (-outward, 0), (-outward, -1), (-outward, 1)] {
                    let box = candidate(p, w: w, h: h, ux: ux, uy: uy, ring: ring, gap: size * 0.35, step: size * 1.1)
                    let overlaps = placed.filter { $0.intersects(box) }.count
                        + dots.indices.filter { $0 != index && dots[$0].intersects(box) }.count
                    let outside = box.minX < panel.frame.minX || box.maxX > panel.frame.maxX || box.minY < panel.frame.minY
                        || box.maxY > panel.frame.maxY
                    let cost = Double(overlaps) * 100 + (outside ? 50 : 0) + Double(ring)
                    if best == nil || cost < best!.cost { best = (box, ring > 0, cost) }
                    if overlaps == 0 && !outside { break search }
                }
            }
            guard let chosen = best else { continue }
            placed.append(chosen.box.inset(by: -1))
            result[index] = Placement(name: landmarks[index].name, point: p, box: chosen.box, leader: chosen.leader)
        }
        return result.compactMap { $0 }
    }

    /// A box beside `p` in direction (ux, uy), `ring` steps out.
    private static func candidate(_ p: Point, w: Double, h: Double, ux: Double, uy: Double, ring: Int, gap: Double, step: Double) -> Rect {
        let out = gap + Double(ring) * step
        let minX = ux > 0 ? p.x + out : (ux < 0 ? p.x - out - w : p.x - w / 2)
        let vertical = gap + Double(ring) * step * 0.6
        let minY = uy > 0 ? p.y + vertical : (uy < 0 ? p.y - vertical - h : p.y - h / 2)
        return Rect(minX: minX, minY: minY, maxX: minX + w, maxY: minY + h)
    }
}

extension Rect {
    func intersects(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    func inset(by d: Double) -> Rect { Rect(minX: minX + d, minY: minY + d, maxX: maxX - d, maxY: maxY - d) }
}
