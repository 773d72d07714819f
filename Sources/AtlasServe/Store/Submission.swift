import Foundation
import GRDB

/// One stored drawing: the patient's intake code, the strokes as sent and the comparison
/// as `compare --json` gives it, plus the figures the clinician's list shows.
struct Submission: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "submission"

    var id: String
    var receivedAt: Date
    var code: String
    var chart: String
    /// The strokes as received, re-encoded (JSON).
    var strokes: String
    /// The comparison (JSON, as `compare --json`).
    var comparison: String
    var extentPercent: Double
    var verdict: String
    /// The best matches, for the list (JSON array of `MatchBrief`).
    var topMatches: String

    var briefs: [MatchBrief] {
        (try? JSONDecoder().decode([MatchBrief].self, from: Data(topMatches.utf8))) ?? []
    }
}

/// A match as the list shows it.
struct MatchBrief: Codable, Sendable, Equatable {
    var id: String
    var name: String
    var side: String
    var score: Double
}

/// A clinic setting, as text.
struct SettingRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "setting"
    var key: String
    var value: String
}

/// A clinician's login session: only a hash of the cookie's value is kept.
struct SessionRow: Codable, Sendable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "session"
    var tokenHash: String
    var csrfToken: String
    var expiresAt: Date
}
