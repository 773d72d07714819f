import AtlasModel

/// Places figure labels in a column at the side of the panel away from the drawn patterns
/// (where the body is bare), each with a leader to its point. Labels keep the vertical order
/// of their points and are pushed apart so that none overlaps another.
enum Callouts {
    static func place(_ labels: [FigureLabel], in panel: ScenePanel, size: Double, measure: TextMeasurer,
                      style: Style) -> (texts: [SceneText], leaders: [SceneLeader], boxes: [SceneBox]) {
        guard !labels.isEmpty else { return ([], [], []) }
        let pad = size * 0.4
        let onLeft = drawingCentre(panel).map { $0 >= panel.frame.center.x } ?? true
        var texts: [SceneText] = [], leaders: [SceneLeader] = [], boxes: [SceneBox] = []
        var nextFreeY = panel.frame.minY + pad
        for label in labels.sorted(by: { $0.point.y < $1.point.y }) {
            let target = panel.toPixels(label.point)
            let extent = measure.size(label.text, size: size, weight: .bold)
            let top = min(max(target.y - extent.height / 2, nextFreeY), panel.frame.maxY - extent.height - pad)
            nextFreeY = top + extent.height + pad * 1.5
            let x = onLeft ? panel.frame.minX + pad : panel.frame.maxX - pad - extent.width
            let box = Rect(minX: x - pad * 0.5, minY: top - pad * 0.3, maxX: x + extent.width + pad * 0.5, maxY: top + extent.height + pad * 0.3)
            boxes.append(SceneBox(frame: box, fill: Color(1, 1, 1, 0.88)))
            texts.append(SceneText(text: label.text, at: Point(x, top), size: size, weight: .bold))
            leaders.append(SceneLeader(from: Point(onLeft ? box.maxX : box.minX, top + extent.height / 2), to: target))
        }
        return (texts, leaders, boxes)
    }

    /// The horizontal centre of what the panel draws (zones and nerves), in pixels.
    private static func drawingCentre(_ panel: ScenePanel) -> Double? {
        let paths = panel.patterns.flatMap { $0.zones.map(\.path) + $0.nerves.map(\.path) + $0.muscles.map(\.path) }
        let xs = paths.compactMap(\.bounds).map { panel.toPixels($0.center).x }
        return xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count)
    }
}
