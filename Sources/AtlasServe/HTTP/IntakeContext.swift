import Hummingbird
import NIOCore

/// Per-request state: where the request came from (for the login throttle, never logged)
/// and the clinician's session once authenticated.
struct IntakeContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?
    /// Set by `ClinicianAuth` for clinician routes.
    var clinician: Clinician?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Only JSON bodies are decoded through the context; each route collects its body with
    /// its own limit first.
    var maxUploadSize: Int { Limits.drawingBytes }

    /// The client's address without the port: the throttle's key.
    var clientKey: String { remoteAddress?.ipAddress ?? "unknown" }
}

/// Who is signed in, and how.
struct Clinician: Sendable {
    /// The session's CSRF token; nil for a bearer token (no forms, no cookies).
    let csrfToken: String?
    let sessionHash: String?
}
