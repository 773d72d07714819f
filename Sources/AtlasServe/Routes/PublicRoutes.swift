import AtlasModel
import Foundation
import Hummingbird

/// What anyone may fetch: the patient page, the chart pictures, the page's own files,
/// the health check and the API description.
struct PublicRoutes {
    let app: IntakeApp

    func add(to router: Router<IntakeContext>) {
        router.get("/") { _, _ -> Response in
            let settings = try await ClinicSettings.load(app.store)
            let views = settings.chart.views.compactMap { app.views[$0] }
            return Reply.html(PatientPage.html(views: views, chart: settings.chart, summary: settings.patientSummary,
                                               style: app.style, phrases: app.phrases))
        }
        router.get("/chart/:file") { _, context -> Response in
            let file = try context.parameters.require("file")
            guard file.hasSuffix(".svg"), let id = ViewID(rawValue: String(file.dropLast(4))), let view = app.views[id] else {
                throw ClientError(.notFound, "no such chart view")
            }
            var response = Reply.bytes(view.svg, contentType: "image/svg+xml")
            // The renderer's SVG styles itself; nothing in it runs.
            response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'"
            response.headers[.cacheControl] = "public, max-age=3600"
            return response
        }
        router.get("/static/style.css") { _, _ -> Response in
            var response = Reply.text(app.stylesheet, contentType: "text/css; charset=utf-8")
            response.headers[.cacheControl] = "public, max-age=600"
            return response
        }
        router.get("/static/patient.js") { _, _ -> Response in
            var response = Reply.text(PatientScript.source, contentType: "text/javascript; charset=utf-8")
            response.headers[.cacheControl] = "public, max-age=600"
            return response
        }
        router.get("/healthz") { _, _ -> Response in
            _ = try await app.store.count()
            return try Reply.json(["status": "ok"])
        }
        router.get("/openapi.yaml") { _, _ -> Response in
            Reply.text(OpenAPIDocument.yaml, contentType: "application/yaml; charset=utf-8")
        }
    }
}
