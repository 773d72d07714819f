import AtlasModel

extension Scene {
    /// Puts the bones and each pattern's muscles under the zones of every panel that shows a
    /// pattern, unless `enabled` or the style turns the layer off, and makes the legend say so.
    ///
    /// `rootSkeleton` gives nerve-root panels the skeleton too: a figure that sets them beside
    /// muscle and joint panels drawn over bones reads as one style, and the band is placed
    /// against the same bones as its neighbours.
    public mutating func addAnatomy(_ anatomy: Anatomy, phrases: Phrasebook = Phrasebook(), enabled: Bool = true,
                                    rootSkeleton: Bool = false) {
        guard enabled, style.anatomy.show else { return }
        for index in panels.indices {
            let layer = anatomy.placed(in: panels[index].view.id, patterns: panels[index].patterns, rootSkeleton: rootSkeleton)
            panels[index].anatomy = layer?.isEmpty == false ? layer : nil
        }
        guard var legend else { return }
        // The older dashed outline is only drawn for patterns the layer has no muscle for.
        let outlinesLeft = panels.contains { panel in
            panel.patterns.contains { !$0.muscles.isEmpty && !(panel.anatomy?.patterns.contains($0.pattern.id) ?? false) }
        }
        if !outlinesLeft { legend.entries.removeAll { $0.symbol == .muscle } }
        if panels.contains(where: { !($0.anatomy?.muscles.isEmpty ?? true) }) {
            legend.entries.append(LegendEntry(symbol: .anatomy, text: Self.anatomyLegend(panels, phrases, anatomy: anatomy)))
        }
        self.legend = legend
    }

    /// The layer's legend line. A tendinous sheet or ligament is drawn grey like the bones, so
    /// the line names each one drawn ("iliotibial band and bones grey"): otherwise the grey
    /// band would pass for a bone.
    ///
    /// The line says where the muscle is seen: alone in a framed picture beside the pattern
    /// (`MuscleInsets`), or, where a picture has no room (a figure's panels), that a solid
    /// zone hides it, rather than claim a muscle the reader cannot see.
    static func anatomyLegend(_ panels: [ScenePanel], _ phrases: Phrasebook, anatomy: Anatomy = Anatomy()) -> String {
        var tendons: [String] = []
        for muscle in panels.flatMap({ $0.anatomy?.muscles ?? [] }) where muscle.kind == .tendon {
            var name = muscle.name.prefix(1).lowercased() + muscle.name.dropFirst()
            name = synonyms[name] ?? name
            if !tendons.contains(name) { tendons.append(name) }
        }
        let pictured = Set(panels.filter(\.inset).flatMap { $0.patterns.map(\.pattern.id) })
        let hidden = Set(MuscleInsets.needed(panels.filter { !$0.inset }, anatomy: anatomy, phrases: phrases).map(\.pattern.pattern.id))
        let keys: (plain: Phrasebook.Key, tendons: Phrasebook.Key) =
            !hidden.subtracting(pictured).isEmpty ? (.legendAnatomyHidden, .legendAnatomyHiddenTendons)
            : !pictured.isEmpty ? (.legendAnatomyInset, .legendAnatomyInsetTendons) : (.legendAnatomy, .legendAnatomyTendons)
        guard !tendons.isEmpty else { return phrases.text(keys.plain) }
        return phrases.text(keys.tendons, ["tendons": tendons.joined(separator: ", ")])
    }

    /// Two names for one structure: the back view's anatomy calls the band by its older name,
    /// the front and side views by the common one. The legend names it once.
    private static let synonyms = ["iliotibial tract": "iliotibial band"]
}
