import AtlasModel

/// Who a text report is for.
public enum ReportAudience: String, Sendable, CaseIterable {
    /// The ranked table with its figures, the verdict and its reasons.
    case clinician
    /// A few plain sentences for the patient's copy: no table, no figures, no jargon.
    case patient

    /// Parses an option value, naming the choices when it is wrong.
    public static func parse(_ text: String) throws(CompareError) -> ReportAudience {
        guard let audience = ReportAudience(rawValue: text.lowercased()) else {
            throw CompareError.badOption("--audience must be \(allCases.map(\.rawValue).joined(separator: " or ")), not \(text)")
        }
        return audience
    }
}

/// The comparison in plain words for the patient.
enum PatientSummary {
    static func text(_ c: DrawingComparison) -> String {
        var sentences: [String] = []
        let areas = c.areas.map(\.words)
        sentences.append(areas.isEmpty ? "You marked a few small spots." : "You marked: \(areas.joined(separator: "; ")).")
        if let first = c.explanations.first, first.sources.count > 1 {
            let count = first.sources.count == 2 ? "two" : "several"
            sentences.append("Your drawing looks most like \(count) patterns at once: \(plainList(first.sources.map { ($0.name, $0.side) })).")
        } else if let best = c.matches.first {
            sentences.append("The pattern in the atlas that looks most like your drawing is \(best.name.lowercasedFirst) (\(sideWords(best.side))).")
        }
        switch c.leaning.verdict {
        case .radicular:
            sentences.append("Pain drawn like this often comes from an irritated nerve root in the lower back.")
        case .entrapment:
            sentences.append("Pain drawn like this can come from a nerve that is squeezed on its way through the buttock.")
        case .referred:
            sentences.append("Pain drawn like this often comes from a muscle or a joint, felt further away from where it starts.")
        case .undecided:
            sentences.append("From the drawing alone it is hard to say whether the pain comes from a nerve or from a muscle or joint.")
        }
        sentences.append("Only an examination can tell: take this to your clinician and talk it over.")
        sentences.append(DrawingComparison.disclaimer)
        return sentences.joined(separator: " ")
    }

    private static func sideWords(_ side: MatchSide) -> String {
        switch side {
        case .right: "on your right side"
        case .left: "on your left side"
        case .both: "on both sides"
        }
    }

    private static func plainList(_ items: [(String, MatchSide)]) -> String {
        Phrase.list(items.map { "\($0.0.lowercasedFirst) (\(sideWords($0.1)))" })
    }
}

extension String {
    /// "Gluteus medius" -> "gluteus medius"; keeps "L5 nerve root" as it is.
    var lowercasedFirst: String {
        guard let first, first.isUppercase, dropFirst().first?.isLowercase ?? true else { return self }
        return first.lowercased() + dropFirst()
    }
}

extension ReportFormatter {
    /// The report for `audience`: the clinician's text, or the patient's plain summary.
    public static func text(_ comparison: DrawingComparison, top: Int, audience: ReportAudience) -> String {
        switch audience {
        case .clinician: text(comparison, top: top)
        case .patient: "\(comparison.drawing)\n\(PatientSummary.text(comparison))"
        }
    }
}
