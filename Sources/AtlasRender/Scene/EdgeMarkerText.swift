import AtlasModel

/// Edge markers for trigger points drawn in another view: a note ("✕ TrP3: see side view")
/// on the pattern's side of the panel, and in a rendered chart a small ✕ at the panel's edge
/// on that side, level with the trigger point. A figure passes the views it shows of each
/// pattern: a view it leaves out reads "not shown" rather than "see".
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
                let views = marker.views.map(viewName).joined(separator: ", ")
                // Four names in a row make an unreadable line: more than two read as a count.
                let label = marker.labels.count > 2 ? phrases.text(.triggerPointsCount, ["count": "\(marker.labels.count)"])
                                                    : marker.labels.joined(separator: ", ")
                let shown = shownViews.map { shown in marker.views.contains { shown[placed.pattern.id]?.contains($0) == true } } ?? true
                let line = "✕ " + (shown ? phrases.text(.seeOtherView, ["label": label, "view": views])
                                         : phrases.text(.otherViewNotShown, ["label": label, "view": views]))
                guard !notes.contains(where: { $0.text == line }) else { continue }
                notes.append(Note(text: line, sign: sign(of: placed, in: panel.view.id, pointingTo: marker.views), heights: marker.heights))
            }
        }
        return notes
    }

    /// The notes as texts, stacked from the panel's top corner on the pattern's side (wrapped,
    /// never shrunk); `measure` stacks wrapped notes by their measured height.
    static func texts(for panel: ScenePanel, atlas: Atlas, size: Double, phrases: Phrasebook = Phrasebook(),
                      shownViews: [String: Set<PatternView>]? = nil, measure: TextMeasurer? = nil) -> [SceneText] {
        var y = panel.frame.minY + size * 0.3
        let width = panel.frame.width * 0.45
        return notes(for: panel, atlas: atlas, phrases: phrases, shownViews: shownViews).map { note in
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
    static func edgeCrosses(for panel: ScenePanel, atlas: Atlas, size: Double, phrases: Phrasebook = Phrasebook()) -> [SceneText] {
        guard panel.view.id != .plantar else { return [] }
        var texts: [SceneText] = []
        for placed in panel.patterns {
            for marker in atlas.edgeMarkers(for: placed.pattern, in: panel.view.id.patternView) where !marker.heights.isEmpty {
                let level = marker.heights.reduce(0, +) / Double(marker.heights.count)
                let y = panel.toPixels(Point(0, level)).y
                guard y > panel.frame.minY + size, y < panel.frame.maxY - 3 * size else { continue }
                let right = sign(of: placed, in: panel.view.id, pointingTo: marker.views) > 0
                let x = right ? panel.frame.maxX - size * 0.5 : panel.frame.minX + size * 0.5
                let cross = size * 1.6
                let glyph = SceneText(text: "✕", at: Point(x, y - cross * 0.62), size: cross, weight: .bold,
                                      alignment: right ? .right : .left, color: Color(hex: "#333333")!)
                guard !texts.contains(where: { $0.text == glyph.text && abs($0.at.y - glyph.at.y) < 1 && abs($0.at.x - glyph.at.x) < 1 }) else { continue }
                texts.append(glyph)
                if marker.labels.count == 1, let label = marker.labels.first, label.count <= 6 {
                    texts.append(SceneText(text: label, at: Point(x, y + cross * 0.5), size: size * 0.9, weight: .bold,
                                           alignment: right ? .right : .left, color: Color(hex: "#333333")!))
                }
            }
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
