import AtlasCompare
import AtlasModel
import Foundation

/// The page a patient draws on: pens in the chart key's colours, an eraser, undo and clear,
/// the chart's views, an intake code (never a name), and the thank-you that replaces it
/// after sending.
enum PatientPage {
    static func html(views: [ChartView], chart: ChartChoice, summary: Bool, style: Style, phrases: Phrasebook) -> String {
        let pens: [(symptom: String, color: String, label: String)] = [
            ("pain", Stylesheet.hex(style.painMark), phrases.text(.markPain)),
            ("numbness", Stylesheet.hex(style.numbnessMark), phrases.text(.markNumbness)),
            ("tingling", Stylesheet.hex(style.tinglingMark), phrases.text(.markTingling)),
        ]
        let penButtons = pens.enumerated().map { index, pen -> String in
            """
            <button type="button" data-tool="pen" data-symptom="\(pen.symptom)" data-color="\(pen.color)" aria-pressed="\(index == 0)">\
            <span class="swatch swatch-\(pen.symptom)"></span>\(HTML.escape(pen.label))</button>
            """
        }.joined(separator: "\n")
        let tabs = views.enumerated().map { index, view -> String in
            "<button type=\"button\" role=\"tab\" data-view=\"\(view.id.rawValue)\" aria-selected=\"\(index == 0)\">\(HTML.escape(view.label))</button>"
        }.joined()
        let figures = views.enumerated().map { index, view -> String in
            """
            <figure class="view\(index == 0 ? " current" : "")" data-view="\(view.id.rawValue)" data-origin-x="\(view.origin.x)" \
            data-origin-y="\(view.origin.y)" data-scale="\(view.scale)" data-width="\(view.width)" data-height="\(view.height)">
            <figcaption>\(HTML.escape(view.label))</figcaption>
            <div class="canvas-wrap"><img src="/chart/\(view.id.rawValue).svg" width="\(view.width)" height="\(view.height)" \
            alt="\(HTML.escape(view.label)) view of a body outline" draggable="false"><canvas aria-label="Draw on the \
            \(HTML.escape(view.label.lowercased())) view"></canvas></div>
            </figure>
            """
        }.joined(separator: "\n")
        let body = """
            <header class="bar"><h1>Where do you feel it?</h1></header>
            <main id="intake" data-chart="\(chart.name)" data-summary="\(summary ? "on" : "off")">
            <p class="lead">Shade every area where you feel symptoms, on each view.<span class="wide-only"> Pick a pen, then draw \
            with your finger, a stylus or the mouse. The body faces you on the front view and away from you on the back \
            view.</span></p>
            <div class="tools" role="toolbar" aria-label="Pens">
            \(penButtons)
            <button type="button" data-tool="eraser" aria-pressed="false"><span class="swatch swatch-eraser"></span>Eraser</button>
            </div>
            <div class="tools changes" role="toolbar" aria-label="Changes">
            <label>Pen <select id="pen-size" aria-label="Pen size"><option value="10">Fine</option><option value="20" selected>Medium</option>\
            <option value="36">Broad</option></select></label>
            <button type="button" id="undo" disabled>Undo</button>
            <button type="button" id="clear" disabled>Clear</button>
            </div>
            \(views.count > 1 ? "<div class=\"view-tabs\" role=\"tablist\" aria-label=\"Views\">\(tabs)</div>" : "")
            <div class="views">
            \(figures)
            </div>
            <form id="send" class="send" autocomplete="off">
            <label for="code">Your intake code (from reception; please do not write your name)</label>
            <input type="text" id="code" name="code" required minlength="2" maxlength="24" pattern="[A-Za-z0-9\\-]{2,24}" \
            autocapitalize="characters" spellcheck="false" aria-describedby="code-help">
            <button type="submit" class="primary">Send to the clinic</button>
            <p id="status" role="status" aria-live="polite"></p>
            <span id="code-help" class="muted">Letters, digits and dashes, such as K7-2Q.</span>
            </form>
            <p class="disclaimer">\(HTML.escape(DrawingComparison.disclaimer))</p>
            </main>
            <section id="thanks" class="thanks" hidden>
            <h1>Thank you</h1>
            <p>Your drawing has reached the clinic. Your clinician will go through it with you.</p>
            <div id="summary" hidden>
            <h2>What your drawing shows</h2>
            <p id="summary-text"></p>
            </div>
            <p><button type="button" id="again" class="primary">Done: hand the tablet back</button></p>
            </section>
            """
        return Layout.page(title: "Pain drawing", body: body, scripts: ["/static/patient.js"], bodyClass: "patient")
    }
}
