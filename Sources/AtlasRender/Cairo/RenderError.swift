/// Errors from drawing and encoding, with a message a user can act on.
public enum RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Cairo reported a failure status.
    case cairo(String)
    /// libpng could not encode or decode.
    case png(String)
    /// libjpeg could not decode or encode.
    case jpeg(String)
    /// The bytes are no image this library reads: empty, or neither PNG nor JPEG.
    case imageFormat(String)
    /// A file could not be written or read.
    case io(path: String, message: String)
    /// A request that cannot be drawn (too large, nothing to show, ...).
    case invalidRequest(String)

    public var description: String {
        switch self {
        case .cairo(let m): "drawing failed: \(m)"
        case .png(let m): "PNG: \(m)"
        case .jpeg(let m): "JPEG: \(m)"
        case .imageFormat(let m): m
        case .io(let path, let m): "\(path): \(m)"
        case .invalidRequest(let m): m
        }
    }
}
