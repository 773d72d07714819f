import Foundation
import Hummingbird
import Testing
@testable import AtlasServe

/// A browser's cookie jar, as little as these tests need.
struct Jar {
    var cookies: [String: String] = [:]

    mutating func take(_ response: LoopbackResponse) {
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            cookies[String(pair[0])] = pair.count > 1 ? String(pair[1]) : ""
        }
    }

    var header: HTTPFields {
        [.cookie: cookies.filter { !$0.value.isEmpty }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")]
    }

    func form(_ fields: [String: String]) -> (HTTPFields, ByteBuffer) {
        var headers = header
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        return (headers, ByteBuffer(string: body))
    }
}

/// The value of `<input type="hidden" name="csrf" value="...">` on a page.
func csrf(in page: String) -> String? {
    guard let range = page.range(of: "name=\"csrf\" value=\"") else { return nil }
    return String(page[range.upperBound...].prefix { $0 != "\"" })
}

@Suite("Clinician pages")
struct ClinicTests {
    /// Signs in through the login form; returns the jar with the session cookie.
    static func signIn(_ client: LoopbackClient) async throws -> Jar {
        var jar = Jar()
        let login = try await client.execute(uri: "/clinic/login", method: .get)
        jar.take(login)
        let (headers, body) = jar.form(["token": ServeFixture.token, "csrf": try #require(csrf(in: ServeFixture.text(login)))])
        let signedIn = try await client.execute(uri: "/clinic/login", method: .post, headers: headers, body: body)
        #expect(signedIn.status == .seeOther)
        #expect(signedIn.headers[.location] == "/clinic")
        jar.take(signedIn)
        return jar
    }

    @Test("Every clinician page sends a stranger to the login page")
    func pagesNeedLogin() async throws {
        let server = try await ServeFixture.server()
        try await ServeFixture.live(server) { client in
            for uri in ["/clinic", "/clinic/settings", "/clinic/export.csv", "/clinic/export.json",
                        "/clinic/drawings/0123456789abcdef0123456789abcdef", "/clinic/drawings/0123456789abcdef0123456789abcdef/overlay.png"] {
                let r = try await client.execute(uri: uri, method: .get)
                #expect(r.status == .seeOther, "\(uri)")
                #expect(r.headers[.location] == "/clinic/login")
            }
            let forged = try await client.execute(uri: "/clinic/settings", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                  body: ByteBuffer(string: "retentionDays=1&chart=all"))
            #expect(forged.status == .seeOther)
        }
    }

    @Test("Signing in sets a Secure, HttpOnly, SameSite=Strict session cookie; signing out ends the session")
    func sessionCookie() async throws {
        let server = try await ServeFixture.server()
        try await ServeFixture.live(server) { client in
            var jar = Jar()
            let login = try await client.execute(uri: "/clinic/login", method: .get)
            jar.take(login)
            let (headers, body) = jar.form(["token": ServeFixture.token, "csrf": try #require(csrf(in: ServeFixture.text(login)))])
            let signedIn = try await client.execute(uri: "/clinic/login", method: .post, headers: headers, body: body)
            let cookie = try #require(signedIn.headers[values: .setCookie].first { $0.hasPrefix("ra_session=") })
            for attribute in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"] { #expect(cookie.contains(attribute), "\(cookie)") }
            jar.take(signedIn)
            let list = try await client.execute(uri: "/clinic", method: .get, headers: jar.header)
            #expect(list.status == .ok)
            let (outHeaders, outBody) = jar.form(["csrf": try #require(csrf(in: ServeFixture.text(list)))])
            #expect(try await client.execute(uri: "/clinic/logout", method: .post, headers: outHeaders, body: outBody).status == .seeOther)
            #expect(try await client.execute(uri: "/clinic", method: .get, headers: jar.header).status == .seeOther)
        }
    }

    @Test("Logins without the form's CSRF token are refused")
    func loginNeedsCSRF() async throws {
        let server = try await ServeFixture.server()
        try await ServeFixture.live(server) { client in
            let r = try await client.execute(uri: "/clinic/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                             body: ByteBuffer(string: "token=\(ServeFixture.token)&csrf=made-up"))
            #expect(r.status == .forbidden)
            #expect(!r.headers[values: .setCookie].contains { $0.hasPrefix("ra_session=") })
        }
    }

    @Test("Wrong tokens are throttled: after five failures even the right token waits (429)")
    func loginThrottled() async throws {
        let server = try await ServeFixture.server()
        try await ServeFixture.live(server) { client in
            var jar = Jar()
            for attempt in 0..<6 {
                let login = try await client.execute(uri: "/clinic/login", method: .get, headers: jar.header)
                jar.take(login)
                let token = attempt < 5 ? "wrong-token-\(attempt)" : ServeFixture.token
                let (headers, body) = jar.form(["token": token, "csrf": csrf(in: ServeFixture.text(login)) ?? ""])
                let r = try await client.execute(uri: "/clinic/login", method: .post, headers: headers, body: body)
                if attempt < 5 {
                    #expect(r.status == .unauthorized)
                } else {
                    #expect(r.status == .tooManyRequests)
                    #expect(r.headers[.retryAfter] != nil)
                }
            }
        }
    }

    @Test("The list, the detail with its overlay and ranking, the exports, and deleting with CSRF")
    func reviewAndDelete() async throws {
        let server = try await ServeFixture.server()
        try await ServeFixture.live(server) { client in
            let created = try await client.execute(uri: "/api/drawings", method: .post, headers: ServeFixture.json,
                                                   body: ServeFixture.drawingBody(code: "Q4-88"))
            let id = try #require(ServeFixture.object(created)["id"] as? String)
            let jar = try await Self.signIn(client)
            let list = ServeFixture.text(try await client.execute(uri: "/clinic", method: .get, headers: jar.header))
            #expect(list.contains("Q4-88") && list.contains("/clinic/drawings/\(id)"))
            let detail = try await client.execute(uri: "/clinic/drawings/\(id)", method: .get, headers: jar.header)
            let page = ServeFixture.text(detail)
            #expect(detail.status == .ok)
            #expect(page.contains("radicular-s1") && page.contains("overlay.png"))
            let overlay = try await client.execute(uri: "/clinic/drawings/\(id)/overlay.png", method: .get, headers: jar.header)
            #expect(overlay.status == .ok && overlay.headers[.contentType] == "image/png")
            #expect(Array(overlay.body.readableBytesView.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])

            let csv = ServeFixture.text(try await client.execute(uri: "/clinic/export.csv", method: .get, headers: jar.header))
            #expect(csv.hasPrefix(DrawingExport.csvColumns.joined(separator: ",")))
            #expect(csv.contains("\(id),Q4-88,"))
            let json = try await client.execute(uri: "/clinic/export.json", method: .get, headers: jar.header)
            let all = try #require(try JSONSerialization.jsonObject(with: Data(json.body.readableBytesView)) as? [[String: Any]])
            #expect(all.count == 1 && all[0]["comparison"] != nil)

            let (noCSRF, noCSRFBody) = jar.form(["csrf": "guess"])
            #expect(try await client.execute(uri: "/clinic/drawings/\(id)/delete", method: .post, headers: noCSRF, body: noCSRFBody).status == .forbidden)
            #expect(try await server.shared.store.count() == 1)
            let (headers, body) = jar.form(["csrf": try #require(csrf(in: page))])
            let deleted = try await client.execute(uri: "/clinic/drawings/\(id)/delete", method: .post, headers: headers, body: body)
            #expect(deleted.status == .seeOther)
            #expect(try await server.shared.store.count() == 0)
        }
    }

    @Test("Settings: retention deletes old drawings at once; a bad number is refused")
    func retention() async throws {
        let server = try await ServeFixture.server()
        let store = server.shared.store
        for (id, age) in [("a", 40.0), ("b", 2.0)] {
            try await store.insert(Submission(id: String(repeating: id, count: 32), receivedAt: Date().addingTimeInterval(-age * 86_400),
                                              code: "R1", chart: "all", strokes: "[]", comparison: "{}", extentPercent: 1,
                                              verdict: "referred", topMatches: "[]"))
        }
        try await ServeFixture.live(server) { client in
            let jar = try await Self.signIn(client)
            let settings = ServeFixture.text(try await client.execute(uri: "/clinic/settings", method: .get, headers: jar.header))
            let token = try #require(csrf(in: settings))
            let (badHeaders, badBody) = jar.form(["csrf": token, "retentionDays": "-3", "chart": "all"])
            #expect(try await client.execute(uri: "/clinic/settings", method: .post, headers: badHeaders, body: badBody).status == .unprocessableContent)
            let (headers, body) = jar.form(["csrf": token, "retentionDays": "30", "chart": "posterior", "patientSummary": "on"])
            #expect(try await client.execute(uri: "/clinic/settings", method: .post, headers: headers, body: body).status == .seeOther)
        }
        let left = try await store.submissions().map(\.id)
        #expect(left == [String(repeating: "b", count: 32)])
        let saved = try await ClinicSettings.load(store)
        #expect(saved == ClinicSettings(retentionDays: 30, patientSummary: true, chart: ChartChoice(name: "posterior")!))
    }
}
