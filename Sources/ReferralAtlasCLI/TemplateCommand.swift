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

    @OptionGroup var outputOptions: PictureOutputOptions

    func run() throws {
        try runReporting {
            let atlas = try atlasOptions.load()
            let format = try outputOptions.checkedFormat(atlas: atlasOptions)
            var request = ChartRequest(kind: .template, views: view.views)
            request.width = width ?? (view == .all ? 2400 : 1200)
            request.dpi = outputOptions.dpi
            request.style = try styleOptions.resolve(atlas)
            try Exporter.write(request, atlas: atlas, format: format, to: outputOptions.output)
        }
    }
}
