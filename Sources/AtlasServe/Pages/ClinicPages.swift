import AtlasCompare
import Foundation

/// The clinician's pages: login, the list of submissions, one submission, settings.
enum ClinicPages {
    static func login(csrf: String, message: String?) -> String {
        let error = message.map { m -> String in "<p class=\"error\" role=\"alert\">\(HTML.escape(m))</p>" } ?? ""
        let body = """
            <header class="bar"><h1>ReferralAtlas · clinic</h1></header>
            <main>
            <form class="card login stack" method="post" action="/clinic/login">
            <h2>Sign in</h2>
            \(error)
            <label for="token">Clinician token</label>
            <input type="password" id="token" name="token" required autocomplete="current-password">
            <input type="hidden" name="csrf" value="\(HTML.escape(csrf))">
            <button type="submit" class="primary">Sign in</button>
            <p class="muted">The token is set by REFERRAL_ATLAS_TOKEN or printed once by <code>referral-atlas serve --init</code>.</p>
            </form>
            </main>
            """
        return Layout.page(title: "Clinic sign-in", body: body)
    }

    static func header(csrf: String?) -> String {
        let logout = csrf.map { token -> String in
            "<form method=\"post\" action=\"/clinic/logout\"><input type=\"hidden\" name=\"csrf\" value=\"\(HTML.escape(token))\">"
                + "<button type=\"submit\">Sign out</button></form>"
        } ?? ""
        return """
            <header class="bar"><h1><a href="/clinic">ReferralAtlas · clinic</a></h1>
            <nav><a href="/clinic/export.csv">Export CSV</a><a href="/clinic/export.json">Export JSON</a>\
            <a href="/clinic/settings">Settings</a>\(logout)</nav></header>
            """
    }

    static func list(_ submissions: [Submission], settings: ClinicSettings, csrf: String?) -> String {
        let rows = submissions.map { s -> String in
            let matches = s.briefs.prefix(3).enumerated().map { index, m -> String in
                "<span class=\"match\(index > 0 ? " extra" : "")\">\(HTML.escape(m.name)) (\(HTML.escape(m.side))) \(ConfidenceText.percent(m.score))</span>"
            }.joined()
            return """
                <tr><td><a href="/clinic/drawings/\(s.id)">\(HTML.escape(s.code))</a></td><td>\(time(s.receivedAt).split(separator: " ").map { "<span class=\"nowrap\">\($0)</span>" }.joined(separator: " "))</td>\
                <td class="num optional">\(String(format: "%.1f", s.extentPercent))%</td><td>\(matches)</td>\
                <td><span class="verdict">\(HTML.escape(s.verdict))</span></td></tr>
                """
        }.joined(separator: "\n")
        let table = submissions.isEmpty
            ? "<p class=\"card\">No drawings yet. Patients draw at <a href=\"/\">the intake page</a>.</p>"
            : """
                <div class="table-wrap"><table>
                <thead><tr><th>Code</th><th>Received (UTC)</th><th class="num optional">Extent</th><th>Top matches</th>\
                <th>Leaning</th></tr></thead>
                <tbody>
                \(rows)
                </tbody></table></div>
                """
        let kept = settings.retentionDays == 0 ? "kept until deleted" : "deleted after \(settings.retentionDays) days"
        let body = """
            \(header(csrf: csrf))
            <main>
            <h2>Drawings</h2>
            <p class="muted">\(submissions.count) shown, newest first; \(kept). \(HTML.escape(DrawingComparison.disclaimer))</p>
            \(table)
            </main>
            """
        return Layout.page(title: "Drawings · clinic", body: body)
    }

