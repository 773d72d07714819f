import AtlasModel

/// Places figure labels in the panel's margins, each with a leader to its point. Each label
/// goes to the side from which its leader crosses the body's outline least (once: straight
/// in to the point, never over an arm or the other leg); on a tie, the side whose leader
/// runs over less of the body (in a close-up the body fills the panel and every leader lies
/// on it: the nearer side); then the side away from the drawn patterns, where the body is
/// bare and a label hides nothing. Labels on
/// a side keep the vertical order of their points and are pushed apart so none overlaps.
enum Callouts {
    /// The side (true: left) each label goes to, by the rule above, in the labels' order.
    static func sides(_ labels: [FigureLabel], in panel: ScenePanel, area: Rect? = nil, size: Double, measure: TextMeasurer) -> [Bool] {
        let placed = layOut(labels, in: panel, area: area ?? panel.frame, size: size, measure: measure, sides: nil)
        return labels.map { label in placed.first { $0.label == label }?.onLeft ?? true }
    }

    /// Places the labels; `sides` (true: left, in the labels' order) fixes each label's side,
    /// as `sides(_:in:size:measure:)` chose it before the figure made room for it. Labels stand
    /// at the edges of `area` (the panel's frame and any gutters beside it).
    static func place(_ labels: [FigureLabel], in panel: ScenePanel, area: Rect? = nil, size: Double, measure: TextMeasurer,
                      style: Style, sides: [Bool]? = nil) -> (texts: [SceneText], leaders: [SceneLeader], boxes: [SceneBox]) {
        var texts: [SceneText] = [], leaders: [SceneLeader] = [], boxes: [SceneBox] = []
        let placed = layOut(labels, in: panel, area: area ?? panel.frame, size: size, measure: measure, sides: sides)
            + labels.compactMap { besidePoint($0, in: panel, area: area ?? panel.frame, size: size, measure: measure) }
        for item in placed {
            boxes.append(SceneBox(frame: item.box, fill: Color(1, 1, 1, 0.88)))
            texts.append(item.text)
            leaders.append(item.leader)
        }
        return (texts, leaders, boxes)
    }

    private struct Placed {
        var label: FigureLabel
        var onLeft: Bool
        var text: SceneText
        var box: Rect
        var leader: SceneLeader
    }

    /// A label set right next to its point (`beside`), on its white box, with a leader under
    /// a text height long; kept inside `area`. Nil for a label that goes to the margin.
    private static func besidePoint(_ label: FigureLabel, in panel: ScenePanel, area: Rect, size: Double,
                                    measure: TextMeasurer) -> Placed? {
        guard let beside = label.beside else { return nil }
        let target = panel.toPixels(label.point)
        let extent = measure.size(label.text, size: size, weight: .bold)
        let pad = size * 0.4, gap = size * 0.9
        var x: Double, y: Double
        switch beside {
        case .above: (x, y) = (target.x - extent.width / 2, target.y - gap - extent.height)
        case .below: (x, y) = (target.x - extent.width / 2, target.y + gap)
        case .left: (x, y) = (target.x - gap - extent.width, target.y - extent.height / 2)
        case .right: (x, y) = (target.x + gap, target.y - extent.height / 2)
        }
        func boxAt(_ x: Double, _ y: Double) -> Rect {
            Rect(minX: x - pad * 0.5, minY: y - pad * 0.3, maxX: x + extent.width + pad * 0.5, maxY: y + extent.height + pad * 0.3)
        }
        // A box that straddles the body's outline (a name set in the gap between the ankles)
        // moves on away from its point, up to two gaps more, to where it clears the outline.
        let outline = panel.view.outline.polylines(segmentsPerCurve: 10).map { $0.map(panel.toPixels) }
        if straddles(boxAt(x, y), outline) {
            let (dx, dy): (Double, Double) = switch beside { case .above: (0, -1); case .below: (0, 1); case .left: (-1, 0); case .right: (1, 0) }
            if let step = (1...16).map({ Double($0) * gap / 8 }).first(where: { !straddles(boxAt(x + dx * $0, y + dy * $0), outline) }) {
                (x, y) = (x + dx * step, y + dy * step)
            }
        }
        x = min(max(x, area.minX + pad), area.maxX - pad - extent.width)
        y = min(max(y, area.minY + pad), area.maxY - pad - extent.height)
        let box = boxAt(x, y)
        let from: Point = switch beside {
        case .above: Point(min(max(target.x, box.minX + pad), box.maxX - pad), box.maxY)
        case .below: Point(min(max(target.x, box.minX + pad), box.maxX - pad), box.minY)
        case .left: Point(box.maxX, min(max(target.y, box.minY + pad), box.maxY - pad))
        case .right: Point(box.minX, min(max(target.y, box.minY + pad), box.maxY - pad))
        }
        return Placed(label: label, onLeft: beside == .left, text: SceneText(text: label.text, at: Point(x, y), size: size, weight: .bold),
                      box: box, leader: SceneLeader(from: from, to: target))
    }

    /// Whether the body's outline runs through a box.
    static func straddles(_ box: Rect, _ outline: [[Point]]) -> Bool {
        let corners = [Point(box.minX, box.minY), Point(box.maxX, box.minY), Point(box.maxX, box.maxY), Point(box.minX, box.maxY)]
        return (0..<4).contains { crossingCount(from: corners[$0], to: corners[($0 + 1) % 4], outline: outline) > 0 }
    }

