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
    /// beside the mark on the side the atlas asks for. `measure` gives a text's size.
    static func markLabel(_ mark: PatternMark, panel: ScenePanel, size: Double,
                          measure: (String) -> (width: Double, height: Double)) -> (text: String, box: Rect)? {
        guard let bounds = mark.path.bounds else { return nil }
        let a = panel.toPixels(Point(bounds.minX, bounds.minY)), b = panel.toPixels(Point(bounds.maxX, bounds.maxY))
        let box = Rect(minX: min(a.x, b.x), minY: min(a.y, b.y), maxX: max(a.x, b.x), maxY: max(a.y, b.y))
        let gap = size * 0.35
        // The body's midline on screen: labels go away from it (lateral) or toward it (medial).
        let midline = panel.toPixels(Point(0, bounds.minY)).x
        let outward = box.center.x >= midline
        func place(_ extent: (width: Double, height: Double)) -> (origin: Point, farEnd: Point) {
            switch mark.labelSide {
            case .lateral, .medial:
                // The other side when the asked one would run off the panel (a cropped framing).
                var right = (mark.labelSide == .lateral) == outward
                if right ? box.maxX + gap + extent.width > panel.frame.maxX : box.minX - gap - extent.width < panel.frame.minX { right.toggle() }
                // Toward the midline the label hangs from the mark's lower edge: level with its
                // centre it covered the sacrum and coccyx beside the sitting bone, the bones a
                // reader finds the mark by.
                let inward = right != outward
                let origin = Point(right ? box.maxX + gap : box.minX - gap - extent.width,
                                   inward ? max(box.center.y, box.maxY - extent.height * 0.3) : box.center.y - extent.height / 2)
                return (origin, Point(right ? origin.x + extent.width : origin.x, origin.y + extent.height / 2))
            case .above:
                let origin = Point(box.center.x - extent.width / 2, box.minY - gap - extent.height)
                return (origin, Point(origin.x, origin.y + extent.height / 2))
            case .below:
                let origin = Point(box.center.x - extent.width / 2, box.maxY + gap)
                return (origin, Point(origin.x, origin.y + extent.height / 2))
            }
        }
        var label = mark.label
        var extent = measure(label)
        var (origin, farEnd) = place(extent)
        // A label that would run off the body (a narrow figure panel: its text keeps the
        // figure's reading size) goes onto two lines, broken at the space nearest its middle.
        let outline = panel.view.outline.polylines(segmentsPerCurve: 10).map { $0.map(panel.toPixels) }
        if !Callouts.contains(farEnd, outline), Callouts.contains(box.center, outline),
           let space = label.indices.filter({ label[$0] == " " })
               .min(by: { abs(label.distance(from: label.startIndex, to: $0) - label.count / 2) < abs(label.distance(from: label.startIndex, to: $1) - label.count / 2) }) {
            label.replaceSubrange(space...space, with: "\n")
            extent = measure(label)
            (origin, farEnd) = place(extent)
        }
        return (label, Rect(minX: origin.x, minY: origin.y, maxX: origin.x + extent.width, maxY: origin.y + extent.height))
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
