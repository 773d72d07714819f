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

    @Option(help: "Width in pixels (default: the figure's own).")
    var width: Int?

    @OptionGroup var outputOptions: PictureOutputOptions

    func run() throws {
        try runReporting {
            let atlas = try atlasOptions.load()
            let format = try outputOptions.checkedFormat(atlas: atlasOptions)
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
                let names = atlas.figures.map(\.id).joined(separator: ", ")
                throw CLIError.invalidInput("no figure '\(figure)' in the atlas and no such file (figures: \(names))")
            }
            let scene = try FigureBuilder.scene(chosen, width: width, dpi: outputOptions.dpi, style: try styleOptions.resolve(atlas), atlas: atlas)
            try Exporter.write(scene, format: format, to: outputOptions.output)
        }
    }
}
