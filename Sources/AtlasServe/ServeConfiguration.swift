import Foundation

/// How `referral-atlas serve` runs: where it listens and where it keeps its data.
public struct ServeConfiguration: Sendable {
    /// The address to listen on; the default keeps the server on this machine.
    public var host: String
    /// 0 picks a free port (the tests do).
    public var port: Int
    /// The folder holding the database (created if missing).
    public var dataDirectory: String
    /// Create a new clinician access token (printed once, stored hashed) before serving.
    public var createToken: Bool
    /// A clinician token given by the environment (`REFERRAL_ATLAS_TOKEN`); when set it is
    /// the only token accepted.
    public var environmentToken: String?

    public static let defaultHost = "127.0.0.1"
    public static let defaultPort = 8080
    public static let defaultDataDirectory = "intake"
    /// The environment variable that can carry the clinician token.
    public static let tokenVariable = "REFERRAL_ATLAS_TOKEN"

    public init(host: String = defaultHost, port: Int = defaultPort, dataDirectory: String = defaultDataDirectory,
                createToken: Bool = false, environmentToken: String? = nil) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.createToken = createToken
        self.environmentToken = environmentToken
    }

    /// Checks every option once, with a message that says what to change.
    public func validated() throws(ServeError) -> ServeConfiguration {
        guard (0...65535).contains(port) else { throw .invalidOption("--port must be between 1 and 65535 (0 picks a free one), not \(port)") }
        let trimmedHost = host.trimmingCharacters(in: .whitespaces)
        guard !trimmedHost.isEmpty, trimmedHost.allSatisfy({ $0.isLetter || $0.isNumber || ".-:".contains($0) }) else {
            throw .invalidOption("--host must be an address or a host name such as 127.0.0.1 or 0.0.0.0, not '\(host)'")
        }
        guard !dataDirectory.isEmpty else { throw .invalidOption("--data must name a folder") }
        if let token = environmentToken, token.count < AccessToken.minimumLength {
            throw .invalidOption("\(Self.tokenVariable) must be at least \(AccessToken.minimumLength) characters long")
        }
        var copy = self
        copy.host = trimmedHost
        return copy
    }

    /// True when only this machine can reach the server.
    public var isLoopback: Bool {
        ["127.0.0.1", "localhost", "::1"].contains(host.lowercased()) || host.hasPrefix("127.")
    }
}

/// Why the server cannot start.
public enum ServeError: Error, CustomStringConvertible, Sendable {
    case invalidOption(String)
    case database(path: String, message: String)
    case atlas(String)

    public var description: String {
        switch self {
        case .invalidOption(let message), .atlas(let message): message
        case .database(let path, let message): "\(path): \(message)"
        }
    }
}
