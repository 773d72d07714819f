import Foundation
import Synchronization
import Testing
@testable import AtlasServe

@Suite("Clinician token and start-up")
struct TokenTests {
    final class Said: Sendable {
        let lines = Mutex<[String]>([])
        func say(_ line: String) { lines.withLock { $0.append(line) } }
        var all: String { lines.withLock { $0.joined(separator: "\n") } }
    }

    static func start(_ data: String, init createToken: Bool = false, env: String? = nil, host: String = "127.0.0.1") async throws -> (IntakeServer, Said) {
        let said = Said()
        let configuration = ServeConfiguration(host: host, port: 0, dataDirectory: data, createToken: createToken, environmentToken: env)
        return (try await IntakeServer(configuration: configuration, resources: ServeFixture.resources, say: { said.say($0) }), said)
    }

    @Test("The first start makes a token, prints it once and stores only its hash; --init replaces it")
    func tokenLifecycle() async throws {
        let data = ServeFixture.dataFolder()
        let (first, said) = try await Self.start(data)
        let token = try #require(said.all.split(whereSeparator: \.isWhitespace).map(String.init).first { $0.count >= 40 })
        #expect(first.shared.tokens.accepts(token))
        let stored = try #require(try await first.shared.store.setting(AccessToken.settingKey))
        #expect(stored == AccessToken.hash(token) && stored != token)
        let database = try String(contentsOfFile: data + "/" + IntakeDatabase.fileName, encoding: .isoLatin1)
        #expect(!database.contains(token), "the token itself is never written")

        let (second, quiet) = try await Self.start(data)
        #expect(quiet.all.isEmpty && second.shared.tokens.accepts(token))

        let (third, renewed) = try await Self.start(data, init: true)
        #expect(!third.shared.tokens.accepts(token))
        #expect(renewed.all.contains("Clinician token"))
    }

    @Test("REFERRAL_ATLAS_TOKEN is the only token when set")
    func environmentToken() async throws {
        let (server, said) = try await Self.start(ServeFixture.dataFolder(), env: "from-the-environment-123")
        #expect(server.shared.tokens.accepts("from-the-environment-123"))
        #expect(said.all.isEmpty)
    }

    @Test("Listening beyond this machine warns to put the server behind HTTPS")
    func publicBindWarns() async throws {
        let (_, said) = try await Self.start(ServeFixture.dataFolder(), env: "from-the-environment-123", host: "0.0.0.0")
        #expect(said.all.contains("HTTPS"))
        let (_, quiet) = try await Self.start(ServeFixture.dataFolder(), env: "from-the-environment-123")
        #expect(!quiet.all.contains("HTTPS"))
    }

    @Test("Bad options are refused with a message", arguments: [
        (ServeConfiguration(port: 70000), "--port"),
        (ServeConfiguration(host: "my host!"), "--host"),
        (ServeConfiguration(dataDirectory: ""), "--data"),
        (ServeConfiguration(environmentToken: "short"), "REFERRAL_ATLAS_TOKEN"),
    ])
    func badOptions(_ configuration: ServeConfiguration, _ names: String) {
        #expect { try configuration.validated() } throws: { ($0 as? ServeError)?.description.contains(names) == true }
    }
}
