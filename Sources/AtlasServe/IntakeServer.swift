import AtlasModel
import Foundation
import Hummingbird
import Logging

/// `referral-atlas serve`: the clinic's intake server.
public struct IntakeServer: Sendable {
    public let configuration: ServeConfiguration
    let app: IntakeApp

    /// Opens (or creates) the database, settles the clinician token and draws the charts.
    /// `say` prints what the person starting the server must see (a new token, warnings).
    public init(configuration: ServeConfiguration, atlas: Atlas, say: @Sendable (String) -> Void = IntakeServer.say) async throws(ServeError) {
        try await self.init(configuration: configuration, resources: try AtlasResources(atlas: atlas), say: say)
    }

    /// With what several servers can share (the tests: the charts and masks are made once).
    init(configuration: ServeConfiguration, resources: AtlasResources, say: @Sendable (String) -> Void) async throws(ServeError) {
        let configuration = try configuration.validated()
        self.configuration = configuration
        let store = try IntakeStore(directory: configuration.dataDirectory)
        let tokens = try await Self.settleToken(configuration, store: store, say: say)
        app = IntakeApp(store: store, resources: resources, tokens: tokens, sessions: SessionKeeper(store: store), throttle: LoginThrottle())
        if !configuration.isLoopback {
            say("""
                warning: listening on \(configuration.host), reachable from other machines. Patients' drawings must never \
                cross a network unencrypted: put this server behind an HTTPS reverse proxy (see the README, "Web intake").
                """)
        }
    }

    /// The token from the environment, else a new one (`--init`, or the first start), else
    /// the stored one. A new token is printed once and only its hash is kept.
    static func settleToken(_ configuration: ServeConfiguration, store: IntakeStore, say: (String) -> Void) async throws(ServeError) -> TokenCheck {
        do {
            if let token = configuration.environmentToken {
                if configuration.createToken {
                    say("note: \(ServeConfiguration.tokenVariable) is set, so --init made no new token")
                }
                return TokenCheck(expectedHash: AccessToken.hash(token))
            }
            let stored = try await store.setting(AccessToken.settingKey)
            if let stored, !configuration.createToken { return TokenCheck(expectedHash: stored) }
            let token = AccessToken.generate()
            let hash = AccessToken.hash(token)
            try await store.setSetting(AccessToken.settingKey, hash)
            try await store.deleteAllSessions()
            say("""
                Clinician token (shown once; only its hash is stored): \(token)
                Sign in at /clinic with it, or send it as "Authorization: Bearer TOKEN". `referral-atlas serve --init` makes a new one.
                """)
            return TokenCheck(expectedHash: hash)
        } catch let error as ServeError {
            throw error
        } catch {
            throw .database(path: configuration.dataDirectory, message: "cannot read or store the token (\(error))")
        }
    }

    /// The Hummingbird application; `onRunning` gets the port it listens on. The tests log
    /// only what is critical (stopping a test server by cancelling it logs an error).
    public func application(logLevel: Logger.Level = .info,
                            onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "referral-atlas.serve")
        logger.logLevel = logLevel
        return Application(router: app.router(),
                           configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
                           onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
                           logger: logger)
    }

    /// Serves until SIGINT or SIGTERM; old drawings are deleted hourly by the retention setting.
    public func run(say: @escaping @Sendable (String) -> Void = IntakeServer.say) async throws {
        let app = self.app
        let retention = Task {
            while !Task.isCancelled {
                try? await app.applyRetention()
                try? await Task.sleep(for: .seconds(3600))
            }
        }
        defer { retention.cancel() }
        // The charts' masks are built before the first patient waits for them.
        let warmUp = Task.detached { await app.warmUp() }
        defer { warmUp.cancel() }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        try await application { port in
            say("referral-atlas serve: listening on http://\(host):\(port) (patients: /, clinicians: /clinic, API: /openapi.yaml)")
        }.runService()
    }

    /// Prints a line at once (print buffers when stdout is a pipe, and a supervisor or a
    /// test waits for the "listening" line).
    @Sendable public static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// The port-independent part of the tests' and the benchmark's setup: the shared state.
    var shared: IntakeApp { app }
}
