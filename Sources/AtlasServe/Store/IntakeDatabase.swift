import Foundation
import GRDB

/// The clinic's SQLite database: one file in the data folder, in WAL mode, synchronous
/// commits (a submission answered 201 survives a crash of the server or the machine),
/// and its schema brought up to date by migrations on every start.
enum IntakeDatabase {
    static let fileName = "intake.sqlite"

    static func open(directory: String) throws(ServeError) -> DatabasePool {
        let path = (directory as NSString).appendingPathComponent(fileName)
        do {
            // The folder holds patients' drawings: readable by the server's user only.
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .database(path: directory, message: "cannot create the data folder (\(error.localizedDescription))")
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try migrator.migrate(pool)
            return pool
        } catch {
            throw .database(path: path, message: "cannot open the database (\(error))")
        }
    }

    /// Each step once, in order; never edit a step that has shipped, add another.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1: submissions, settings, sessions") { db in
            try db.create(table: "submission") { t in
                t.primaryKey("id", .text)
                t.column("receivedAt", .datetime).notNull().indexed()
                t.column("code", .text).notNull()
                t.column("chart", .text).notNull()
                t.column("strokes", .text).notNull()
                t.column("comparison", .text).notNull()
                t.column("extentPercent", .double).notNull()
                t.column("verdict", .text).notNull()
                t.column("topMatches", .text).notNull()
            }
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "session") { t in
                t.primaryKey("tokenHash", .text)
                t.column("csrfToken", .text).notNull()
                t.column("expiresAt", .datetime).notNull().indexed()
            }
        }
        return migrator
    }
}
