import Foundation
import Hummingbird

extension Request {
    /// The body, refused with 413 past `limit` bytes (by its declared length before reading
    /// any of it, or while reading when no length is declared).
    func bytes(limit: Int, what: String) async throws -> [UInt8] {
        let tooLarge = ClientError(.contentTooLarge, "\(what) is larger than the limit of \(Self.size(limit))")
        // A little too much is read to its end (and dropped), so that a client that only
        // reads the answer after sending everything gets it; far too much is refused at once.
        let drainable = limit + Self.drainAllowance
        if let declared = headers[.contentLength].flatMap(Int.init), declared > drainable { throw tooLarge }
        var collected: [UInt8] = []
        var total = 0
        for try await chunk in body {
            total += chunk.readableBytes
            if total <= limit {
                collected.append(contentsOf: chunk.readableBytesView)
            } else if total > drainable {
                throw tooLarge
            }
        }
        guard total <= limit else { throw tooLarge }
        return collected
    }

    /// How far past its limit a body is still read to its end before the 413.
    static let drainAllowance = 8 << 20

    /// The media type without parameters, lowercased ("application/json").
    var mediaType: String? {
        headers[.contentType].map { $0.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased() }
    }

    /// Refuses the request with 415 unless it carries one of `accepted`.
    func requireMediaType(_ accepted: [String]) throws(ClientError) -> String {
        guard let type = mediaType, accepted.contains(type) else {
            let sent = mediaType.map { "Content-Type \($0)" } ?? "no Content-Type"
            throw ClientError(.unsupportedMediaType, "this takes \(accepted.joined(separator: " or ")), not \(sent)")
        }
        return type
    }

    /// A form's fields (application/x-www-form-urlencoded), each name once.
    func form() async throws -> [String: String] {
        _ = try requireMediaType(["application/x-www-form-urlencoded"])
        let text = String(decoding: try await bytes(limit: Limits.formBytes, what: "the form"), as: UTF8.self)
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            fields[decoded(parts[0])] = parts.count > 1 ? decoded(parts[1]) : ""
        }
        return fields
    }

    private static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes >> 10) KB"
    }
}
