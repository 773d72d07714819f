import AtlasModel
import Foundation

/// Comparisons as text for people, JSON for programs and CSV for spreadsheets.
public enum ReportFormatter {
    /// The summary, a table of the `top` best matches, and the disclaimer.
    public static func text(_ comparison: DrawingComparison, top: Int) -> String {
        let r = comparison.registration
        let agreement = r.marksToOutlineMillimetres.map { String(format: "; outline within %.1f mm of the marks", $0) } ?? ""
        let paper = r.paper.map { $0 == "a4" ? ", A4" : ", \($0)" } ?? ""
        var lines = [String(format: "%@ (%@ chart%@, %@%@; printed lines matched to %.2f mm)", comparison.drawing,
                            comparison.template == "all" ? "four-view" : comparison.template, paper,
                            r.method.words, agreement, r.residualMillimetres)]
        lines += comparison.summarySentences.filter { $0 != comparison.disclaimer }
        lines.append("")
        let rows = comparison.matches.prefix(top)
        let idWidth = max(2, rows.map(\.id.count).max() ?? 0)
        lines.append(" #  " + "pattern".padded(idWidth) + "  side   family        score  " + ConfidenceText.heading + "  precision  essential  spillover  name")
        for (index, match) in rows.enumerated() {
            let cells = [String(format: "%2d", index + 1), match.id.padded(idWidth), match.side.rawValue.padded(5),
                         match.family.rawValue.padded(10), String(format: "%7.1f", match.score), percent(match.confidence, ConfidenceText.heading.count),
                         figure(match.precision, 9), figure(match.essentialCoverage, 9), figure(match.spilloverCoverage, 9), match.name]
            lines.append(cells.joined(separator: "  "))
        }
        if !comparison.explanations.isEmpty {
            let shares = comparison.explanations.map { "\($0.words) \(ConfidenceText.percent($0.confidence))" }
            lines.append("Best explanations (their shares of one whole): " + shares.joined(separator: "; ") + ".")
        }
        lines.append("")
        lines += glossary
        lines.append("")
        lines.append(comparison.disclaimer)
        return lines.joined(separator: "\n")
    }

    /// What the table's figures mean, for the text output and the README.
    public static let glossary = [
        "score: the evidence for the pattern on that side, as the log-likelihood ratio against marks placed anywhere;",
        "  0 is no better than chance, each 1 more is 2.7 times likelier (the ranking's model: README, Comparing).",
        "chance it is a source (confidence in JSON and CSV): the chance, given the atlas and this drawing, that the",
        "  pattern on that side is one of the drawing's sources, all patterns, sides and combinations of two or three",
        "  considered. A drawing can have two sources, so the column need not add up to 100%; the best explanations",
        "  (one source, or two or three together) are the figures that share one whole. Rows are in the order of this",
        "  chance, so a pattern likely as the second source of a pair can rank above a higher-scoring look-alike of the first.",
        "precision: the share of the marks inside the pattern's zones.",
        "essential, spillover: the share of the pattern's essential zone (felt by nearly everyone with it) and of its",
        "  spillover zone (felt by some) that is marked.",
    ]

    /// One JSON object per drawing; an array when there are several. `top` limits the
    /// matches listed.
    public static func json(_ comparisons: [DrawingComparison], top: Int? = nil) throws -> String {
        let limited = comparisons.map { comparison in
            var c = comparison
            if let top { c.matches = Array(c.matches.prefix(top)) }
            return c
        }
        let data = limited.count == 1 ? try encoder.encode(limited[0]) : try encoder.encode(limited)
        return String(decoding: data, as: UTF8.self)
    }

    /// A JSON array with one object per drawing, in order: the comparison (with `status`
    /// "ok"), or for a drawing that could not be compared its name, `status` ("no-result"
    /// or "error") and `message`.
    public static func json(outcomes: [(String, Result<DrawingComparison, CompareError>)], top: Int? = nil) throws -> String {
        var items: [String] = []
        for (file, outcome) in outcomes {
            switch outcome {
            case .success(let comparison):
                var object = try json([comparison], top: top)
                // Every object opens with `{`: add the status as its first key.
                object = "{\n  \"status\" : \"ok\"," + object.dropFirst()
                items.append(object)
            case .failure(let error):
                let failure = Failure(drawing: file, status: error.isNoResult ? "no-result" : "error", message: error.description,
                                      disclaimer: DrawingComparison.disclaimer)
                items.append(String(decoding: try encoder.encode(failure), as: UTF8.self))
            }
        }
        let indented = items.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") }
        return "[\n" + indented.joined(separator: ",\n") + "\n]"
    }

    private struct Failure: Encodable {
        var drawing: String, status: String, message: String, disclaimer: String
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The CSV header.
    public static let csvColumns = ["drawing", "status", "template", "registration", "residual_mm", "extent_percent", "leaning",
                                    "rank", "id", "name", "side",
                                    "family", "score", "confidence", "precision", "essential_coverage", "spillover_coverage", "summary"]

    /// CSV rows: the `top` best matches of each drawing, or one row saying why a drawing
    /// could not be compared. Every row carries the summary, which ends with the disclaimer.
    public static func csv(_ outcomes: [(String, Result<DrawingComparison, CompareError>)], top: Int) -> String {
        var rows = [csvColumns]
        for (file, outcome) in outcomes {
            switch outcome {
            case .success(let c):
                for (index, m) in c.matches.prefix(top).enumerated() {
                    rows.append([file, "ok", c.template, c.registration.method.rawValue, number(c.registration.residualMillimetres),
                                 number(c.extentPercent.total), c.leaning.verdict.rawValue, "\(index + 1)", m.id,
                                 m.name, m.side.rawValue, m.family.rawValue, number(m.score), number(m.confidence), number(m.precision),
                                 m.essentialCoverage.map(number) ?? "", m.spilloverCoverage.map(number) ?? "", c.summary])
                }
            case .failure(let error):
                let status = error.isNoResult ? "no-result" : "error"
                rows.append([file, status] + Array(repeating: "", count: csvColumns.count - 3) + [error.description])
            }
        }
        return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    private static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func number(_ value: Double) -> String { String(format: "%.4g", value) }

    private static func percent(_ value: Double, _ width: Int) -> String {
        let text = ConfidenceText.percent(value)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private static func figure(_ value: Double?, _ width: Int) -> String {
        let text = value.map { String(format: "%.2f", $0) } ?? "-"
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

extension String {
    func padded(_ width: Int) -> String { padding(toLength: max(width, count), withPad: " ", startingAt: 0) }
}
