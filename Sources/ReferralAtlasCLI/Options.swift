import ArgumentParser
import AtlasModel
import AtlasRender
import Foundation

/// `--atlas DIR`, shared by every command.
struct AtlasOptions: ParsableArguments {
    @Option(name: .long, help: "Atlas folder (default: the bundled atlas).")
    var atlas: String?

    func directory() throws -> URL {
        if let atlas { return URL(fileURLWithPath: atlas) }
        guard let bundled = AtlasLocator.bundledAtlas() else {
            throw CLIError.invalidInput("cannot find the bundled atlas; pass --atlas DIR or set \(AtlasLocator.environmentKey)")
        }
        return bundled
    }

    func load() throws -> Atlas {
        let url = try directory()
        do {
            return try AtlasLoader.load(directory: url)
        } catch {
            throw CLIError.invalidInput(error.description)
        }
    }
}

/// `--style NAME|FILE`: a style of the atlas (`default`, `print-greyscale`) or a style file.
struct StyleOptions: ParsableArguments {
    @Option(help: "A style of the atlas (default, print-greyscale) or a style file.")
    var style: String?

    func resolve(_ atlas: Atlas) throws -> Style {
        guard let style else { return atlas.style() ?? Style() }
        if let named = atlas.style(style) { return named }
        guard FileManager.default.fileExists(atPath: style) else {
            let names = atlas.styles.keys.sorted().joined(separator: ", ")
            throw CLIError.invalidInput("no style '\(style)' in the atlas (styles: \(names)) and no such file")
        }
        do {
            return try AtlasLoader.loadStyle(file: style)
        } catch {
            throw CLIError.invalidInput(error.description)
        }
    }
}

/// `--format`, `--dpi` and `-o`, shared by the commands that write one picture.
struct PictureOutputOptions: ParsableArguments {
    @Option(help: "png, svg or pdf (default: from the file name).")
    var format: OutputFormat?

    @Option(help: "Resolution written into PNG files, in dots per inch.")
    var dpi: Double = 150

    @Option(name: .shortAndLong, help: "Output file.")
    var output: String

    /// The format to write, refusing paths that would overwrite the atlas.
    func checkedFormat(atlas: AtlasOptions) throws -> OutputFormat {
        try refuseOverwritingInputs(output, atlas: try atlas.directory())
        return try resolveFormat(format, path: output)
    }
}

/// Which views to draw: one, or `all`.
enum ViewChoice: String, ExpressibleByArgument, CaseIterable {
    case posterior, anterior
    case lateralRight = "lateral-right"
    case lateralLeft = "lateral-left"
    case backFront = "back-front"
    case all

    var views: [ViewID] {
        switch self {
        case .all: ChartSheet.fourViews
        case .backFront: ChartSheet.backFront
        default: [ViewID(rawValue: rawValue)!]
        }
    }
}

enum SideChoice: String, ExpressibleByArgument, CaseIterable {
    case left, right, both

    var sides: [Side] {
        switch self {
        case .left: [.left]
        case .right: [.right]
        case .both: [.right, .left]
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension DermatomeMapID: ExpressibleByArgument {}

/// The format from `--format`, else from the file name, else PNG.
func resolveFormat(_ explicit: OutputFormat?, path: String, fallback: OutputFormat = .png) throws -> OutputFormat {
    let ext = (path as NSString).pathExtension
    if let explicit {
        if let implied = OutputFormat(pathExtension: ext), implied != explicit {
            throw CLIError.invalidInput("--format \(explicit.rawValue) does not match the file name \(path)")
        }
        return explicit
    }
    return OutputFormat(pathExtension: ext) ?? fallback
}

/// Refuses an output path that is one of the tool's inputs (an atlas file, a drawing).
func refuseOverwritingInputs(_ output: String, atlas: URL?, inputs: [String] = []) throws {
    let target = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
    for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == target {
        throw CLIError.invalidInput("\(output) is an input file; choose another output path")
    }
    if let atlas {
        let folder = atlas.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        if target.hasPrefix(folder) {
            throw CLIError.invalidInput("\(output) is inside the atlas folder \(atlas.path); write outputs elsewhere")
        }
    }
}

/// Errors the CLI reports with an exit status (1 invalid input, 2 no result).
enum CLIError: Error, CustomStringConvertible {
    case invalidInput(String)
    case noResult(String)

    var description: String {
        switch self {
        case .invalidInput(let m), .noResult(let m): m
        }
    }
}

/// Prints the error to stderr and exits with the documented status.
func runReporting(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as CLIError {
        FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
        switch error {
        case .invalidInput: throw ExitCode(1)
        case .noResult: throw ExitCode(2)
        }
    } catch let error as RenderError {
        FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
        throw ExitCode(1)
    }
}
