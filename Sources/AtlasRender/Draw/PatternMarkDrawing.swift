import AtlasModel

/// A pattern's labelled marks (PatternMark): a ring at a named spot, a dashed outline round
/// an area left blank on purpose. Drawn over the zones in the text colour with a white halo,
/// so they read on solid red, stipple and hatch alike, and in greyscale.
extension SceneDrawer {
    func drawPatternMarks(_ panel: ScenePanel, text: TextRenderer) {
        let s = panel.scale, t = panel.toPixels
        let width = Self.markLineWidth(scale: min(s, 1.3))
        for mark in panel.patterns.flatMap(\.marks) {
            let dash = Self.markDash(mark.shape, scale: s)
            cr.stroke(mark.path, style.triggerPointHalo.with(alpha: 0.9), width: width * 2.6, t)
            cr.stroke(mark.path, style.text, width: width, dash: dash, t)
            drawMarkLabel(mark, panel: panel, text: text)
        }
    }

    static func markLineWidth(scale s: Double) -> Double { max(1.8, 1.8 * s) }

    /// A mark's label size. Text, not anatomy: the legend's size (a little smaller), not the
    /// body scale, which blew it up in close framings; never under the scene's smallest text.
    static func markLabelSize(_ scene: Scene, panel: ScenePanel) -> Double {
        let size = scene.legend.map { max(11, $0.textSize * 0.85) } ?? max(12, min(17 * panel.scale, 24))
        return max(size, scene.smallestText)
    }

    static func markDash(_ shape: PatternMark.Shape, scale s: Double) -> [Double] {
        shape == .outline ? [max(4, 5 * s), max(3, 3.5 * s)] : []
    }

