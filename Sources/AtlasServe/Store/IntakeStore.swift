import Foundation
import GRDB

/// Everything the server keeps, behind a few plain operations. Safe to share between
/// requests: the pool serialises writes and lets reads run side by side.
final class IntakeStore: Sendable {
    let pool: DatabasePool

    init(directory: String) throws(ServeError) {
        pool = try IntakeDatabase.open(directory: directory)
    }

    // MARK: Submissions

    func insert(_ submission: Submission) async throws {
        try await pool.write { db in try submission.insert(db) }
    }

    /// The newest first.
    func submissions(limit: Int = 500) async throws -> [Submission] {
        try await pool.read { db in
            try Submission.order(Column("receivedAt").desc).limit(limit).fetchAll(db)
        }
    }

    func submission(id: String) async throws -> Submission? {
        try await pool.read { db in try Submission.fetchOne(db, key: id) }
    }

    func count() async throws -> Int {
        try await pool.read { db in try Submission.fetchCount(db) }
    }

    @discardableResult
    func delete(id: String) async throws -> Bool {
        try await pool.write { db in try Submission.deleteOne(db, key: id) }
    }

    /// Deletes submissions received before `date`; returns how many.
    @discardableResult
    func deleteReceived(before date: Date) async throws -> Int {
        try await pool.write { db in
            try Submission.filter(Column("receivedAt") < date).deleteAll(db)
        }
    }

    // MARK: Settings

    func setting(_ key: String) async throws -> String? {
        try await pool.read { db in try SettingRow.fetchOne(db, key: key)?.value }
    }

    func setSetting(_ key: String, _ value: String) async throws {
        try await pool.write { db in try SettingRow(key: key, value: value).save(db) }
    }

    // MARK: Sessions

    func insertSession(_ session: SessionRow) async throws {
        try await pool.write { db in
            // Expired sessions go whenever a new one starts.
            try SessionRow.filter(Column("expiresAt") < Date()).deleteAll(db)
            try session.insert(db)
        }
    }

    func session(tokenHash: String) async throws -> SessionRow? {
        try await pool.read { db in
            try SessionRow.filter(Column("tokenHash") == tokenHash && Column("expiresAt") > Date()).fetchOne(db)
        }
    }

    func deleteSession(tokenHash: String) async throws {
        _ = try await pool.write { db in try SessionRow.deleteOne(db, key: tokenHash) }
    }

    /// Ends every session (when the access token changes).
    func deleteAllSessions() async throws {
        _ = try await pool.write { db in try SessionRow.deleteAll(db) }
    }

    // MARK: Health

    /// SQLite's own check of the whole file: "ok" when nothing is damaged.
    func integrityCheck() async throws -> String {
        try await pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" }
    }
}
