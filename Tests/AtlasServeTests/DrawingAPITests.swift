import Foundation
import Hummingbird
import Testing
@testable import AtlasServe

@Suite("Drawing API")
struct DrawingAPITests {
    @Test("A drawing is stored and compared: 201 with a random id, then listed and read back by a clinician")
    func storesAndReadsBack() async throws {
        let server = try await ServeFixture.server()
        try await ServeFixture.live(server) { client in
            let created = try await client.execute(uri: "/api/drawings", method: .post, headers: ServeFixture.json,
                                                   body: ServeFixture.drawingBody(code: "K7-2Q"))
            #expect(created.status == .created)
            let answer = ServeFixture.object(created)
            let id = try #require(answer["id"] as? String)
            #expect(id.count == 32 && id.allSatisfy(\.isHexDigit))
            let comparison = try #require(answer["comparison"] as? [String: Any])
            let matches = try #require(comparison["matches"] as? [[String: Any]])
            let top = matches.prefix(5).compactMap { $0["id"] as? String }
            #expect(top.contains("radicular-s1"), "S1 should be among the top five for a band down the back of the leg: \(top)")
            #expect((comparison["registration"] as? [String: Any])?["method"] as? String == "strokes")
            // The patient's words: plain sentences without the clinician's figures or the intake code.
            let plain = try #require(answer["patientSummary"] as? String)
            #expect(plain.contains("not a diagnosis") && !plain.contains("%") && !plain.contains("K7-2Q"), "\(plain)")

            let list = try await client.execute(uri: "/api/drawings", method: .get, headers: ServeFixture.bearer)
            #expect(list.status == .ok)
            let listed = try #require(try JSONSerialization.jsonObject(with: Data(list.body.readableBytesView)) as? [[String: Any]])
            #expect(listed.map { $0["id"] as? String } == [id])
            #expect(listed.first?["code"] as? String == "K7-2Q")

            let one = try await client.execute(uri: "/api/drawings/\(id)", method: .get, headers: ServeFixture.bearer)
            #expect(one.status == .ok)
            let full = ServeFixture.object(one)
            #expect((full["strokes"] as? [Any])?.count == 1)
            #expect((full["comparison"] as? [String: Any])?["matches"] != nil)
        }
    }

    @Test("Two drawings never share an id")
    func idsDiffer() async throws {
        let server = try await ServeFixture.server()
        try await ServeFixture.live(server) { client in
            var ids: Set<String> = []
            for _ in 0..<3 {
                let r = try await client.execute(uri: "/api/drawings", method: .post, headers: ServeFixture.json, body: ServeFixture.drawingBody())
                ids.insert(try #require(ServeFixture.object(r)["id"] as? String))
            }
            #expect(ids.count == 3)
        }
    }

    @Test("Stored drawings need the clinician token: 401 without it or with a wrong one")
    func readingNeedsToken() async throws {
        let server = try await ServeFixture.server()
        try await ServeFixture.live(server) { client in
            for headers: HTTPFields in [[:], [.authorization: "Bearer wrong-token-0000000000"], [.authorization: "Basic abc"]] {
                for uri in ["/api/drawings", "/api/drawings/0123456789abcdef0123456789abcdef"] {
                    let r = try await client.execute(uri: uri, method: .get, headers: headers)
                    #expect(r.status == .unauthorized, "\(uri) with \(headers)")
                    #expect(r.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                }
            }
            let delete = try await client.execute(uri: "/api/drawings/0123456789abcdef0123456789abcdef", method: .delete)
            #expect(delete.status == .unauthorized)
        }
    }

    @Test("Guessing the bearer token is throttled like the sign-in: after five wrong tokens even the right one waits (429)")
    func bearerThrottled() async throws {
        let server = try await ServeFixture.server()
        try await ServeFixture.live(server) { client in
            for attempt in 0..<5 {
                let r = try await client.execute(uri: "/api/drawings", method: .get, headers: [.authorization: "Bearer wrong-token-\(attempt)-000000"])
                #expect(r.status == .unauthorized)
            }
            let r = try await client.execute(uri: "/api/drawings", method: .get, headers: ServeFixture.bearer)
            #expect(r.status == .tooManyRequests)
            #expect(r.headers[.retryAfter] != nil)
        }
    }

    @Test("A clinician deletes a drawing through the API; it is gone")
    func deletes() async throws {
        let server = try await ServeFixture.server()
        try await ServeFixture.live(server) { client in
            let created = try await client.execute(uri: "/api/drawings", method: .post, headers: ServeFixture.json, body: ServeFixture.drawingBody())
            let id = try #require(ServeFixture.object(created)["id"] as? String)
            #expect(try await client.execute(uri: "/api/drawings/\(id)", method: .delete, headers: ServeFixture.bearer).status == .noContent)
            #expect(try await client.execute(uri: "/api/drawings/\(id)", method: .get, headers: ServeFixture.bearer).status == .notFound)
            #expect(try await client.execute(uri: "/api/drawings/not-an-id", method: .get, headers: ServeFixture.bearer).status == .notFound)
        }
    }

    @Test("Health, the API description and security headers")
    func healthAndHeaders() async throws {
        let server = try await ServeFixture.server()
        try await ServeFixture.live(server) { client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.status == .ok)
            #expect(ServeFixture.object(health)["status"] as? String == "ok")
            let spec = try await client.execute(uri: "/openapi.yaml", method: .get)
            #expect(spec.status == .ok)
            let yaml = ServeFixture.text(spec)
            for path in ["/healthz:", "/api/compare:", "/api/drawings:", "/api/drawings/{id}:"] { #expect(yaml.contains("  \(path)")) }
            for uri in ["/", "/healthz", "/openapi.yaml", "/clinic/login", "/static/patient.js"] {
                let r = try await client.execute(uri: uri, method: .get)
                let policy = try #require(r.headers[.contentSecurityPolicy], "\(uri) has no Content-Security-Policy")
                #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"))
                #expect(r.headers[.xContentTypeOptions] == "nosniff")
            }
        }
    }

    @Test("The patient page has no inline script, asks for no name, and draws on the renderer's SVG")
    func patientPage() async throws {
        let server = try await ServeFixture.server()
        try await ServeFixture.live(server) { client in
            let page = ServeFixture.text(try await client.execute(uri: "/", method: .get))
            let scripts = page.components(separatedBy: "<script").dropFirst()
            #expect(!scripts.isEmpty)
            #expect(scripts.allSatisfy { $0.hasPrefix(" src=\"/static/") }, "every script is a file")
            #expect(!page.contains("style=\""), "no inline styles (the policy forbids them)")
            #expect(page.contains("id=\"code\""))
            #expect(!page.lowercased().contains("name=\"name\"") && !page.lowercased().contains("date of birth"))
            for view in ["posterior", "anterior"] {
                #expect(page.contains("data-view=\"\(view)\""))
                let svg = try await client.execute(uri: "/chart/\(view).svg", method: .get)
                #expect(svg.status == .ok)
                #expect(svg.headers[.contentType] == "image/svg+xml")
                #expect(ServeFixture.text(svg).contains("<svg"))
            }
            #expect(try await client.execute(uri: "/chart/nothing.svg", method: .get).status == .notFound)
            let css = ServeFixture.text(try await client.execute(uri: "/static/style.css", method: .get))
            #expect(css.contains("touch-action: none"))
        }
    }
}
