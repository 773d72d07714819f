import ArgumentParser
import AtlasModel
import AtlasRender

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write a blank body chart for a patient to draw on.")

    @OptionGroup var atlasOptions: AtlasOptions
    @OptionGroup var styleOptions: StyleOptions

    @Option(help: "posterior, anterior, lateral-right, lateral-left or all.")
    var view: ViewChoice = .all

    @Option(help: "Width in pixels (PNG) or of the page layout.")
    var width: Int?

    @Option(help: "png, svg or pdf (default: from the file name).")
    var format: OutputFormat?

    @Option(help: "Resolution written into PNG files, in dots per inch.")
    var dpi: Double = 150

    @Option(name: .shortAndLong, help: "Output file.")
    var output: String

    func run() throws {
        try runReporting {
            let atlas = try atlasOptions.load()
            try refuseOverwritingInputs(output, atlas: try atlasOptions.directory())
            var request = ChartRequest(kind: .template, views: view.views)
            request.width = width ?? (view == .all ? 2400 : 1200)
            request.dpi = dpi
            request.style = try styleOptions.resolve(atlas)
            try Exporter.write(request, atlas: atlas, format: try resolveFormat(format, path: output), to: output)
        }
    }
}
