import CCrypto
import Foundation

/// Random secrets and their hashes. Tokens and session ids are 256 and 128 random bits, so
/// a plain SHA-256 hash is enough to store them: there is nothing to guess by brute force.
enum AccessToken {
    static let minimumLength = 16
    static let settingKey = "accessTokenHash"

    /// A new clinician token: 32 random bytes, URL-safe base64.
    static func generate() -> String { randomString(bytes: 32) }

    /// `bytes` random bytes from the system's secure generator, URL-safe base64 without padding.
    static func randomString(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// A random 128-bit id as 32 hex digits: submissions' ids cannot be guessed or counted.
    static func randomID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in String(format: "%02x", UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// SHA-256 of the secret's UTF-8 bytes, as 64 hex digits.
    static func hash(_ secret: String) -> String {
        let bytes = Array(secret.utf8)
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = EVP_Digest(bytes, bytes.count, &digest, &length, EVP_sha256(), nil)
        // EVP_Digest fails only when libcrypto cannot allocate: a fresh random value then
        // matches no stored hash, so nothing is let in.
        guard ok == 1, length == 32 else { return "unhashed-" + randomID() }
        return digest.prefix(Int(length)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two strings in time that does not depend on where they differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}

/// The one clinician token the server accepts: from the environment, or the hash stored by
/// `serve --init`.
struct TokenCheck: Sendable {
    let expectedHash: String

    func accepts(_ token: String) -> Bool {
        AccessToken.constantTimeEqual(AccessToken.hash(token), expectedHash)
    }
}
