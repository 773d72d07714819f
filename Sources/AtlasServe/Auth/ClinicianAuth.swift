import Foundation
import Hummingbird

/// Lets a request through to clinician routes only with the access token
/// (`Authorization: Bearer TOKEN`) or a live login session cookie. Pages send everyone else
/// to the login page; the API answers 401.
struct ClinicianAuth: RouterMiddleware {
    typealias Context = IntakeContext
    let sessions: SessionKeeper
    let tokens: TokenCheck
    /// Wrong bearer tokens count as failed sign-ins, so the API is no way round the throttle.
    let throttle: LoginThrottle
    /// True for pages (redirect to the login), false for the API (401).
    let redirects: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization] {
            if let wait = await throttle.retryAfter(client: context.clientKey) {
                var error = ClientError(.tooManyRequests, "too many wrong tokens; try again in \(wait / 60 + 1) minutes")
                error.headers[.retryAfter] = String(wait)
                throw error
            }
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer", tokens.accepts(String(parts[1])) else {
                await throttle.recordFailure(client: context.clientKey)
                throw refusal
            }
            context.clinician = Clinician(csrfToken: nil, sessionHash: nil)
            return try await next(request, context)
        }
        guard let session = try await sessions.session(for: request) else {
            if redirects { return Reply.redirect("/clinic/login") }
            throw refusal
        }
        // The API's changes take the token only: they carry no CSRF token, so a session
        // cookie alone must not be enough.
        if !redirects, request.method != .get, request.method != .head { throw refusal }
        context.clinician = session
        return try await next(request, context)
    }

    private var refusal: ClientError {
        var error = ClientError(.unauthorized, "sign in first: send Authorization: Bearer TOKEN (the clinician token), or log in at /clinic/login")
        error.headers[.wwwAuthenticate] = "Bearer realm=\"referral-atlas\""
        return error
    }
}

/// Login sessions: a random cookie whose hash is stored with its CSRF token and expiry.
struct SessionKeeper: Sendable {
    static let cookieName = "ra_session"
    static let lifetime: TimeInterval = 8 * 3600
    let store: IntakeStore

    func session(for request: Request) async throws -> Clinician? {
        guard let value = request.cookies[Self.cookieName]?.value, !value.isEmpty, value.count <= 64 else { return nil }
        let hash = AccessToken.hash(value)
        guard let row = try await store.session(tokenHash: hash) else { return nil }
        return Clinician(csrfToken: row.csrfToken, sessionHash: hash)
    }

    /// Starts a session; returns the cookie to set.
    func start() async throws -> Cookie {
        let value = AccessToken.randomString(bytes: 16)
        try await store.insertSession(SessionRow(tokenHash: AccessToken.hash(value), csrfToken: AccessToken.randomString(bytes: 16),
                                                 expiresAt: Date().addingTimeInterval(Self.lifetime)))
        return Self.cookie(value, maxAge: Int(Self.lifetime))
    }

    func end(_ clinician: Clinician) async throws -> Cookie {
        if let hash = clinician.sessionHash { try await store.deleteSession(tokenHash: hash) }
        return Self.cookie("", maxAge: 0)
    }

    /// Secure (sent over HTTPS only; browsers also keep it for http://localhost), HttpOnly
    /// (no script reads it) and SameSite=Strict (no other site's page sends it).
    static func cookie(_ value: String, maxAge: Int, name: String = cookieName) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: true, httpOnly: true, sameSite: .strict)
    }
}
