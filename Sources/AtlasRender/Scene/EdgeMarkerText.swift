import AtlasModel

/// Edge markers for trigger points drawn in another view: a note ("✕ TrP3: see side view")
/// at the top of the panel, on the pattern's side. There is no mark level with the trigger
/// point: at hip height the panel's edge is beside the hand, and a lone ✕ (or arrow) there
/// reads as a sore spot on the arm (review 22:40, finding 2). A figure passes the views it shows of each
/// pattern: a note pointing at a view the figure leaves out is not printed ("TrP3: not drawn"
/// puzzled readers); the panel's caption says which trigger points it shows.
enum EdgeMarkerText {
    /// One note: its line and the screen side it belongs on (+1 right, -1 left).
    struct Note: Equatable {
        var text: String
        var sign: Double
        /// The marker it says (the trigger points and the views they are drawn in).
        var marker: EdgeMarker? = nil
    }

    static func notes(for panel: ScenePanel, atlas: Atlas, phrases: Phrasebook = Phrasebook(),
                      shownViews: [String: Set<PatternView>]? = nil) -> [Note] {
        var notes: [Note] = []
        for placed in panel.patterns {
            for marker in atlas.edgeMarkers(for: placed.pattern, in: panel.view.id.patternView)
            where shownViews.map({ shown in marker.views.contains { shown[placed.pattern.id]?.contains($0) == true } }) ?? true {
                let line = line(for: marker, phrases: phrases)
                guard !notes.contains(where: { $0.text == line }) else { continue }
                notes.append(Note(text: line, sign: sign(of: placed, in: panel.view.id, pointingTo: marker.views), marker: marker))
            }
        }
        return notes
    }

    /// A marker's note: "✕ TrP3: see side view".
    static func line(for marker: EdgeMarker, phrases: Phrasebook) -> String {
        let views = marker.views.map(viewName).joined(separator: ", ")
        // Four names in a row make an unreadable line: more than two read as a count.
        let label = marker.labels.count > 2 ? phrases.text(.triggerPointsCount, ["count": "\(marker.labels.count)"])
                                            : marker.labels.joined(separator: ", ")
        return "✕ " + phrases.text(.seeOtherView, ["label": label, "view": views])
    }

