import AtlasModel

/// The plain-words summary of a comparison: where the marks are, how much of the body they
/// cover, the best fits, and the radicular/referred leaning with its reasons.
enum SummaryWriter {
    static func summary(areas: [MarkedArea], extent: Extent, views: [ViewID], atlas: Atlas, symptoms: [Symptom],
                        matches: [PatternMatch], explanations: [Explanation], leaning: Leaning, notes: [String]) -> [String] {
        var sentences: [String] = []
        let marks = areas.map(\.words).joined(separator: "; ")
        sentences.append("Marks: \(marks.isEmpty ? "a few scattered spots" : marks).")
        if symptoms.contains(where: \.isSensory) {
            sentences.append("Marked as \(Phrase.list(symptoms.map(\.words))).")
        }
        var extentText = "Marked area: \(Phrase.percent(extent.total)) of the body chart"
        if views.count > 1 {
            let perView = views.compactMap { view in
                extent.views[view.rawValue].map { "\(atlas.view(view)?.label ?? view.rawValue) \(Phrase.percent($0))" }
            }
            extentText += " (\(perView.joined(separator: ", ")))"
        }
        sentences.append(extentText + ".")
        let best = matches.prefix(3)
        if best.isEmpty {
            sentences.append("No pattern of the atlas overlaps the marks.")
        } else {
            let names = best.map { "\($0.name), \($0.side.words) (\(ConfidenceText.percent($0.confidence)) chance it is a source)" }
            sentences.append("Closest patterns: \(names.joined(separator: "; ")).")
        }
        if let first = explanations.first, first.sources.count > 1 {
            sentences.append("No single pattern explains the drawing well: it is best explained by \(first.words) (\(Phrase.percent(100 * first.shareExplained)) of the marks inside their zones; \(ConfidenceText.percent(first.confidence)) chance that these are the sources).")
        }
        sentences.append(leaning.words)
        sentences += notes.map { $0.hasSuffix(".") ? $0 : $0 + "." }
        sentences.append(DrawingComparison.disclaimer)
        return sentences
    }
}
