import AtlasModel

/// Edge markers for trigger points drawn in another view: a note ("✕ TrP3: see side view")
/// on the pattern's side of the panel, and in a rendered chart a small ✕ at the panel's edge
/// on that side, level with the trigger point. A figure passes the views it shows of each
/// pattern: a view it leaves out reads "not drawn" rather than "see".
enum EdgeMarkerText {
    /// One note: its line, the screen side it belongs on (+1 right, -1 left) and the heights
    /// (atlas y) of the trigger points it points to.
    struct Note: Equatable {
        var text: String
        var sign: Double
        var heights: [Double]
    }

    static func notes(for panel: ScenePanel, atlas: Atlas, phrases: Phrasebook = Phrasebook(),
                      shownViews: [String: Set<PatternView>]? = nil) -> [Note] {
        var notes: [Note] = []
        for placed in panel.patterns {
            for marker in atlas.edgeMarkers(for: placed.pattern, in: panel.view.id.patternView) {
                let line = line(for: marker, of: placed, phrases: phrases, shownViews: shownViews)
                guard !notes.contains(where: { $0.text == line }) else { continue }
                notes.append(Note(text: line, sign: sign(of: placed, in: panel.view.id, pointingTo: marker.views), heights: marker.heights))
            }
        }
        return notes
    }

    /// A marker's note: "✕ TrP3: see side view", or "TrP3: not drawn"
    /// when the figure leaves out the views it points to.
    static func line(for marker: EdgeMarker, of placed: PlacedPattern, phrases: Phrasebook,
                     shownViews: [String: Set<PatternView>]? = nil) -> String {
        let views = marker.views.map(viewName).joined(separator: ", ")
        // Four names in a row make an unreadable line: more than two read as a count.
        let label = marker.labels.count > 2 ? phrases.text(.triggerPointsCount, ["count": "\(marker.labels.count)"])
                                            : marker.labels.joined(separator: ", ")
        let shown = shownViews.map { shown in marker.views.contains { shown[placed.pattern.id]?.contains($0) == true } } ?? true
        // No ✕ on a note about a trigger point the figure leaves out: it points at no mark.
        return shown ? "✕ " + phrases.text(.seeOtherView, ["label": label, "view": views])
                     : phrases.text(.otherViewNotShown, ["label": label, "view": views])
    }

    /// The notes as texts, stacked from the panel's top corner on the pattern's side (wrapped,
    /// never shrunk); `measure` stacks wrapped notes by their measured height.
    /// Notes in `shared` (with their sides) are left out: `chartTexts` sets them once; `below`
    /// starts the stack lower, under a neighbour's notes on the same gap.
    static func texts(for panel: ScenePanel, atlas: Atlas, size: Double, phrases: Phrasebook = Phrasebook(),
                      shownViews: [String: Set<PatternView>]? = nil, measure: TextMeasurer? = nil,
                      shared: Set<SharedEdge> = [], below: Double = 0) -> [SceneText] {
        var y = panel.frame.minY + size * 0.3 + below
        let width = panel.frame.width * 0.45
        return notes(for: panel, atlas: atlas, phrases: phrases, shownViews: shownViews)
            .filter { !shared.contains(SharedEdge(text: $0.text, right: $0.sign > 0)) }.map { note in
            let right = note.sign > 0
            let text = SceneText(text: note.text, at: Point(right ? panel.frame.maxX - size * 0.4 : panel.frame.minX + size * 0.4, y),
                                 size: size, weight: .bold, alignment: right ? .right : .left, color: Color(hex: "#333333")!, width: width)
            y += (measure.map { $0.box(of: text).height } ?? size * 1.2) + size * 0.15
            return text
        }
    }

    /// A ✕ at the panel's edge on the pattern's side, level with the trigger points (their
    /// mean height), with a short label ("TrP3") under it when it names one point; for each
    /// note that has heights in this panel's frame of reference (not the soles).
    /// Crosses of notes in `shared` are left out: `chartTexts` sets one on the gap.
    static func edgeCrosses(for panel: ScenePanel, atlas: Atlas, size: Double, phrases: Phrasebook = Phrasebook(),
                            shared: Set<SharedEdge> = []) -> [SceneText] {
        guard panel.view.id != .plantar else { return [] }
        var texts: [SceneText] = []
        for placed in panel.patterns {
            for marker in atlas.edgeMarkers(for: placed.pattern, in: panel.view.id.patternView) where !marker.heights.isEmpty {
                let level = marker.heights.reduce(0, +) / Double(marker.heights.count)
                let y = panel.toPixels(Point(0, level)).y
                guard y > panel.frame.minY + size, y < panel.frame.maxY - 3 * size else { continue }
                let right = sign(of: placed, in: panel.view.id, pointingTo: marker.views) > 0
                let edge = SharedEdge(text: line(for: marker, of: placed, phrases: phrases), right: right)
                guard !shared.contains(edge) else { continue }
                let x = right ? panel.frame.maxX - size * 0.5 : panel.frame.minX + size * 0.5
                let glyph = crossGlyph(x: x, level: y, size: size, alignment: right ? .right : .left)
                guard !texts.contains(where: { $0.text == glyph.text && abs($0.at.y - glyph.at.y) < 1 && abs($0.at.x - glyph.at.x) < 1 }) else { continue }
                texts.append(glyph)
                if marker.labels.count == 1, let label = marker.labels.first, label.count <= 6 {
                    texts.append(SceneText(text: label, at: Point(x, y + size * 0.8), size: size * 0.9, weight: .bold,
                                           alignment: right ? .right : .left, color: Color(hex: "#333333")!))
                }
            }
        }
        return texts
    }

