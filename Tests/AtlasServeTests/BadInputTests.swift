import AtlasModel
import AtlasRender
import Foundation
import Hummingbird
import Testing
@testable import AtlasServe

@Suite("Bad requests get a 4xx with a clear message, never a crash")
struct BadRequestTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let contentType: String
        let body: [UInt8]
        let status: HTTPResponse.Status
        let says: String
        var description: String { name }
    }

    static func json(_ object: [String: Any]) -> [UInt8] { Array(try! JSONSerialization.data(withJSONObject: object)) }

    static func stroke(view: String = "posterior", symptom: String = "pain", width: Double = 20, points: [[Double]] = [[90, 1000], [90, 1200]]) -> [String: Any] {
        ["view": view, "symptom": symptom, "width": width, "points": points]
    }

    static let cases: [Case] = [
        Case(name: "malformed JSON", contentType: "application/json", body: Array("{\"chart\": \"all\", ".utf8), status: .badRequest, says: "not valid JSON"),
        Case(name: "wrong shape", contentType: "application/json", body: json(["chart": "all", "code": "A1", "strokes": "lots"]),
             status: .badRequest, says: "strokes"),
        Case(name: "missing code", contentType: "application/json", body: json(["chart": "all", "strokes": [stroke()]]),
             status: .badRequest, says: "missing \"code\""),
        Case(name: "wrong content type", contentType: "text/plain", body: Array("hello".utf8), status: .unsupportedMediaType,
             says: "application/json"),
        Case(name: "unknown chart", contentType: "application/json", body: json(["chart": "sideways", "code": "A1", "strokes": [stroke()]]),
             status: .unprocessableContent, says: "chart"),
        Case(name: "a name instead of a code", contentType: "application/json", body: json(["chart": "all", "code": "Jane Smith", "strokes": [stroke()]]),
             status: .unprocessableContent, says: "never a name"),
        Case(name: "unknown view", contentType: "application/json", body: json(["chart": "all", "code": "A1", "strokes": [stroke(view: "top")]]),
             status: .unprocessableContent, says: "strokes[0].view"),
        Case(name: "view not on the chart", contentType: "application/json",
             body: json(["chart": "posterior", "code": "A1", "strokes": [stroke(view: "anterior")]]), status: .unprocessableContent, says: "strokes[0].view"),
        Case(name: "unknown symptom", contentType: "application/json", body: json(["chart": "all", "code": "A1", "strokes": [stroke(symptom: "itch")]]),
             status: .unprocessableContent, says: "strokes[0].symptom"),
        Case(name: "pen too wide", contentType: "application/json", body: json(["chart": "all", "code": "A1", "strokes": [stroke(width: 500)]]),
             status: .unprocessableContent, says: "strokes[0].width"),
        Case(name: "a point with three numbers", contentType: "application/json",
             body: json(["chart": "all", "code": "A1", "strokes": [stroke(points: [[1, 2, 3]])]]), status: .unprocessableContent, says: "strokes[0].points[0]"),
        Case(name: "a point far away", contentType: "application/json",
             body: json(["chart": "all", "code": "A1", "strokes": [stroke(points: [[1e9, 2]])]]), status: .unprocessableContent, says: "strokes[0].points[0]"),
        Case(name: "nothing drawn", contentType: "application/json", body: json(["chart": "all", "code": "A1", "strokes": []]),
             status: .unprocessableContent, says: "nothing drawn"),
        Case(name: "drawn off the body", contentType: "application/json",
             body: json(["chart": "all", "code": "A1", "strokes": [stroke(points: [[-1500, 100], [-1400, 100]])]]), status: .unprocessableContent,
             says: "body"),
        Case(name: "too many points in a stroke", contentType: "application/json",
             body: json(["chart": "all", "code": "A1", "strokes": [stroke(points: Array(repeating: [90, 1000], count: 6000))]]),
             status: .contentTooLarge, says: "at most 5000"),
        Case(name: "too many strokes", contentType: "application/json",
             body: json(["chart": "all", "code": "A1", "strokes": Array(repeating: stroke(points: [[90, 1000]]), count: 2500)]),
             status: .contentTooLarge, says: "at most 2000"),
        Case(name: "too large a body", contentType: "application/json", body: Array(repeating: 32, count: Limits.drawingBytes + 1),
             status: .contentTooLarge, says: "limit"),
    ]

    @Test("POST /api/drawings", arguments: cases)
    func refused(_ c: Case) async throws {
        let server = try await ServeFixture.server()
        try await ServeFixture.live(server) { client in
            let r = try await client.execute(uri: "/api/drawings", method: .post, headers: [.contentType: c.contentType],
                                             body: ByteBuffer(bytes: c.body))
            #expect(r.status == c.status)
            let message = ServeFixture.object(r)["error"] as? String ?? ""
            #expect(message.contains(c.says), "message: \(message)")
            #expect(try await client.execute(uri: "/healthz", method: .get).status == .ok, "the server still answers")
        }
        #expect(try await server.shared.store.count() == 0, "nothing stored")
    }

    @Test("POST /api/compare refuses other content types and images it cannot read")
    func compareRefuses() async throws {
        let server = try await ServeFixture.server()
        try await ServeFixture.live(server) { client in
            let text = try await client.execute(uri: "/api/compare", method: .post, headers: [.contentType: "text/plain"],
                                                body: ByteBuffer(string: "hi"))
            #expect(text.status == .unsupportedMediaType)
            let broken = try await client.execute(uri: "/api/compare", method: .post, headers: [.contentType: "image/png"],
                                                  body: ByteBuffer(bytes: [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]))
            #expect(broken.status == .unprocessableContent)
            #expect((ServeFixture.object(broken)["error"] as? String)?.isEmpty == false)
            let huge = try await client.execute(uri: "/api/compare", method: .post, headers: [.contentType: "image/jpeg"],
                                                body: ByteBuffer(repeating: 0xFF, count: Limits.imageBytes + 1))
            #expect(huge.status == .contentTooLarge)
        }
    }

    @Test("POST /api/compare reads a chart drawn on in a paint program, as compare --json does, and stores nothing")
    func comparesImage() async throws {
        let server = try await ServeFixture.server()
        let png = try Self.paintedChart()
        try await ServeFixture.live(server) { client in
            let r = try await client.execute(uri: "/api/compare", method: .post, headers: [.contentType: "image/png"], body: ByteBuffer(bytes: png))
            #expect(r.status == .ok)
            let answer = ServeFixture.object(r)
            let matches = try #require(answer["matches"] as? [[String: Any]])
            #expect(!matches.isEmpty)
            #expect(answer["disclaimer"] as? String != nil)
        }
        #expect(try await server.shared.store.count() == 0)
    }

    /// A blank posterior chart with a red band painted down the back of the right leg.
    static func paintedChart() throws -> [UInt8] {
        var request = ChartRequest(kind: .template, views: [.posterior])
        request.width = 1200
        let scene = try ChartBuilder.scene(request, atlas: ServeFixture.atlas)
        var image = try SceneRenderer.rasterize(scene)
        let panel = scene.panels[0]
        for y in stride(from: 900.0, through: 1600, by: 1) {
            for x in stride(from: 70.0, through: 115, by: 1) {
                let p = panel.toPixels(Point(x, y))
                let i = (Int(p.y) * image.width + Int(p.x)) * 4
                image.pixels[i] = 214; image.pixels[i + 1] = 39; image.pixels[i + 2] = 40; image.pixels[i + 3] = 255
            }
        }
        return try PNGCodec.encode(image, opaque: true, dpi: 150, metadata: [])
    }
}
