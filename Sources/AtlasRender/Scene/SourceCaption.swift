import AtlasModel

/// The line a figure, chart or handout prints under its pictures: what each pattern is
/// drawn after and how well that was checked, e.g. "After Travell & Simons, vol. 2,
/// fig. 9.1 (recalled; essential/spillover split not confirmed)".
public enum SourceCaption {
    public static func text(for pattern: Pattern, phrases: Phrasebook = Phrasebook()) -> String {
        var fidelity = pattern.fidelity.rawValue
        if !pattern.splitConfirmed { fidelity += "; " + phrases.text(.splitUnconfirmed) }
        return phrases.text(.sourceCaption, ["source": source(of: pattern), "fidelity": fidelity])
    }

    /// One caption per pattern (named when there are several), without repeats.
    public static func text(for patterns: [Pattern], phrases: Phrasebook = Phrasebook()) -> String {
        var lines: [String] = []
        for pattern in patterns {
            let caption = text(for: pattern, phrases: phrases)
            let line = patterns.count > 1 ? "\(phrases.name(of: pattern)): \(caption)" : caption
            if !lines.contains(line) { lines.append(line) }
        }
        return lines.joined(separator: ". ") + (lines.isEmpty ? "" : ".")
    }

    /// The pattern's `after`, else its first source up to the first bracket.
    static func source(of pattern: Pattern) -> String {
        if let after = pattern.after { return after }
        let first = pattern.sources.first ?? pattern.name
        return String(first.split(separator: "(", maxSplits: 1).first ?? Substring(first)).trimmingCharacters(in: .whitespaces)
    }
}
