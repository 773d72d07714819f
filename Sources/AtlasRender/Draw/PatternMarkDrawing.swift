import AtlasModel

/// A pattern's labelled marks (PatternMark): a ring at a named spot, a dashed outline round
/// an area left blank on purpose. Drawn over the zones in the text colour with a white halo,
/// so they read on solid red, stipple and hatch alike, and in greyscale.
extension SceneDrawer {
    func drawPatternMarks(_ panel: ScenePanel, text: TextRenderer) {
        let s = panel.scale, t = panel.toPixels
        let width = Self.markLineWidth(scale: min(s, 1.3))
        // Areas first, so a dot inside one stays on top of its line.
        let marks = panel.patterns.flatMap(\.marks)
        for mark in marks.filter({ $0.shape == .area }) + marks.filter({ $0.shape != .area }) {
            Self.strokeMark(cr, mark.shape, mark.path, style: style, width: width, dash: Self.markDash(mark.shape, scale: s), t)
            drawMarkLabel(mark, panel: panel, text: text)
        }
    }

    /// One mark's strokes, in the text colour on a white halo, the same in the panels and the
    /// legend: a ring (its inside lightened: on a dense hatch the ring alone read as one more
    /// line), a dashed or solid outline, or a filled dot.
    static func strokeMark(_ cr: CairoContext, _ shape: PatternMark.Shape, _ path: BezierPath, style: Style, width: Double,
                           dash: [Double], _ t: (Point) -> Point) {
        switch shape {
        case .ring:
            cr.fill(path, style.triggerPointHalo.with(alpha: 0.7), t)
        case .spot:
            cr.stroke(path, style.triggerPointHalo.with(alpha: 0.95), width: width * 2.4, t)
            cr.fill(path, style.text, t)
            return
        case .outline, .area:
            break
        }
        cr.stroke(path, style.triggerPointHalo.with(alpha: 0.9), width: width * 3.2, t)
        cr.stroke(path, style.text, width: width, dash: dash, t)
    }

    static func markLineWidth(scale s: Double) -> Double { max(1.8, 1.8 * s) }

    /// A mark's label size. Text, not anatomy: the legend's size (a little smaller), not the
    /// body scale, which blew it up in close framings; never under the scene's smallest text.
    static func markLabelSize(_ scene: Scene, panel: ScenePanel) -> Double {
        markLabelSize(legendText: scene.legend?.textSize, scale: panel.scale, smallestText: scene.smallestText)
    }

    static func markLabelSize(legendText: Double?, scale: Double, smallestText: Double) -> Double {
        max(legendText.map { max(11, $0 * 0.85) } ?? max(12, min(17 * scale, 24)), smallestText)
    }

    static func markDash(_ shape: PatternMark.Shape, scale s: Double) -> [Double] {
        shape == .outline ? [max(4, 5 * s), max(3, 3.5 * s)] : []
    }

    /// Where a mark's label stands (its text, perhaps on two lines, and its box in pixels):
    /// beside the mark on the side the atlas asks for, on one line or two, then below the
    /// mark (tucked toward the midline for a medial label), the other side, then above.
    /// A place counts only if the label's box lies wholly on the body, inside the panel, on
    /// the mark's own half of a back or front view (a medial "sitting bone" ran across the
    /// cleft), and covers no zone's core (solid area): in a small panel the box hid the
    /// entrapment's buttock core. Among those, the first that covers least of the other
    /// zones. Nil where no place keeps every rule: the label is dropped and the caption or
    /// legend names the mark instead (`droppedMarks`). `measure` gives a text's size.
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
        let zones = panel.patterns.flatMap(\.zones)
        func pixels(_ zone: Zone) -> [[Point]] { zone.path.polylines(segmentsPerCurve: 8).map { $0.map(panel.toPixels) } }
        let cores = zones.filter { $0.kind == .essential }.map(pixels)
        let others = zones.filter { $0.kind != .essential }.map(pixels)
        // The label's patch reaches a little past its text (see drawMarkLabel).
        let pad = size * 0.2
        var best: (text: String, box: Rect, covered: Int)?
        for side in sides {
            for label in texts {
                let extent = measure(label)
                let o = origin(side, extent)
                let placed = Rect(minX: o.x, minY: o.y, maxX: o.x + extent.width, maxY: o.y + extent.height)
                let patch = Rect(minX: placed.minX - pad, minY: placed.minY, maxX: placed.maxX + pad, maxY: placed.maxY)
                guard patch.minX >= panel.frame.minX, patch.maxX <= panel.frame.maxX, patch.minY >= panel.frame.minY,
                      patch.maxY <= panel.frame.maxY, onBody(patch, outline),
                      !halves || (outward ? patch.minX >= midline + gap * 0.5 : patch.maxX <= midline - gap * 0.5)
                else { continue }
                // Zone cover on an 8 by 4 grid of the patch: no point on a core, fewest on the rest.
                let grid = (0..<32).map { k in
                    Point(patch.minX + patch.width * (Double(k % 8) + 0.5) / 8, patch.minY + patch.height * (Double(k / 8) + 0.5) / 4)
                }
                guard !grid.contains(where: { p in cores.contains { Callouts.contains(p, $0) } }) else { continue }
                let covered = grid.filter { p in others.contains { Callouts.contains(p, $0) } }.count
                if best == nil || covered < best!.covered { best = (label, placed, covered) }
                if covered == 0 { return (label, placed) }
            }
        }
        return best.map { ($0.text, $0.box) }
    }

    /// A box wholly on the body: its corners and the middles of its edges inside the outline.
    static func onBody(_ box: Rect, _ outline: [[Point]]) -> Bool {
        let xs = [box.minX, box.center.x, box.maxX], ys = [box.minY, box.center.y, box.maxY]
        return xs.allSatisfy { x in ys.allSatisfy { y in Callouts.contains(Point(x, y), outline) } }
    }

    /// The marks of a panel whose labels find no place (see `markLabel`): a caption or the
    /// legend must name them instead.
    static func droppedMarks(_ panel: ScenePanel, size: Double, measure: (String) -> (width: Double, height: Double)) -> [PatternMark] {
        panel.patterns.flatMap(\.marks).filter { markLabel($0, panel: panel, size: size, measure: measure) == nil }
    }

    /// How a caption names a mark whose label was dropped: "sciatic notch (ring)".
    static func captionName(_ mark: PatternMark) -> String {
        "\(mark.label) (\(mark.shape.word))"
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