    /// The ✕ of an edge marker at `x`, its centre level with `level` (pixels), 1.6 times the
    /// note's text size.
    static func crossGlyph(x: Double, level: Double, size: Double, alignment: SceneText.Alignment) -> SceneText {
        let cross = size * 1.6
        return SceneText(text: "✕", at: Point(x, level - cross * 0.62), size: cross, weight: .bold, alignment: alignment,
                         color: Color(hex: "#333333")!)
    }

    /// A note on one edge of a panel: its text and whether it stands on the right edge.
    struct SharedEdge: Hashable {
        var text: String
        var right: Bool
    }

    /// The notes and edge crosses of a chart's panels, set side by side left to right. Where
    /// two neighbouring panels print the same note on the edge they share (the back view's
    /// right edge beside the front view's left: the patient's right side in both), the two
    /// notes would stand side by side over both outlines and the two crosses read as a pair
    /// belonging to neither panel: such a pair gets one note, centred over the gap just above
    /// the panels (between the view names), and one cross on the gap, level with the trigger
    /// points. Every other note stays at its own panel's edge.
    static func chartTexts(for panels: [ScenePanel], atlas: Atlas, size: Double, phrases: Phrasebook = Phrasebook(),
                           measure: TextMeasurer) -> [SceneText] {
        var shared: [[SharedEdge]] = panels.map { _ in [] }
        var texts: [SceneText] = []
        for index in panels.indices.dropLast() {
            let (left, right) = (panels[index], panels[index + 1])
            guard abs(left.frame.maxX - right.frame.minX) < size * 4, left.view.id != .plantar, right.view.id != .plantar else { continue }
            let facingRight = notes(for: right, atlas: atlas, phrases: phrases).filter { $0.sign < 0 }
            for note in notes(for: left, atlas: atlas, phrases: phrases) where note.sign > 0 {
                guard let twin = facingRight.first(where: { $0.text == note.text }) else { continue }
                shared[index].append(SharedEdge(text: note.text, right: true))
                shared[index + 1].append(SharedEdge(text: note.text, right: false))
                let gap = (left.frame.maxX + right.frame.minX) / 2
                // Wrapped to the middle half of the two panels, clear of the view names.
                let width = min(left.frame.width, right.frame.width) * 0.9
                var text = SceneText(text: note.text, at: Point(gap, 0), size: size, weight: .bold, alignment: .center,
                                     color: Color(hex: "#333333")!, width: width)
                text.at.y = min(left.frame.minY, right.frame.minY) - size * 0.25 - measure.box(of: text).height
                texts.append(text)
                let heights = note.heights.isEmpty ? twin.heights : note.heights
                guard !heights.isEmpty else { continue }
                let y = left.toPixels(Point(0, heights.reduce(0, +) / Double(heights.count))).y
                guard y > left.frame.minY + size, y < left.frame.maxY - 3 * size else { continue }
                texts.append(crossGlyph(x: gap, level: y, size: size, alignment: .center))
            }
        }
        // Different notes facing each other across a gap would read as one line: the right-hand
        // panel's start under the left-hand panel's.
        var previous: [SceneText] = []
        for (index, (panel, edges)) in zip(panels, shared).enumerated() {
            let facing = previous.filter { $0.alignment == .right }.map { measure.box(of: $0).maxY }.max()
            let left = notes(for: panel, atlas: atlas, phrases: phrases).contains { $0.sign < 0 && !edges.contains(SharedEdge(text: $0.text, right: false)) }
            let below = index > 0 && left && abs(panels[index - 1].frame.maxX - panel.frame.minX) < size * 4
                ? facing.map { max(0, $0 - panel.frame.minY + size * 0.3) } ?? 0 : 0
            previous = Self.texts(for: panel, atlas: atlas, size: size, phrases: phrases, measure: measure, shared: Set(edges), below: below)
            texts += previous
            texts += edgeCrosses(for: panel, atlas: atlas, size: size, phrases: phrases, shared: Set(edges))
        }
        return texts
    }

    /// The screen side of the panel a note belongs on: the pattern's own side in the back,
    /// front and sole views; in a side view, the back edge for trigger points seen from
    /// behind and the front edge for those seen from the front.
    static func sign(of placed: PlacedPattern, in view: ViewID, pointingTo views: [PatternView]) -> Double {
        let sign = view.screenSign(for: placed.side)
        guard view.patternView == .lateral else { return sign }
        return views.contains(.anterior) && !views.contains(.posterior) ? sign : -sign
    }

    /// How a caption names a view; a view added later reads by its own name.
    static func viewName(_ view: PatternView) -> String {
        ["posterior": "back view", "anterior": "front view", "lateral": "side view", "plantar": "sole view"][view.rawValue] ?? "\(view.rawValue) view"
    }
}
