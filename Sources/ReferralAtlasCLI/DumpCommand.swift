import ArgumentParser
import AtlasModel
import Foundation

struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print a resolved body view (and optionally patterns placed on it) as JSON.")

    @OptionGroup var atlasOptions: AtlasOptions

    @Option(help: "posterior, anterior, lateral-right or lateral-left.")
    var view: ViewID

    func run() throws {
        try runReporting {
            let atlas = try atlasOptions.load()
            guard let body = atlas.view(view) else { throw CLIError.invalidInput("no \(view.rawValue) view") }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(body), as: UTF8.self))
        }
    }
}

extension ViewID: ExpressibleByArgument {}
