import AtlasModel

extension Scene {
    /// Puts the bones and each pattern's muscles under the zones of every panel that shows a
    /// pattern, unless `enabled` or the style turns the layer off, and makes the legend say so.
    public mutating func addAnatomy(_ anatomy: Anatomy, phrases: Phrasebook = Phrasebook(), enabled: Bool = true) {
        guard enabled, style.anatomy.show else { return }
        for index in panels.indices {
            let layer = anatomy.placed(in: panels[index].view.id, patterns: panels[index].patterns)
            panels[index].anatomy = layer?.isEmpty == false ? layer : nil
        }
        guard var legend else { return }
        // The older dashed outline is only drawn for patterns the layer has no muscle for.
        let outlinesLeft = panels.contains { panel in
            panel.patterns.contains { !$0.muscles.isEmpty && !(panel.anatomy?.patterns.contains($0.pattern.id) ?? false) }
        }
        if !outlinesLeft { legend.entries.removeAll { $0.symbol == .muscle } }
        if panels.contains(where: { !($0.anatomy?.muscles.isEmpty ?? true) }) {
            legend.entries.append(LegendEntry(symbol: .anatomy, text: phrases.text(.legendAnatomy)))
        }
        self.legend = legend
    }
}
