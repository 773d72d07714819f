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
        lines.append(" #  " + "pattern".padded(idWidth) + "  side   family      score  precision  essential  spillover  name")
        for (index, match) in rows.enumerated() {
            let cells = [String(format: "%2d", index + 1), match.id.padded(idWidth), match.side.rawValue.padded(5),
                         match.family.rawValue.padded(10), figure(match.score, 5), figure(match.precision, 9),
                         figure(match.essentialCoverage, 9), figure(match.spilloverCoverage, 9), match.name]
            lines.append(cells.joined(separator: "  "))
        }
        lines.append("")
        lines.append(comparison.disclaimer)
        return lines.joined(separator: "\n")
    }

    /// One JSON object per drawing; an array when there are several.
    public static func json(_ comparisons: [DrawingComparison]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = comparisons.count == 1 ? try encoder.encode(comparisons[0]) : try encoder.encode(comparisons)
        return String(decoding: data, as: UTF8.self)
    }

    /// The CSV header.
    public static let csvColumns = ["drawing", "status", "template", "registration", "residual_mm", "extent_percent", "leaning",
                                    "rank", "id", "name", "side",
                                    "family", "score", "precision", "essential_coverage", "spillover_coverage", "summary"]

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
                                 m.name, m.side.rawValue, m.family.rawValue, number(m.score), number(m.precision),
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

    private static func figure(_ value: Double?, _ width: Int) -> String {
        let text = value.map { String(format: "%.2f", $0) } ?? "-"
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}

extension String {
    func padded(_ width: Int) -> String { padding(toLength: max(width, count), withPad: " ", startingAt: 0) }
}
