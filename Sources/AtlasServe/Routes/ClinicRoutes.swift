import AtlasCompare
import Foundation
import Hummingbird

/// The clinician's pages, all behind `ClinicianAuth` but the login itself. Every form
/// carries the session's CSRF token, checked before anything changes.
struct ClinicRoutes {
    let app: IntakeApp
    static let loginCookie = "ra_login_csrf"

    func add(to router: Router<IntakeContext>) {
        router.get("/clinic/login") { _, _ -> Response in loginPage(message: nil, status: .ok) }
        router.post("/clinic/login") { request, context -> Response in try await login(request, context) }

        let clinic = router.group("/clinic").add(middleware: ClinicianAuth(sessions: app.sessions, tokens: app.tokens, throttle: app.throttle, redirects: true))
        clinic.get { _, context -> Response in
            let settings = try await ClinicSettings.load(app.store)
            return Reply.html(ClinicPages.list(try await app.store.submissions(), settings: settings, csrf: context.clinician?.csrfToken))
        }
        clinic.get("drawings/:id") { _, context -> Response in
            let submission = try await app.submission(context, page: true)
            let comparison = try JSONDecoder().decode(DrawingComparison.self, from: Data(submission.comparison.utf8))
            return Reply.html(ClinicPages.detail(submission, comparison: comparison, csrf: context.clinician?.csrfToken))
        }
        clinic.get("drawings/:id/overlay.png") { _, context -> Response in
            let submission = try await app.submission(context, page: true)
            let drawing = try StrokeCodec.decode(submission)
            let png = try await app.comparing { try await app.comparisons.overlayPNG(drawing, name: "code \(submission.code)") }
            return Reply.bytes(png, contentType: "image/png")
        }
        clinic.post("drawings/:id/delete") { request, context -> Response in
            try await requireCSRF(request, context)
            let submission = try await app.submission(context, page: true)
            try await app.store.delete(id: submission.id)
            return Reply.redirect("/clinic")
        }
        clinic.get("export.csv") { _, _ -> Response in
            var response = Reply.text(DrawingExport.csv(try await app.store.submissions(limit: 100_000)), contentType: "text/csv; charset=utf-8")
            response.headers[.contentDisposition] = "attachment; filename=\"referral-atlas-drawings.csv\""
            return response
        }
        clinic.get("export.json") { _, _ -> Response in
            var response = Reply.json(try DrawingExport.json(try await app.store.submissions(limit: 100_000)))
            response.headers[.contentDisposition] = "attachment; filename=\"referral-atlas-drawings.json\""
            return response
        }
        clinic.get("settings") { request, context -> Response in
            let saved = request.uri.queryParameters["saved"] != nil
            return Reply.html(ClinicPages.settings(try await ClinicSettings.load(app.store), csrf: context.clinician?.csrfToken, saved: saved))
        }
        clinic.post("settings") { request, context -> Response in
            let form = try await requireCSRF(request, context)
            var settings = try await ClinicSettings.load(app.store)
            guard let days = form["retentionDays"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }),
                  ClinicSettings.retentionRange.contains(days) else {
                throw ClientError(.unprocessableContent, "keep drawings for 0 to \(ClinicSettings.retentionRange.upperBound) days", page: true)
            }
            guard let chart = form["chart"].flatMap(ChartChoice.init(name:)) else {
                throw ClientError(.unprocessableContent, "choose one of the charts listed", page: true)
            }
            settings.retentionDays = days
            settings.chart = chart
            settings.patientSummary = form["patientSummary"] == "on"
            try await settings.save(app.store)
            try await app.applyRetention()
            return Reply.redirect("/clinic/settings?saved=1")
        }
        clinic.post("logout") { request, context -> Response in
            try await requireCSRF(request, context)
            var response = Reply.redirect("/clinic/login")
            if let clinician = context.clinician { response.setCookie(try await app.sessions.end(clinician)) }
            return response
        }
    }

    private func loginPage(message: String?, status: HTTPResponse.Status) -> Response {
        let csrf = AccessToken.randomString(bytes: 16)
        var response = Reply.html(ClinicPages.login(csrf: csrf, message: message), status: status)
        response.setCookie(SessionKeeper.cookie(csrf, maxAge: 3600, name: Self.loginCookie))
        return response
    }

    private func login(_ request: Request, _ context: IntakeContext) async throws -> Response {
        let client = context.clientKey
        if let wait = await app.throttle.retryAfter(client: client) {
            var error = ClientError(.tooManyRequests, "too many failed sign-ins; try again in \(wait / 60 + 1) minutes", page: true)
            error.headers[.retryAfter] = String(wait)
            throw error
        }
        let form = try await request.form()
        guard let sent = form["csrf"], let expected = request.cookies[Self.loginCookie]?.value,
              !expected.isEmpty, AccessToken.constantTimeEqual(sent, expected) else {
            return loginPage(message: "The sign-in form had expired; please try again.", status: .forbidden)
        }
        guard let token = form["token"], app.tokens.accepts(token) else {
            await app.throttle.recordFailure(client: client)
            return loginPage(message: "That token is not right.", status: .unauthorized)
        }
        await app.throttle.recordSuccess(client: client)
        var response = Reply.redirect("/clinic")
        response.setCookie(try await app.sessions.start())
        response.setCookie(SessionKeeper.cookie("", maxAge: 0, name: Self.loginCookie))
        return response
    }

    /// The form's fields, once its CSRF token matches the session's.
    @discardableResult
    private func requireCSRF(_ request: Request, _ context: IntakeContext) async throws -> [String: String] {
        let form = try await request.form()
        guard let expected = context.clinician?.csrfToken, let sent = form["csrf"], AccessToken.constantTimeEqual(sent, expected) else {
            throw ClientError(.forbidden, "this form has expired or did not come from this site; reload the page and try again", page: true)
        }
        return form
    }
}
