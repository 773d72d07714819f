import ArgumentParser
import AtlasModel
import AtlasRender
import Foundation

/// `--atlas DIR`, shared by every command.
struct AtlasOptions: ParsableArguments {
    @Option(name: .long, help: "Atlas folder (default: $REFERRAL_ATLAS_DIR, else the bundled atlas).")
    var atlas: String?

    @Flag(help: "Read the atlas files even when a compiled copy is cached (also: REFERRAL_ATLAS_NO_CACHE=1).")
    var noCache = false

    /// The compiled-atlas cache, unless turned off.
    var cache: AtlasCache? { noCache ? nil : AtlasCache.standard() }

    func directory() throws -> URL {
        if let atlas { return URL(fileURLWithPath: atlas) }
        if let problem = AtlasLocator.environmentProblem() { throw CLIError.invalidInput(problem) }
        guard let bundled = AtlasLocator.bundledAtlas() else {
            throw CLIError.invalidInput("cannot find the bundled atlas; pass --atlas DIR or set \(AtlasLocator.environmentKey)")
        }
        return bundled
    }

    /// The whole atlas, checked (from the cache when it holds these very files; `refresh`
    /// reads and checks every file whatever the cache holds).
    func load(refresh: Bool = false) throws -> Atlas {
        let url = try directory()
        do {
            guard let cache else { return try AtlasLoader.load(directory: url) }
            return refresh ? try cache.refresh(directory: url) : try cache.load(directory: url)
        } catch {
            throw CLIError.invalidInput(error.description)
        }
    }

    /// Only the body views, styles, text and these patterns (the whole atlas when a name is
    /// not a pattern file): what a picture of a few patterns needs, read in a fraction of
    /// the time. `validate` and `render --all` load everything.
    func load(onlyPatterns ids: [String]) throws -> Atlas {
        let url = try directory()
        do {
            if let cache { return try cache.load(directory: url, onlyPatterns: ids) }
            return try AtlasLoader.load(directory: url, onlyPatterns: ids)
        } catch {
            throw CLIError.invalidInput(error.description)
        }
    }
}

/// `--style NAME|FILE`: a style of the atlas (`default`, `print-greyscale`) or a style file.
struct StyleOptions: ParsableArguments {
    @Option(help: "A style of the atlas (default, print-greyscale) or a style file.")
    var style: String?

    @Flag(help: "Leave out the bones and muscles drawn under the zones.")
    var noAnatomy = false

    func resolve(_ atlas: Atlas) throws -> Style {
        var chosen = try resolveNamed(atlas)
        if noAnatomy { chosen.anatomy.show = false }
        return chosen
    }

    private func resolveNamed(_ atlas: Atlas) throws -> Style {
        guard let style else { return atlas.style() ?? Style() }
        if let named = atlas.style(style) { return named }
        guard FileManager.default.fileExists(atPath: style) else {
            let names = atlas.styles.keys.sorted()
            throw CLIError.invalidInput("no style '\(style)' in the atlas and no such file\(Suggestions.hint(for: style, among: names)) (styles: \(names.joined(separator: ", ")))")
        }
        do {
            return try AtlasLoader.loadStyle(file: style)
        } catch {
            throw CLIError.invalidInput(error.description)
        }
    }
}

/// `--format`, `--dpi` and `-o`, shared by every command that writes a picture or a page.
/// The numbers are checked by the library's limits (`Limits`), the path by `OutputPath`.
struct PictureOutputOptions: ParsableArguments {
    @Option(help: "png, jpg, svg or pdf (default: from the file name).")
    var format: OutputFormat?

    @Option(help: "Resolution in dots per inch, 30 to 1200 (PNG and JPEG pixels; the page size of SVG and PDF).")
    var dpi: Double?

    @Option(name: .shortAndLong, help: "Output file (.png, .jpg, .svg or .pdf), or a folder: the file is then named after what it shows.")
    var output: String

    /// `--dpi`, checked, or the command's usual resolution.
    func checkedDPI(default value: Double) throws -> Double {
        try Limits.dpi.check(dpi ?? value)
    }

    /// The file to write and its format, refusing paths inside the atlas. `name` names the
    /// file when `-o` is a folder.
    func target(name: String, fallback: OutputFormat = .png, atlas: AtlasOptions) throws -> OutputPath {
        let target = try OutputPath.resolve(output, format: format, name: name, fallback: fallback)
        try refuseOverwritingInputs(target.path, atlas: try atlas.directory())
        return target
    }
}

/// `--width`, checked by the library's limit (nil: the command's default).
func checkedWidth(_ width: Int?) throws -> Int? {
    try width.map { try Limits.width.check($0) }
}

/// Which views to draw: one (by id or plain name: back, front, right, left), `back-front`, or `all`.
struct ViewChoice: ExpressibleByArgument, Equatable {
    var views: [ViewID]
    var isAll: Bool

    init?(argument: String) {
        if argument.lowercased() == "all" {
            views = ViewID.allCases; isAll = true
        } else if argument.lowercased() == "back-front" {
            views = ChartSheet.backFront; isAll = false
        } else if let view = ViewID(named: argument) {
            views = [view]; isAll = false
        } else {
            return nil
        }
    }

    static let all = ViewChoice(argument: "all")!

    var defaultValueDescription: String { isAll ? "all" : views.map(\.rawValue).joined(separator: ",") }
    static var allValueStrings: [String] { ViewID.acceptedNames + ["back-front", "all"] }

    /// Parses `--view`, suggesting the nearest name for a slip (a usage error, status 64).
    static func parse(_ argument: String) throws -> ViewChoice {
        guard let choice = ViewChoice(argument: argument) else {
            let hint = Suggestions.hint(for: argument, among: allValueStrings)
            throw ValidationError("unknown view '\(argument)'\(hint); views: \(allValueStrings.joined(separator: ", "))")
        }
        return choice
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

extension OutputFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(pathExtension: argument) }
    public static var allValueStrings: [String] { ["png", "jpg", "svg", "pdf"] }
}
extension DermatomeMapID: ExpressibleByArgument {}
extension BodyRegion: ExpressibleByArgument {}

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

/// The pattern `id` names, or an error suggesting the nearest ids.
func lookUpPattern(_ id: String, in atlas: Atlas, dermatomeMap: DermatomeMapID = .evidenceBased) throws -> Pattern {
    if let pattern = atlas.pattern(id, dermatomeMap: dermatomeMap) { return pattern }
    let hint = Suggestions.hint(for: id, among: atlas.allPatterns(dermatomeMap: dermatomeMap).map(\.id))
    throw CLIError.invalidInput("unknown pattern '\(id)'\(hint); `referral-atlas list` shows them all")
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
    } catch let error as InvalidOption {
        FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
        throw ExitCode(1)
    } catch let error as RenderError {
        FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
        throw ExitCode(1)
    }
}
