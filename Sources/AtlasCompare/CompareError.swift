/// Why a drawing could not be compared, with a message a user can act on.
public enum CompareError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be read or decoded (not a PNG, truncated, too large...).
    case unreadable(file: String, message: String)
    /// The image does not look like a ReferralAtlas body chart.
    case notAChart(file: String, message: String)
    /// The chart was found but nothing is drawn on the body.
    case noMarks(file: String, message: String)
    /// An output (overlay, table) cannot be written.
    case cannotWrite(file: String, message: String)
    /// Drawing an internal picture (masks, overlay) failed.
    case internalFailure(String)
    /// An option's value is not one of its choices.
    case badOption(String)

    /// The message, naming the file.
    public var description: String {
        switch self {
        case .unreadable(let file, let message), .notAChart(let file, let message), .noMarks(let file, let message),
             .cannotWrite(let file, let message):
            "\(file): \(message)"
        case .internalFailure(let message), .badOption(let message):
            message
        }
    }

    /// True when the input was fine but gives nothing to rank (exit status 2 in the CLI).
    public var isNoResult: Bool {
        switch self {
        case .notAChart, .noMarks: true
        case .unreadable, .cannotWrite, .internalFailure, .badOption: false
        }
    }
}