    /// Places the labels that go to the margins (those without `beside`).
    private static func layOut(_ labels: [FigureLabel], in panel: ScenePanel, area: Rect, size: Double, measure: TextMeasurer,
                               sides: [Bool]?) -> [Placed] {
        let all = labels, labels = labels.filter { $0.beside == nil }
        guard !labels.isEmpty else { return [] }
        var result: [Placed] = []
        let pad = size * 0.4
        let outline = panel.view.outline.polylines(segmentsPerCurve: 10).map { $0.map(panel.toPixels) }
        let nerves = panel.patterns.flatMap(\.nerves).flatMap { $0.path.polylines(segmentsPerCurve: 10) }.map { $0.map(panel.toPixels) }
        var nextFreeY = [true: area.minY + pad, false: area.minY + pad]
        let bareLeft = drawingCentre(panel).map { $0 >= area.center.x } ?? true
        for label in labels.sorted(by: { $0.point.y < $1.point.y }) {
            let target = panel.toPixels(label.point)
            let extent = measure.size(label.text, size: size, weight: .bold)
            func start(_ onLeft: Bool) -> Point {
                Point(onLeft ? area.minX + pad + extent.width : area.maxX - pad - extent.width, target.y)
            }
            // A side whose label would sit on (or right beside) its own point at the same height
            // hangs the label just below the point instead, with a short upright leader.
            let level = [true, false].map { onLeft in onLeft ? start(true).x + pad * 3 < target.x : start(false).x - pad * 3 > target.x }
            func anchor(_ onLeft: Bool) -> Point {
                level[onLeft ? 0 : 1] ? start(onLeft) : Point(target.x, target.y + pad * 2)
            }
            let costs = [true, false].map { onLeft in
                (onLeft, crossingCount(from: anchor(onLeft), to: target, outline: outline),
                 lengthOver(from: anchor(onLeft), to: target, outline: outline),
                 nerveCrossings(from: anchor(onLeft), to: target, nerves: nerves, spare: size * 0.6))
            }
            // Then a leader that passes over no other nerve on its way (one that did pointed,
            // to the eye, at the nerve it crossed: the side view's common fibular nerve behind
            // the sural); lengths within a few text heights of each other count as a tie.
            let chosen = costs.min { a, b in
                if a.1 != b.1 { return a.1 < b.1 }
                if a.3 != b.3 { return a.3 < b.3 }
                if abs(a.2 - b.2) > size * 3 { return a.2 < b.2 }
                return a.0 == bareLeft
            }?.0 ?? bareLeft
            let onLeft = sides.flatMap { sides in all.firstIndex(of: label).map { sides[$0] } } ?? chosen
            let hangs = !level[onLeft ? 0 : 1]
            let wanted = hangs ? target.y + pad * 2 : target.y - extent.height / 2
            let x = onLeft ? area.minX + pad : area.maxX - pad - extent.width
            // A level leader that would cross the body more than once (a hand hanging beside
            // the thigh) moves its label up or down a little until it goes straight in.
            func clamped(_ y: Double) -> Double { min(max(y, nextFreeY[onLeft]!), area.maxY - extent.height - pad) }
            func crossings(_ top: Double) -> Int {
                crossingCount(from: Point(onLeft ? x + extent.width : x, top + extent.height / 2), to: target, outline: outline)
            }
            var top = clamped(wanted)
            let steps = (1...8).flatMap { [Double($0), -Double($0)] }.map { clamped(wanted + $0 * extent.height * 0.75) }
            if !hangs, crossings(top) > 1 {
                top = steps.first { crossings($0) <= 1 } ?? top
            }
            // A leader that would cross another nerve (or a leader already drawn) on its way
            // slants up or down the least that clears them, crossing the outline no more often:
            // level from the tibial nerve it crossed the sural beside it (review 19:00, 8).
            func leaderStart(_ top: Double) -> Point { Point(onLeft ? x + extent.width : x, top + extent.height / 2) }
            func tangles(_ top: Double) -> Int {
                let from = leaderStart(top)
                return nerveCrossings(from: from, to: target, nerves: nerves, spare: size * 0.6)
                    + result.filter { segmentsCross(from, target, $0.leader.from, $0.leader.to) }.count
            }
            if !hangs, tangles(top) > 0 {
                let most = max(1, crossings(top))
                top = steps.first { tangles($0) == 0 && crossings($0) <= most } ?? top
            }
            nextFreeY[onLeft] = top + extent.height + pad * 1.5
            let box = Rect(minX: x - pad * 0.5, minY: top - pad * 0.3, maxX: x + extent.width + pad * 0.5, maxY: top + extent.height + pad * 0.3)
            let from = hangs ? Point(min(max(target.x, box.minX + pad), box.maxX - pad), box.minY)
                             : Point(onLeft ? box.maxX : box.minX, top + extent.height / 2)
            result.append(Placed(label: label, onLeft: onLeft, text: SceneText(text: label.text, at: Point(x, top), size: size, weight: .bold),
                                 box: box, leader: SceneLeader(from: from, to: target)))
        }
        return result
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

    /// How many nerve lines (open polylines, pixels) a leader crosses before the last `spare`
    /// pixels of its way, where it meets its own nerve.
    static func nerveCrossings(from a: Point, to b: Point, nerves: [[Point]], spare: Double) -> Int {
        let length = a.distance(to: b)
        guard length > spare else { return 0 }
        let end = a + (b - a) * ((length - spare) / length)
        return nerves.map { line in
            zip(line, line.dropFirst()).filter { segmentsCross(a, end, $0.0, $0.1) }.count
        }.reduce(0, +)
    }

    static func segmentsCross(_ a: Point, _ b: Point, _ c: Point, _ d: Point) -> Bool {
        func side(_ o: Point, _ p: Point, _ q: Point) -> Double { (p.x - o.x) * (q.y - o.y) - (p.y - o.y) * (q.x - o.x) }
        return (side(c, d, a) > 0) != (side(c, d, b) > 0) && (side(a, b, c) > 0) != (side(a, b, d) > 0)
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
