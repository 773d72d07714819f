import AtlasModel
import AtlasRender

/// What the clinic chooses: how long submissions are kept, whether the patient sees the
/// plain-language summary after sending, and which chart the patient draws on.
struct ClinicSettings: Sendable, Equatable {
    /// Submissions older than this many days are deleted; 0 keeps them until deleted by hand.
    var retentionDays: Int = 90
    var patientSummary = false
    var chart: ChartChoice = .standard

    static let retentionRange = 0...3650

    static func load(_ store: IntakeStore) async throws -> ClinicSettings {
        var settings = ClinicSettings()
        if let days = try await store.setting("retentionDays").flatMap(Int.init), retentionRange.contains(days) {
            settings.retentionDays = days
        }
        settings.patientSummary = try await store.setting("patientSummary") == "on"
        if let chart = try await store.setting("chart").flatMap(ChartChoice.init(name:)) { settings.chart = chart }
        return settings
    }

    func save(_ store: IntakeStore) async throws {
        try await store.setSetting("retentionDays", String(retentionDays))
        try await store.setSetting("patientSummary", patientSummary ? "on" : "off")
        try await store.setSetting("chart", chart.name)
    }
}

/// A chart the comparison knows: all views, back and front when the library has that
/// chart, or one view. Named as the API names it: "all", "back-front" or a view.
struct ChartChoice: Sendable, Equatable {
    let views: [ViewID]

    init?(name: String) {
        let views: [ViewID]? = switch name {
        case "all": ViewID.allCases
        case "back-front": [.posterior, .anterior]
        default: ViewID(rawValue: name).map { [$0] }
        }
        guard let views, ChartSheet.viewChoices.contains(views) else { return nil }
        self.views = views
    }

    /// Back and front when the library draws such a chart, else every view.
    static var standard: ChartChoice { ChartChoice(name: "back-front") ?? ChartChoice(name: "all")! }

    /// Every chart the comparison can use, for the settings page.
    static var available: [ChartChoice] {
        (["all", "back-front"] + ViewID.allCases.map(\.rawValue)).compactMap(ChartChoice.init(name:))
    }

    var name: String {
        if views == ViewID.allCases { return "all" }
        if views == [.posterior, .anterior] { return "back-front" }
        return views[0].rawValue
    }

    /// Every accepted name, for messages.
    static var names: String { available.map { choice -> String in "\"\(choice.name)\"" }.joined(separator: ", ") }
}
