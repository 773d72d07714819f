import AtlasModel
import AtlasRender
import Foundation
import Hummingbird

/// Everything the routes share, made once when the server starts.
struct IntakeApp: Sendable {
    let store: IntakeStore
    let resources: AtlasResources
    let tokens: TokenCheck
    let sessions: SessionKeeper
    let throttle: LoginThrottle

    var comparisons: ComparisonService { resources.comparisons }
    var views: [ViewID: ChartView] { resources.views }
    var style: Style { resources.style }
    var phrases: Phrasebook { resources.phrases }
    var stylesheet: String { resources.stylesheet }

    /// The router: public pages, the API, the clinic; security headers on everything and a
    /// log line per request that carries nothing personal.
    func router() -> Router<IntakeContext> {
        let router = Router(context: IntakeContext.self)
        router.add(middleware: AccessLog())
        router.add(middleware: SecurityHeaders())
        PublicRoutes(app: self).add(to: router)
        APIRoutes(app: self).add(to: router)
        ClinicRoutes(app: self).add(to: router)
        return router
    }

    /// Deletes drawings older than the clinic keeps them.
    func applyRetention(now: Date = Date()) async throws {
        let days = try await ClinicSettings.load(store).retentionDays
        guard days > 0 else { return }
        try await store.deleteReceived(before: now.addingTimeInterval(-Double(days) * 86_400))
    }
}

/// What the server derives from the atlas once: the comparator, the blank views and the
/// stylesheet in the chart key's colours.
struct AtlasResources: Sendable {
    let comparisons: ComparisonService
    let views: [ViewID: ChartView]
    let style: Style
    let phrases = Phrasebook()
    let stylesheet: String

    init(atlas: Atlas) throws(ServeError) {
        style = atlas.style() ?? Style()
        comparisons = try ComparisonService(atlas: atlas)
        views = try ChartViews.make(atlas: atlas, style: style)
        stylesheet = Stylesheet.css(style: style)
    }
}
