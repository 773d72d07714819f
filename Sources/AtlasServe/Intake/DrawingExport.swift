import Foundation

/// Stored drawings as the API and the exports give them.
enum DrawingExport {
    struct Summary: Encodable {
        var id: String
        var code: String
        var receivedAt: Date
        var chart: String
        var extentPercent: Double
        var verdict: String
        var topMatches: [MatchBrief]
    }

    static func summary(_ s: Submission) -> Summary {
        Summary(id: s.id, code: s.code, receivedAt: s.receivedAt, chart: s.chart, extentPercent: s.extentPercent,
                verdict: s.verdict, topMatches: s.briefs)
    }

    /// The summary plus the strokes and the comparison, as one JSON object.
    static func full(_ s: Submission) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let head = String(decoding: try encoder.encode(summary(s)), as: UTF8.self)
        // The stored JSON goes in as it is: it was written by this server.
        return String(head.dropLast()) + ",\"strokes\":\(s.strokes),\"comparison\":\(s.comparison)}"
    }

    static func json(_ all: [Submission]) throws -> String {
        "[" + (try all.map(full).joined(separator: ",\n")) + "]\n"
    }

    static let csvColumns = ["id", "code", "received_at", "chart", "extent_percent", "leaning", "rank", "pattern", "name", "side", "score"]

    /// One row per drawing and top match.
    static func csv(_ all: [Submission]) -> String {
        let formatter = ISO8601DateFormatter()
        var rows = [csvColumns]
        for s in all {
            let head = [s.id, s.code, formatter.string(from: s.receivedAt), s.chart, String(format: "%.2f", s.extentPercent), s.verdict]
            let briefs = s.briefs
            if briefs.isEmpty { rows.append(head + ["", "", "", "", ""]) }
            for (rank, m) in briefs.enumerated() {
                rows.append(head + ["\(rank + 1)", m.id, m.name, m.side, String(format: "%.4f", m.score)])
            }
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it.
    static func field(_ text: String) -> String {
        var t = text
        if let first = t.first, "=+-@".contains(first) { t = "'" + t }
        guard t.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return t }
        return "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
