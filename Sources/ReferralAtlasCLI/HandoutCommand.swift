import ArgumentParser
import AtlasModel
import AtlasRender

extension Paper: ExpressibleByArgument {}

struct HandoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout",
        abstract: "Write a patient handout for one or more patterns (PDF, PNG, JPEG or SVG; PNG at 300 dpi).",
        discussion: "Example: referral-atlas handout gluteus-minimus-posterior --clinic \"Back Care Clinic, 01234 567890\" -o minimus.pdf")

    @OptionGroup var atlasOptions: AtlasOptions
    @OptionGroup var styleOptions: StyleOptions

    @Argument(help: "Pattern ids (see `referral-atlas list`).")
    var patterns: [String]

    @Option(help: "a4 or letter.")
    var paper: Paper = .a4

    @Option(help: "The clinic's name and phone number, printed at the foot.")
    var clinic: String?

    @Option(help: "Language of the text (a file Atlas/text/LANG.yaml).")
    var lang: String = "en"

    @Option(help: "The patient's side the pattern is drawn on: left or right.")
    var side: Side = .right

    @OptionGroup var outputOptions: PictureOutputOptions

    func run() throws {
        try runReporting {
            let dpi = try outputOptions.checkedDPI(default: 300)
            guard !patterns.isEmpty else { throw CLIError.invalidInput("name at least one pattern") }
            let name = "handout-" + patterns.joined(separator: "+") + (paper == .a4 ? "" : "-\(paper.rawValue)")
            let target = try outputOptions.target(name: name, fallback: .pdf, atlas: atlasOptions)
            let atlas = try atlasOptions.load(onlyPatterns: patterns)
            guard let phrases = atlas.phrasebook(lang) else {
                let languages = atlas.phrasebooks.keys.sorted()
                throw CLIError.invalidInput("no text for language '\(lang)'\(Suggestions.hint(for: lang, among: languages)) (have: \(languages.joined(separator: ", ")))")
            }
            var request = HandoutRequest(patterns: try patterns.map { try lookUpPattern($0, in: atlas) })
            request.paper = paper
            request.dpi = dpi
            request.clinic = clinic
            request.side = side
            request.style = try styleOptions.resolve(atlas)
            request.phrases = phrases
            try AtomicFile.write(try PageRenderer.render(try HandoutBuilder.pages(request, atlas: atlas), as: target.format), to: target.path)
            print(target.path)
        }
    }
}

extension Side: ExpressibleByArgument {}
