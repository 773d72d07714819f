import Foundation
import Hummingbird

/// Responses the routes build, each with its content type.
enum Reply {
    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        text(page, contentType: "text/html; charset=utf-8", status: status)
    }

    static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        bytes(Array(text.utf8), contentType: contentType, status: status)
    }

    static func bytes(_ bytes: [UInt8], contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// JSON text already encoded (the comparison, as `compare --json` writes it).
    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        self.text(text, contentType: "application/json; charset=utf-8", status: status)
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return json(String(decoding: try encoder.encode(value), as: UTF8.self), status: status)
    }

    /// After a form: go to `location` with a GET.
    static func redirect(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}

/// A request the server refuses, with a message that says what to change. API routes answer
/// `{"error": MESSAGE}`; pages answer a short page.
struct ClientError: HTTPResponseError {
    let status: HTTPResponse.Status
    let message: String
    var page = false
    var headers = HTTPFields()

    init(_ status: HTTPResponse.Status, _ message: String, page: Bool = false) {
        self.status = status
        self.message = message
        self.page = page
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = page
            ? Reply.html(Layout.page(title: "\(status.code) \(status.reasonPhrase)", body: "<p class=\"error\">\(HTML.escape(message))</p>"),
                         status: status)
            : (try Reply.json(["error": message], status: status))
        response.headers.append(contentsOf: headers)
        return response
    }
}
