import AtlasModel
import Foundation

/// Where a command writes its file and in which format: one rule for every command.
/// - `-o FOLDER` (an existing folder, or a path ending in `/`): a file in it named after
///   what it shows (`gluteus-minimus-anterior-lateral-right.png`), in `--format` or the
///   command's usual format.
/// - `-o FILE.EXT`: the format the extension names (`.png`, `.jpg`/`.jpeg`, `.svg`, `.pdf`);
///   other extensions are refused, as is a `--format` that contradicts the name.
/// - `-o FILE` without an extension: only with `--format`.
public struct OutputPath: Sendable, Equatable {
    public let path: String
    public let format: OutputFormat

    public init(path: String, format: OutputFormat) {
        self.path = path
        self.format = format
    }

    /// - Parameters:
    ///   - name: the file name (no extension) used when `output` is a folder.
    ///   - fallback: the format when neither `--format` nor the name says.
    public static func resolve(_ output: String, format explicit: OutputFormat?, name: String,
                               fallback: OutputFormat) throws(InvalidOption) -> OutputPath {
        guard !output.isEmpty else { throw InvalidOption("-o needs a file or folder name") }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue || output.hasSuffix("/") {
            guard exists else { throw InvalidOption("\(output): no such folder") }
            let format = explicit ?? fallback
            let file = (output as NSString).appendingPathComponent("\(fileName(name)).\(format.fileExtension)")
            return OutputPath(path: file, format: format)
        }
        let ext = (output as NSString).pathExtension
        let format: OutputFormat
        if ext.isEmpty {
            guard let explicit else {
                throw InvalidOption("\(output): name the file \(OutputFormat.extensionList), or give --format")
            }
            format = explicit
        } else {
            guard let implied = OutputFormat(pathExtension: ext) else {
                throw InvalidOption("\(output): cannot write .\(ext) files; name the file \(OutputFormat.extensionList)")
            }
            if let explicit, explicit != implied {
                throw InvalidOption("--format \(explicit.rawValue) does not match the file name \(output)")
            }
            format = implied
        }
        let folder = (output as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw InvalidOption("\(output): the folder \(folder) does not exist")
            }
        }
        return OutputPath(path: output, format: format)
    }

    /// A name safe on every file system, and not so long that it is refused.
    static func fileName(_ name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_+.")
        let cleaned = String(name.map { allowed.contains($0) ? $0 : "-" }).trimmingCharacters(in: CharacterSet(charactersIn: ".-"))
        let short = cleaned.count > 120 ? String(cleaned.prefix(120)) : cleaned
        return short.isEmpty ? "picture" : short
    }
}
