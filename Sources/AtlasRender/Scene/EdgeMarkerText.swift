import AtlasModel

/// The texts of a panel's edge markers: a small X and "TrP3: see side view", stacked at the
/// panel's top corner on the pattern's side, for trigger points drawn in another view. A figure passes the views it
/// shows of each pattern: a view it leaves out reads "not shown" rather than "see".
enum EdgeMarkerText {
    static func texts(for panel: ScenePanel, atlas: Atlas, size: Double, phrases: Phrasebook = Phrasebook(),
                      shownViews: [String: Set<PatternView>]? = nil) -> [SceneText] {
        var lines: [String] = []
        var sides: Set<Side> = []
        for placed in panel.patterns {
            for marker in atlas.edgeMarkers(for: placed.pattern, in: panel.view.id.patternView) {
                let views = marker.views.map(viewName).joined(separator: ", ")
                let label = marker.labels.joined(separator: ", ")
                let shown = shownViews.map { shown in marker.views.contains { shown[placed.pattern.id]?.contains($0) == true } } ?? true
                let line = "✕ " + (shown ? phrases.text(.seeOtherView, ["label": label, "view": views])
                                         : phrases.text(.otherViewNotShown, ["label": label, "view": views]))
                if !lines.contains(line) { lines.append(line) }
                sides.insert(placed.side)
            }
        }
        // In the corner on the pattern's side (a note at the patient's left corner of a
        // right-side pattern reads as a left-sided point); top left when both sides or a
        // side view.
        let right = sides.count == 1 && [ViewID.posterior, .anterior].contains(panel.view.id)
            && panel.view.id.screenSign(for: sides.first!) > 0
        return lines.enumerated().map { index, line in
            let y = panel.frame.minY + size * 0.3 + Double(index) * size * 1.35
            return SceneText(text: line, at: Point(right ? panel.frame.maxX - size * 0.4 : panel.frame.minX + size * 0.4, y),
                             size: size, weight: .bold, alignment: right ? .right : .left, color: Color(hex: "#333333")!,
                             fitWidth: panel.frame.width - size * 0.8)
        }
    }

    /// How a caption names a view; a view added later reads by its own name.
    static func viewName(_ view: PatternView) -> String {
        ["posterior": "back view", "anterior": "front view", "lateral": "side view", "plantar": "sole view"][view.rawValue] ?? "\(view.rawValue) view"
    }
}
