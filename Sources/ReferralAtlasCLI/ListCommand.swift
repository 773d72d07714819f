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
            for line in Self.table(entries) { print(line) }
        }
    }

    /// The plain listing: id, family and views in columns as wide as their longest entry,
    /// then the name.
    static func table(_ entries: [Entry]) -> [String] {
        let rows = entries.map { [$0.id, $0.family, $0.views.joined(separator: ",")] }
        let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return zip(rows, entries).map { row, entry in
            zip(row, widths).map { $0.padding(toLength: $1 + 2, withPad: " ", startingAt: 0) }.joined() + entry.name
        }
    }
}