    /// The notes as texts, stacked from the panel's top corner on the pattern's side (wrapped,
    /// never shrunk); `measure` stacks wrapped notes by their measured height.
    /// Notes in `shared` (with their sides) are left out: `chartTexts` sets them once; `below`
    /// starts the stack lower, under a neighbour's notes on the same gap.
    static func texts(for panel: ScenePanel, atlas: Atlas, size: Double, phrases: Phrasebook = Phrasebook(),
                      shownViews: [String: Set<PatternView>]? = nil, measure: TextMeasurer? = nil,
                      shared: Set<SharedEdge> = [], below: Double = 0, lift: Double = 0) -> [SceneText] {
        var y = panel.frame.minY + size * 0.3 + below - lift
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

    /// A note on one edge of a panel: its text and whether it stands on the right edge.
    struct SharedEdge: Hashable {
        var text: String
        var right: Bool
    }

    /// The notes of a chart's panels, set side by side left to right. Where two neighbouring
    /// panels print the same note on the edge they share (the back view's right edge beside
    /// the front view's left: the patient's right side in both), the two notes would stand side
    /// by side over both outlines: such a pair gets one note, centred over the gap just above
    /// the panels (between the view names). Every other note stays at its own panel's edge.
    /// `lift` raises each panel's own notes by that much: a close-up chart sets them in a band
    /// of that height above its panels (see `band`).
    static func chartTexts(for panels: [ScenePanel], atlas: Atlas, size: Double, phrases: Phrasebook = Phrasebook(),
                           measure: TextMeasurer, lift: Double = 0) -> [SceneText] {
        var shared: [[SharedEdge]] = panels.map { _ in [] }
        var texts: [SceneText] = []
        for index in panels.indices.dropLast() {
            let (left, right) = (panels[index], panels[index + 1])
            guard abs(left.frame.maxX - right.frame.minX) < size * 4, left.view.id != .plantar, right.view.id != .plantar else { continue }
            let facingRight = notes(for: right, atlas: atlas, phrases: phrases).filter { $0.sign < 0 }
            for note in notes(for: left, atlas: atlas, phrases: phrases) where note.sign > 0 {
                guard facingRight.contains(where: { $0.text == note.text }) else { continue }
                shared[index].append(SharedEdge(text: note.text, right: true))
                shared[index + 1].append(SharedEdge(text: note.text, right: false))
                let gap = (left.frame.maxX + right.frame.minX) / 2
                // Wrapped to the middle half of the two panels, clear of the view names.
                let width = min(left.frame.width, right.frame.width) * 0.9
                var text = SceneText(text: note.text, at: Point(gap, 0), size: size, weight: .bold, alignment: .center,
                                     color: Color(hex: "#333333")!, width: width)
                text.at.y = min(left.frame.minY, right.frame.minY) - size * 0.25 - measure.box(of: text).height
                texts.append(text)
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
            previous = Self.texts(for: panel, atlas: atlas, size: size, phrases: phrases, measure: measure, shared: Set(edges), below: below,
                                  lift: lift)
            texts += previous
        }
        return texts
    }

    /// The height of a band above the panels that holds their own notes (0: no notes). In a
    /// close-up the body fills the frame's top corners, and a note there lay on the body (it
    /// touched the iliac crest line in the lower-quarter back view), so a close-up chart lowers
    /// its panels by this much and sets the notes in the band, as handouts and figures do.
    static func band(for panels: [ScenePanel], atlas: Atlas, size: Double, phrases: Phrasebook = Phrasebook(),
                     measure: TextMeasurer) -> Double {
        let top = panels.map(\.frame.minY).min() ?? 0
        let bottoms = chartTexts(for: panels, atlas: atlas, size: size, phrases: phrases, measure: measure)
            .map { measure.box(of: $0).maxY }.filter { $0 > top }
        return bottoms.max().map { $0 - top + size * 0.3 } ?? 0
    }

    /// The screen side of the panel a note belongs on: the pattern's own side in the back,
    /// front and sole views; in a side view, the back edge for trigger points seen from
    /// behind and the front edge for those seen from the front.
    static func sign(of placed: PlacedPattern, in view: ViewID, pointingTo views: [PatternView]) -> Double {
        let sign = view.screenSign(for: placed.side)
        guard view.patternView == .lateral else { return sign }
        return views.contains(.anterior) && !views.contains(.posterior) ? sign : -sign
    }

    /// One note for several views that would each print `marker`'s: "✕ 4 trigger points:
    /// shown in the back view only, not visible in the front and side views". (Naming the
    /// views after the note, "see back view (Front, Right side)", read as if the back view
    /// were in the front and side views; review 2110.)
    static func sharedLine(for marker: EdgeMarker, in views: [PatternView], phrases: Phrasebook) -> String {
        let label = marker.labels.count > 2 ? phrases.text(.triggerPointsCount, ["count": "\(marker.labels.count)"])
                                            : marker.labels.joined(separator: ", ")
        let shown = marker.views.map(viewName).joined(separator: ", ")
        // "front and side views": the views' names without their repeated "view".
        var names: [String] = []
        for view in views {
            let full = viewName(view), name = full.hasSuffix(" view") ? String(full.dropLast(5)) : full
            if !names.contains(name) { names.append(name) }
        }
        let others = MuscleInsets.listed(names) + (names.count > 1 ? " views" : " view")
        return "✕ " + phrases.text(.notVisibleInViews, ["label": label, "view": shown, "others": others])
    }

    /// How a caption names a view; a view added later reads by its own name.
    static func viewName(_ view: PatternView) -> String {
        ["posterior": "back view", "anterior": "front view", "lateral": "side view", "plantar": "sole view"][view.rawValue] ?? "\(view.rawValue) view"
    }
}
