import ArgumentParser
import AtlasModel
import AtlasRender
import Foundation

struct FigureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figure",
        abstract: "Render a declarative multi-panel figure (Atlas/figures/NAME.yaml or a file).")

    @OptionGroup var atlasOptions: AtlasOptions
    @OptionGroup var styleOptions: StyleOptions

    @Argument(help: "A figure id from the atlas, or the path of a figure file.")
    var figure: String

    @Option(help: "Width in pixels, 200 to 16000 (default: the figure's own).")
    var width: Int?

    @OptionGroup var outputOptions: PictureOutputOptions

    func run() throws {
        try runReporting {
            let width = try checkedWidth(width)
            let dpi = try outputOptions.checkedDPI(default: 150)
            let atlas = try atlasOptions.load()
            let chosen: Figure
            if let known = atlas.figure(figure) {
                chosen = known
            } else if FileManager.default.fileExists(atPath: figure) {
                do {
                    chosen = try AtlasLoader.loadFigure(file: figure, atlas: atlas)
                } catch let error as AtlasError {
                    throw CLIError.invalidInput(error.description)
                }
            } else {
                let ids = atlas.figures.map(\.id)
                let hint = Suggestions.hint(for: figure, among: ids)
                throw CLIError.invalidInput("no figure '\(figure)' in the atlas and no such file\(hint) (figures: \(ids.joined(separator: ", ")))")
            }
            let target = try outputOptions.target(name: chosen.id, atlas: atlasOptions)
            let scene = try FigureBuilder.scene(chosen, width: width, dpi: dpi, style: try styleOptions.resolve(atlas), atlas: atlas)
            try Exporter.write(scene, format: target.format, to: target.path)
            print(target.path)
        }
    }
}
