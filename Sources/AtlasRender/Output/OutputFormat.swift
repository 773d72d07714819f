/// The file formats every picture can be written in.
public enum OutputFormat: String, Sendable, CaseIterable {
    case png, svg, pdf
    /// For blogs and e-mail; written at quality 90 (`.jpg` or `.jpeg`).
    case jpeg

    /// The format a file name implies, if any.
    public init?(pathExtension: String) {
        let ext = pathExtension.lowercased()
        self.init(rawValue: ext == "jpg" ? "jpeg" : ext)
    }

    /// The extension a file of this format is given.
    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    /// Pixels rather than a page of vectors.
    public var isRaster: Bool { self == .png || self == .jpeg }

    /// The formats `render --all` writes for each pattern and figure.
    public static let published: [OutputFormat] = [.png, .svg, .pdf]

    /// Every extension a file name may have, for messages.
    public static let extensionList = ".png, .jpg, .svg or .pdf"
}