    /// Where a mark's label stands (its text, perhaps on two lines, and its box in pixels):
    /// beside the mark on the side the atlas asks for, on one line or two, wherever it stays
    /// on the body, inside the panel and on the mark's own half of a back or front view (a
    /// medial "sitting bone" ran across the cleft onto the other buttock); failing that, below
    /// the mark (tucked toward the midline for a medial label), then the other side, then above.
    /// Among the places that keep those rules, the first that covers least of the drawn zones.
    /// `measure` gives a text's size.
    static func markLabel(_ mark: PatternMark, panel: ScenePanel, size: Double,
                          measure: (String) -> (width: Double, height: Double)) -> (text: String, box: Rect)? {
        guard let bounds = mark.path.bounds else { return nil }
        let a = panel.toPixels(Point(bounds.minX, bounds.minY)), b = panel.toPixels(Point(bounds.maxX, bounds.maxY))
        let box = Rect(minX: min(a.x, b.x), minY: min(a.y, b.y), maxX: max(a.x, b.x), maxY: max(a.y, b.y))
        let gap = size * 0.35
        // The body's midline on screen: labels go away from it (lateral) or toward it (medial).
        let midline = panel.toPixels(Point(0, bounds.minY)).x
        let outward = box.center.x >= midline
        let halves = panel.view.id == .posterior || panel.view.id == .anterior
        func origin(_ side: PatternMark.LabelSide, _ extent: (width: Double, height: Double)) -> Point {
            switch side {
            case .lateral, .medial:
                let right = (side == .lateral) == outward
                // Toward the midline the label hangs from the mark's lower edge: level with its
                // centre it covered the sacrum and coccyx beside the sitting bone, the bones a
                // reader finds the mark by.
                let inward = right != outward
                return Point(right ? box.maxX + gap : box.minX - gap - extent.width,
                             inward ? max(box.center.y, box.maxY - extent.height * 0.3) : box.center.y - extent.height / 2)
            case .above:
                return Point(box.center.x - extent.width / 2, box.minY - gap - extent.height)
            case .below:
                // Under a mark beside the midline, tucked toward it (a medial label's place).
                let tucked = mark.labelSide == .medial && halves
                let x = !tucked ? box.center.x - extent.width / 2
                    : outward ? max(midline + gap, box.center.x - extent.width) : min(midline - gap - extent.width, box.center.x)
                return Point(x, box.maxY + gap * 0.5)
            }
        }
        let other: PatternMark.LabelSide = mark.labelSide == .medial ? .lateral : .medial
        let sides: [PatternMark.LabelSide] = [mark.labelSide] + [.below, other, .above].filter { $0 != mark.labelSide }
        let texts = [mark.label] + (twoLines(mark.label).map { [$0] } ?? [])
        let outline = panel.view.outline.polylines(segmentsPerCurve: 10).map { $0.map(panel.toPixels) }
        let zones = panel.patterns.flatMap(\.zones).map { zone in zone.path.polylines(segmentsPerCurve: 8).map { $0.map(panel.toPixels) } }
        var best: (text: String, box: Rect, covered: Int)?
        for side in sides {
            for label in texts {
                let extent = measure(label)
                let o = origin(side, extent)
                let placed = Rect(minX: o.x, minY: o.y, maxX: o.x + extent.width, maxY: o.y + extent.height)
                let corners = [Point(placed.minX, placed.center.y), Point(placed.maxX, placed.center.y)]
                guard placed.minX >= panel.frame.minX, placed.maxX <= panel.frame.maxX, placed.minY >= panel.frame.minY,
                      placed.maxY <= panel.frame.maxY, corners.allSatisfy({ Callouts.contains($0, outline) }),
                      !halves || (outward ? placed.minX >= midline + gap * 0.5 : placed.maxX <= midline - gap * 0.5)
                else { continue }
                // Zone cover on a 6 by 3 grid of the label's box.
                let covered = (0..<18).filter { k in
                    let p = Point(placed.minX + placed.width * (Double(k % 6) + 0.5) / 6, placed.minY + placed.height * (Double(k / 6) + 0.5) / 3)
                    return zones.contains { Callouts.contains(p, $0) }
                }.count
                if best == nil || covered < best!.covered { best = (label, placed, covered) }
                if covered == 0 { return (label, placed) }
            }
        }
        if let best { return (best.text, best.box) }
        // Nowhere keeps every rule (a panel too small): the asked side, on two lines if it has them.
        let label = texts.last!, extent = measure(label), o = origin(mark.labelSide, extent)
        return (label, Rect(minX: o.x, minY: o.y, maxX: o.x + extent.width, maxY: o.y + extent.height))
    }

    /// The label broken onto two lines at the space nearest its middle (nil: one word).
    private static func twoLines(_ label: String) -> String? {
        guard let space = label.indices.filter({ label[$0] == " " }).min(by: {
            abs(label.distance(from: label.startIndex, to: $0) - label.count / 2) < abs(label.distance(from: label.startIndex, to: $1) - label.count / 2)
        }) else { return nil }
        var text = label
        text.replaceSubrange(space...space, with: "\n")
        return text
    }

    /// The label on a pale patch beside the mark, on the side the atlas asks for.
    private func drawMarkLabel(_ mark: PatternMark, panel: ScenePanel, text: TextRenderer) {
        let size = Self.markLabelSize(scene, panel: panel)
        guard let placed = Self.markLabel(mark, panel: panel, size: size, measure: { text.measure(SceneText(text: $0, at: Point(0, 0), size: size)) })
        else { return }
        let (box, pad) = (placed.box, size * 0.2)
        let patch = BezierPath([.move(Point(box.minX - pad, box.minY)), .line(Point(box.maxX + pad, box.minY)),
                                .line(Point(box.maxX + pad, box.maxY)), .line(Point(box.minX - pad, box.maxY)), .close])
        cr.fill(patch, Color(1, 1, 1, 0.85), { $0 })
        text.draw(SceneText(text: placed.text, at: Point(box.minX, box.minY), size: size), defaultColor: style.text)
    }
}
