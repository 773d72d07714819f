/// The file formats every picture can be written in.
public enum OutputFormat: String, Sendable, CaseIterable {
    case png, svg, pdf

    /// The format a file name implies, if any.
    public init?(pathExtension: String) {
        self.init(rawValue: pathExtension.lowercased())
    }
}
