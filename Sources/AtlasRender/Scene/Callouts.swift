import AtlasModel

/// Places figure labels in the panel's margins, each with a leader to its point. Each label
/// goes to the side from which its leader crosses the body's outline least (once: straight
/// in to the point, never over an arm or the other leg); on a tie, the side whose leader
/// runs over less of the body (in a close-up the body fills the panel and every leader lies
/// on it: the nearer side); then the side away from the drawn patterns, where the body is
/// bare and a label hides nothing. Labels on
/// a side keep the vertical order of their points and are pushed apart so none overlaps.
enum Callouts {
    static func place(_ labels: [FigureLabel], in panel: ScenePanel, size: Double, measure: TextMeasurer,
                      style: Style) -> (texts: [SceneText], leaders: [SceneLeader], boxes: [SceneBox]) {
        guard !labels.isEmpty else { return ([], [], []) }
        let pad = size * 0.4
        let outline = panel.view.outline.polylines(segmentsPerCurve: 10).map { $0.map(panel.toPixels) }
        var texts: [SceneText] = [], leaders: [SceneLeader] = [], boxes: [SceneBox] = []
        var nextFreeY = [true: panel.frame.minY + pad, false: panel.frame.minY + pad]
        let bareLeft = drawingCentre(panel).map { $0 >= panel.frame.center.x } ?? true
        for label in labels.sorted(by: { $0.point.y < $1.point.y }) {
            let target = panel.toPixels(label.point)
            let extent = measure.size(label.text, size: size, weight: .bold)
            func start(_ onLeft: Bool) -> Point {
                Point(onLeft ? panel.frame.minX + pad + extent.width : panel.frame.maxX - pad - extent.width, target.y)
            }
            // A side whose label would sit on (or right beside) its own point at the same height
            // hangs the label just below the point instead, with a short upright leader.
            let level = [true, false].map { onLeft in onLeft ? start(true).x + pad * 3 < target.x : start(false).x - pad * 3 > target.x }
            func anchor(_ onLeft: Bool) -> Point {
                level[onLeft ? 0 : 1] ? start(onLeft) : Point(target.x, target.y + pad * 2)
            }
            let costs = [true, false].map { onLeft in
                (onLeft, crossingCount(from: anchor(onLeft), to: target, outline: outline),
                 lengthOver(from: anchor(onLeft), to: target, outline: outline))
            }
            // Lengths within a few text heights of each other count as a tie.
            let onLeft = costs.min { a, b in
                if a.1 != b.1 { return a.1 < b.1 }
                if abs(a.2 - b.2) > size * 3 { return a.2 < b.2 }
                return a.0 == bareLeft
            }?.0 ?? bareLeft
            let hangs = !level[onLeft ? 0 : 1]
            let wanted = hangs ? target.y + pad * 2 : target.y - extent.height / 2
            let top = min(max(wanted, nextFreeY[onLeft]!), panel.frame.maxY - extent.height - pad)
            nextFreeY[onLeft] = top + extent.height + pad * 1.5
            let x = onLeft ? panel.frame.minX + pad : panel.frame.maxX - pad - extent.width
            let box = Rect(minX: x - pad * 0.5, minY: top - pad * 0.3, maxX: x + extent.width + pad * 0.5, maxY: top + extent.height + pad * 0.3)
            boxes.append(SceneBox(frame: box, fill: Color(1, 1, 1, 0.88)))
            texts.append(SceneText(text: label.text, at: Point(x, top), size: size, weight: .bold))
            let from = hangs ? Point(min(max(target.x, box.minX + pad), box.maxX - pad), box.minY)
                             : Point(onLeft ? box.maxX : box.minX, top + extent.height / 2)
            leaders.append(SceneLeader(from: from, to: target))
        }
        return (texts, leaders, boxes)
    }

    /// The horizontal centre of what the panel draws (zones and nerves), in pixels.
    private static func drawingCentre(_ panel: ScenePanel) -> Double? {
        let paths = panel.patterns.flatMap { $0.zones.map(\.path) + $0.nerves.map(\.path) + $0.muscles.map(\.path) }
        let xs = paths.compactMap(\.bounds).map { panel.toPixels($0.center).x }
        return xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count)
    }

    /// How much of a segment lies over the body (inside the outline), in pixels, sampled.
    static func lengthOver(from a: Point, to b: Point, outline: [[Point]]) -> Double {
        let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
        let steps = max(1, Int(length / 4))
        var inside = 0
        for i in 0..<steps {
            let t = (Double(i) + 0.5) / Double(steps)
            if contains(Point(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t), outline) { inside += 1 }
        }
        return length * Double(inside) / Double(steps)
    }

    /// Whether `p` lies inside the outline (even-odd over every polyline).
    static func contains(_ p: Point, _ outline: [[Point]]) -> Bool {
        var inside = false
        for line in outline where line.count > 2 {
            var j = line.count - 1
            for i in 0..<line.count {
                let c = line[i], d = line[j]
                if (c.y > p.y) != (d.y > p.y), p.x < (d.x - c.x) * (p.y - c.y) / (d.y - c.y) + c.x { inside.toggle() }
                j = i
            }
        }
        return inside
    }

    /// How many times a segment crosses the outline's polylines (pixels).
    static func crossingCount(from a: Point, to b: Point, outline: [[Point]]) -> Int {
        func side(_ o: Point, _ p: Point, _ q: Point) -> Double { (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x) }
        var count = 0
        for line in outline where line.count > 1 {
            for i in 0..<line.count {
                let c = line[i], d = line[(i + 1) % line.count]
                let d1 = side(c, d, a), d2 = side(c, d, b), d3 = side(a, b, c), d4 = side(a, b, d)
                if (d1 > 0) != (d2 > 0), (d3 > 0) != (d4 > 0) { count += 1 }
            }
        }
        return count
    }
}
