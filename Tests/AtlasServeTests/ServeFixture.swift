import AtlasCompare
import AtlasModel
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
@testable import AtlasServe

/// A server on a fresh data folder with a known clinician token, run on loopback by
/// HummingbirdTesting.
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

    /// Runs `body` against a live server on loopback.
    static func live<T: Sendable>(_ server: IntakeServer, _ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await server.application().test(.live, body)
    }

    static var bearer: HTTPFields { [.authorization: "Bearer \(token)"] }
    static var json: HTTPFields { [.contentType: "application/json"] }

    /// A band down the back of the right leg (posterior view, atlas millimetres).
    static func band(x: Double = 92) -> [[String: Any]] {
        [["view": "posterior", "symptom": "pain", "width": 30,
          "points": stride(from: 880.0, through: 1640, by: 10).map { [x - ($0 - 880) * 0.035, $0] }]]
    }

    static func drawingBody(code: String = "T7-1", chart: String = "all", strokes: [[String: Any]] = band()) -> ByteBuffer {
        let object: [String: Any] = ["chart": chart, "code": code, "strokes": strokes]
        return ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    static func object(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any] ?? [:]
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }
}
