import ArgumentParser
import AtlasModel
import AtlasRender

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write a blank body chart for a patient to draw on, to print or to draw on screen.",
        discussion: """
            The chart is a page at true scale (check the 5 cm bar after printing at 100%), with \
            four corner marks and a code that `compare` reads back from a scan or a phone photo: \
            which views and paper it is, so `compare` needs no flags.
            Example: referral-atlas template --paper letter -o chart.pdf
            """)

    @OptionGroup var atlasOptions: AtlasOptions
    @OptionGroup var styleOptions: StyleOptions

    @Option(help: "posterior, anterior, lateral-right, lateral-left, back-front (two large bodies, upright) or all (four views, landscape).")
    var view: ViewChoice = .all

    @Option(help: "The paper: a4 or letter.")
    var paper: Paper = .a4

    @Option(help: "Width in pixels (default: the page at --dpi).")
    var width: Int?

    @OptionGroup var outputOptions: PictureOutputOptions

    func run() throws {
        try runReporting {
            let atlas = try atlasOptions.load()
            let format = try outputOptions.checkedFormat(atlas: atlasOptions)
            guard outputOptions.dpi >= 30, outputOptions.dpi <= 1200 else {
                throw CLIError.invalidInput("--dpi must be between 30 and 1200, not \(outputOptions.dpi)")
            }
            var request = ChartRequest(kind: .template, views: view.views)
            request.paper = paper
            let sheet = ChartSheet(views: view.views, paper: paper)
            request.width = width ?? Int((sheet.pageWidth / 25.4 * outputOptions.dpi).rounded())
            request.style = try styleOptions.resolve(atlas)
            try Exporter.write(request, atlas: atlas, format: format, to: outputOptions.output)
        }
    }
}
