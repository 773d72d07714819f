import ArgumentParser
import AtlasModel
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List every pattern.")

    @OptionGroup var atlasOptions: AtlasOptions

    @Option(help: "Dermatome map whose roots are listed: classic or evidence-based.")
    var dermatomeMap: DermatomeMapID = .evidenceBased

    @Flag(help: "JSON for programs: an array of {id, name, family, views, fidelity, sources}.")
    var json = false

    @Flag(help: "A Markdown table with sources and fidelity (the table in Atlas/README.md).")
    var markdown = false

    struct Entry: Encodable {
        var id: String
        var name: String
        var family: String
        var views: [String]
        var fidelity: String
        var sources: [String]
    }

    func run() throws {
        try runReporting {
            let atlas = try atlasOptions.load()
            let entries = atlas.allPatterns(dermatomeMap: dermatomeMap).map {
                Entry(id: $0.id, name: $0.name, family: $0.family.rawValue, views: $0.views.map(\.rawValue), fidelity: $0.fidelity.rawValue,
                      sources: $0.sources)
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(entries), as: UTF8.self))
                return
            }
            if markdown {
                print("| id | name | family | views | fidelity | sources |")
                print("|---|---|---|---|---|---|")
                for pattern in atlas.allPatterns(dermatomeMap: dermatomeMap) {
                    let note = pattern.fidelityNote.map { ": \($0)" } ?? ""
                    let cells = [pattern.id, pattern.name, pattern.family.rawValue, pattern.views.map(\.rawValue).joined(separator: ", "),
                                 pattern.fidelity.rawValue + note, pattern.sources.joined(separator: "; ")]
                    print("| " + cells.map { $0.replacingOccurrences(of: "|", with: "/") }.joined(separator: " | ") + " |")
                }
                return
            }
            let idWidth = entries.map(\.id.count).max() ?? 2
            for e in entries {
                let pad = String(repeating: " ", count: idWidth - e.id.count + 2)
                print("\(e.id)\(pad)\(e.family.padding(toLength: 11, withPad: " ", startingAt: 0)) \(e.views.joined(separator: ",").padding(toLength: 27, withPad: " ", startingAt: 0)) \(e.name)")
            }
        }
    }
}