    static func detail(_ s: Submission, comparison: DrawingComparison, csrf: String?) -> String {
        let rows = comparison.matches.prefix(10).enumerated().map { index, m -> String in
            """
            <tr><td class="num">\(index + 1)</td><td>\(HTML.escape(m.name))<br><span class="muted">\(HTML.escape(m.id))</span></td>\
            <td>\(HTML.escape(m.side.rawValue))</td><td class="optional">\(HTML.escape(m.family.rawValue))</td>\
            <td class="num">\(ConfidenceText.percent(m.confidence))</td><td class="num optional">\(score(m.precision))</td>\
            <td class="num optional">\(m.essentialCoverage.map(score) ?? "–")</td><td class="num optional">\(m.spilloverCoverage.map(score) ?? "–")</td></tr>
            """
        }.joined(separator: "\n")
        let reasons = comparison.leaning.reasons.map { r -> String in "<li>\(HTML.escape(r.text))</li>" }.joined()
        let notes = comparison.notes.map { n -> String in "<li>\(HTML.escape(n))</li>" }.joined()
        let delete = csrf.map { token -> String in
            """
            <form method="post" action="/clinic/drawings/\(s.id)/delete" class="row">
            <input type="hidden" name="csrf" value="\(HTML.escape(token))">
            <button type="submit" class="danger">Delete this drawing</button></form>
            """
        } ?? ""
        let body = """
            \(header(csrf: csrf))
            <main>
            <p><a href="/clinic">← All drawings</a></p>
            <h2>Code \(HTML.escape(s.code))</h2>
            <p class="muted">Received \(time(s.receivedAt)) UTC · chart \(HTML.escape(s.chart)) · extent \(String(format: "%.1f", s.extentPercent))% · \
            leaning <span class="verdict">\(HTML.escape(s.verdict))</span></p>
            <div class="detail">
            <div><a href="/clinic/drawings/\(s.id)/overlay.png"><img class="overlay" src="/clinic/drawings/\(s.id)/overlay.png" \
            alt="The patient's marks beside the best-matching patterns"></a><p class="muted">Select the picture to see it full size.</p></div>
            <div>
            <div class="card"><h3>Summary</h3><p>\(HTML.escape(comparison.summary))</p>
            \(reasons.isEmpty ? "" : "<h3>Why it leans \(HTML.escape(comparison.leaning.verdict.rawValue))</h3><ul>\(reasons)</ul>")
            \(notes.isEmpty ? "" : "<h3>Notes</h3><ul>\(notes)</ul>")</div>
            \(delete)
            </div>
            </div>
            <h3>Ranking</h3>
            <div class="table-wrap"><table>
            <thead><tr><th class="num">#</th><th>Pattern</th><th>Side</th><th class="optional">Family</th><th class="num">\(HTML.escape(ConfidenceText.heading.prefix(1).uppercased() + ConfidenceText.heading.dropFirst()))</th>\
            <th class="num optional">Precision</th><th class="num optional">Essential</th><th class="num optional">Spillover</th></tr></thead>
            <tbody>
            \(rows)
            </tbody></table></div>
            <p class="muted">\(HTML.escape(ConfidenceText.note))</p>
            <p class="disclaimer">\(HTML.escape(comparison.disclaimer))</p>
            </main>
            """
        return Layout.page(title: "Drawing \(s.code) · clinic", body: body)
    }

    static func settings(_ settings: ClinicSettings, csrf: String?, saved: Bool) -> String {
        let charts = ChartChoice.available.map { choice -> String in
            "<option value=\"\(choice.name)\"\(choice == settings.chart ? " selected" : "")>\(HTML.escape(chartWords(choice)))</option>"
        }.joined()
        let body = """
            \(header(csrf: csrf))
            <main>
            <h2>Settings</h2>
            \(saved ? "<p class=\"card\" role=\"status\">Saved.</p>" : "")
            <form method="post" action="/clinic/settings" class="card stack">
            <input type="hidden" name="csrf" value="\(HTML.escape(csrf ?? ""))">
            <label for="retention">Delete drawings older than this many days (0 keeps them until deleted by hand)</label>
            <input type="number" id="retention" name="retentionDays" min="\(ClinicSettings.retentionRange.lowerBound)" \
            max="\(ClinicSettings.retentionRange.upperBound)" value="\(settings.retentionDays)" required>
            <label for="chart">Chart the patient draws on</label>
            <select id="chart" name="chart">\(charts)</select>
            <label class="check"><input type="checkbox" name="patientSummary" value="on"\(settings.patientSummary ? " checked" : "")>\
            <span>Show the patient the plain-language summary after sending</span></label>
            <button type="submit" class="primary">Save</button>
            </form>
            </main>
            """
        return Layout.page(title: "Settings · clinic", body: body)
    }

    static func chartWords(_ choice: ChartChoice) -> String {
        switch choice.name {
        case "all": "All views"
        case "back-front": "Back and front"
        default: "One view: \(choice.name)"
        }
    }

    static func score(_ value: Double) -> String { String(format: "%.2f", value) }

    static func percent(_ share: Double) -> String { String(format: "%.0f%%", share * 100) }

    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
