import AtlasCompare
import Foundation
import Hummingbird

/// The JSON API: compare an image (stored nowhere), store a drawing made on screen, and,
/// for clinicians, read and delete stored drawings.
struct APIRoutes {
    let app: IntakeApp

    func add(to router: Router<IntakeContext>) {
        router.post("/api/compare") { request, _ -> Response in
            _ = try request.requireMediaType(["image/png", "image/jpeg"])
            let bytes = try await request.bytes(limit: Limits.imageBytes, what: "the image")
            let analysis = try await app.comparing { try await app.comparisons.compare(image: bytes, name: "upload") }
            return Reply.json(try ReportFormatter.json([analysis.comparison]))
        }
        router.post("/api/drawings") { request, _ -> Response in
            _ = try request.requireMediaType(["application/json"])
            let bytes = try await request.bytes(limit: Limits.drawingBytes, what: "the drawing")
            let drawing = try DrawingRequest.decode(bytes).checked()
            let (id, comparison, patientSummary) = try await app.submit(drawing)
            let summary = String(decoding: try JSONEncoder().encode(patientSummary), as: UTF8.self)
            return Reply.json("{\"id\":\"\(id)\",\"comparison\":\(comparison),\"patientSummary\":\(summary)}", status: .created)
        }

        let clinician = router.group("/api/drawings")
            .add(middleware: ClinicianAuth(sessions: app.sessions, tokens: app.tokens, throttle: app.throttle, redirects: false))
        clinician.get { _, _ -> Response in
            let all = try await app.store.submissions()
            return try Reply.json(all.map(DrawingExport.summary))
        }
        clinician.get(":id") { _, context -> Response in
            let submission = try await app.submission(context)
            return Reply.json(try DrawingExport.full(submission))
        }
        clinician.delete(":id") { _, context -> Response in
            let submission = try await app.submission(context)
            try await app.store.delete(id: submission.id)
            return Response(status: .noContent)
        }
    }
}

extension IntakeApp {
    /// Compares and stores a drawing; returns its id, the comparison's JSON and the few plain
    /// sentences a patient may see (`compare --audience patient`).
    func submit(_ drawing: CheckedDrawing) async throws -> (id: String, comparison: String, patientSummary: String) {
        let id = AccessToken.randomID()
        let analysis = try await comparing { try await comparisons.compare(drawing, name: "code \(drawing.code)") }
        let c = analysis.comparison
        let json = try ReportFormatter.json([c])
        // The list shows each match's confidence (the comparison's share of belief, 0 to 1).
        let briefs = c.matches.prefix(5).map { MatchBrief(id: $0.id, name: $0.name, side: $0.side.rawValue, score: $0.confidence) }
        let submission = Submission(id: id, receivedAt: Date(), code: drawing.code, chart: drawing.chart.name,
                                    strokes: try StrokeCodec.encode(drawing.strokes), comparison: json,
                                    extentPercent: c.extentPercent.total, verdict: c.leaning.verdict.rawValue,
                                    topMatches: String(decoding: try JSONEncoder().encode(briefs), as: UTF8.self))
        try await store.insert(submission)
        // The patient's report starts with the drawing's name (here the intake code): left out.
        let patientReport = ReportFormatter.text(c, top: 3, audience: .patient)
        let patientSummary = patientReport.split(separator: "\n", maxSplits: 1).last.map(String.init) ?? patientReport
        return (id, json, patientSummary)
    }

    /// Runs a comparison, turning what the patient can fix into 422 and the rest into 500.
    func comparing<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let error as CompareError {
            switch error {
            case .noMarks(_, let message), .notAChart(_, let message), .unreadable(_, let message):
                throw ClientError(.unprocessableContent, message)
            case .cannotWrite, .internalFailure, .badOption:
                throw error
            }
        }
    }

    /// The stored submission the route's `:id` names, or 404.
    func submission(_ context: IntakeContext, page: Bool = false) async throws -> Submission {
        let id = context.parameters.get("id") ?? ""
        guard id.count == 32, id.allSatisfy(\.isHexDigit),
              let submission = try await store.submission(id: id.lowercased()) else {
            throw ClientError(.notFound, "no drawing with this id (it may have been deleted)", page: page)
        }
        return submission
    }
}
