import ArgumentParser
import AtlasModel
import AtlasRender

@main
struct ReferralAtlasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referral-atlas",
        abstract: "Draw trigger-point referral patterns and nerve-pain zones on body charts.",
        discussion: """
            An education and communication aid, not a diagnostic tool.
            Exit status: 0 success, 1 invalid input (atlas, files, options), 2 nothing to show.
            """,
        version: ReferralAtlasVersion.string,
        subcommands: [TemplateCommand.self, RenderCommand.self, CompareCommand.self, FigureCommand.self, HandoutCommand.self, ListCommand.self, ValidateCommand.self, DumpCommand.self, ServeCommand.self])
}
