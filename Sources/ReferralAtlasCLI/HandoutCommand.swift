import ArgumentParser
import AtlasModel
import AtlasRender

extension Paper: ExpressibleByArgument {}

struct HandoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout",
        abstract: "Write a one-page patient handout for one or more patterns (PDF or PNG).",
        discussion: "Example: referral-atlas handout gluteus-minimus-posterior --clinic \"Back Care Clinic, 01234 567890\" -o minimus.pdf")

    @OptionGroup var atlasOptions: AtlasOptions
    @OptionGroup var styleOptions: StyleOptions

    @Argument(help: "Pattern ids (see `referral-atlas list`).")
    var patterns: [String]

    @Option(help: "a4 or letter.")
    var paper: Paper = .a4

    @Option(help: "pdf, png or svg (default: from the file name). PNG is 300 dpi.")
    var format: OutputFormat?

    @Option(help: "The clinic's name and phone number, printed at the foot.")
    var clinic: String?

    @Option(help: "Language of the text (a file Atlas/text/LANG.yaml).")
    var lang: String = "en"

    @Option(help: "The patient's side the pattern is drawn on: left or right.")
    var side: Side = .right

    @Option(name: .shortAndLong, help: "Output file.")
    var output: String

    func run() throws {
        try runReporting {
            let atlas = try atlasOptions.load()
            try refuseOverwritingInputs(output, atlas: try atlasOptions.directory())
            guard !patterns.isEmpty else { throw CLIError.invalidInput("name at least one pattern") }
            guard let phrases = atlas.phrasebook(lang) else {
                throw CLIError.invalidInput("no text for language '\(lang)' (have: \(atlas.phrasebooks.keys.sorted().joined(separator: ", ")))")
            }
            var request = HandoutRequest(patterns: try patterns.map { id in
                guard let pattern = atlas.pattern(id) else { throw CLIError.invalidInput("unknown pattern '\(id)'; `referral-atlas list` shows them all") }
                return pattern
            })
            request.paper = paper
            request.clinic = clinic
            request.side = side
            request.style = try styleOptions.resolve(atlas)
            request.phrases = phrases
            let fileFormat = try resolveFormat(format, path: output, fallback: .pdf)
            try Exporter.write(try HandoutBuilder.scene(request, atlas: atlas), format: fileFormat, to: output)
        }
    }
}

extension Side: ExpressibleByArgument {}
