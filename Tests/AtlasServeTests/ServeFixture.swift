import AtlasCompare
import AtlasModel
import Foundation
import Hummingbird
@testable import AtlasServe

/// A server on a fresh data folder with a known clinician token, listening on a free port of
/// 127.0.0.1 in this process; the tests talk to it over real sockets (LoopbackClient).
enum ServeFixture {
    static let atlas: Atlas = try! AtlasLoader.load(directory: AtlasLocator.bundledAtlas()!)
    static let token = "test-token-0123456789abcdef"
    /// One comparator and one set of charts for every test server, made once, and the
    /// four-view chart's masks built before any test's client starts its 20-second clock.
    static let resources: AtlasResources = {
        let resources = try! AtlasResources(atlas: atlas)
        let stroke = DrawnStroke(view: .posterior, symptom: .pain, width: 30, points: [Point(90, 1000), Point(90, 1200)])
        _ = try? resources.comparisons.comparator.analyse(strokes: [stroke], views: ViewID.allCases, name: "warm-up")
        return resources
    }()

    static func dataFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("referral-atlas-serve-\(UUID().uuidString)").path
    }

    static func server(data: String = dataFolder(), environmentToken: String? = token) async throws -> IntakeServer {
        let configuration = ServeConfiguration(host: "127.0.0.1", port: 0, dataDirectory: data, environmentToken: environmentToken)
        return try await IntakeServer(configuration: configuration, resources: resources, say: { _ in })
    }

    /// Runs `body` against the server listening on a free loopback port, then stops it.
    static func live<T: Sendable>(_ server: IntakeServer, _ body: @Sendable (LoopbackClient) async throws -> T) async throws -> T {
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let application = server.application(logLevel: .critical, onRunning: { port in
            portSink.yield(port)
            portSink.finish()
        })
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                try await application.run()
                return nil
            }
            defer { group.cancelAll() }
            var next = ports.makeAsyncIterator()
            guard let port = await next.next(), port > 0 else { throw LoopbackClient.Failure(description: "the server did not start") }
            return try await body(LoopbackClient(port: port))
        }
    }

    static var bearer: HTTPFields { [.authorization: "Bearer \(token)"] }
    static var json: HTTPFields { [.contentType: "application/json"] }

    /// A 4 cm band from the right buttock down the back of the thigh and calf to the heel
    /// (posterior view, atlas millimetres; the patient's right is the viewer's right here).
    static func band(x: Double = 92) -> [[String: Any]] {
        [["view": "posterior", "symptom": "pain", "width": 40,
          "points": stride(from: 820.0, through: 1735, by: 10).map { [x - ($0 - 820) * 12 / 915, $0] }]]
    }

    static func drawingBody(code: String = "T7-1", chart: String = "all", strokes: [[String: Any]] = band()) -> ByteBuffer {
        let object: [String: Any] = ["chart": chart, "code": code, "strokes": strokes]
        return ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    static func object(_ response: LoopbackResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
    }

    static func text(_ response: LoopbackResponse) -> String { String(buffer: response.body) }
}
