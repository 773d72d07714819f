import ArgumentParser
import AtlasModel
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check every atlas file; print problems as file:line:column: message.")

    @OptionGroup var atlasOptions: AtlasOptions

    func run() throws {
        try runReporting {
            let directory = try atlasOptions.directory()
            let problems = AtlasLoader.validate(directory: directory)
            for problem in problems {
                FileHandle.standardError.write(Data("\(problem)\n".utf8))
            }
            if !problems.isEmpty {
                FileHandle.standardError.write(Data("\(problems.count) problem\(problems.count == 1 ? "" : "s") found\n".utf8))
                throw ExitCode(1)
            }
            let atlas = try atlasOptions.load()
            print("\(directory.path): valid (\(atlas.views.count) views, \(atlas.patterns.count) patterns, \(atlas.dermatomeMaps.count) dermatome maps)")
        }
    }
}
