import Foundation
import Testing

/// `dump` and `list --json` as a program reads them.
@Suite("dump and list output")
struct DumpAndListCommandTests {
    let cli = CommandLineTests()

    @Test func dumpPrintsTheViewAndEachPatternAsPlainJSON() throws {
        let result = try cli.run(["dump", "--view", "posterior", "sacroiliac-joint", "sciatic-nerve"])
        #expect(result.status == 0, "\(result.error)")
        #expect(!result.output.contains("\"_0\""), "no Swift-internal keys")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let view = try #require(json["view"] as? [String: Any])
        #expect(view["id"] as? String == "posterior")
        #expect((view["outline"] as? [[Double]])?.count ?? 0 > 100, "the outline is a flattened polyline")
        let patterns = try #require(json["patterns"] as? [[String: Any]])
        #expect(patterns.map { $0["id"] as? String } == ["sacroiliac-joint", "sciatic-nerve"])
        let zone = try #require((patterns[0]["zones"] as? [[String: Any]])?.first)
        #expect(zone["kind"] as? String == "essential")
        #expect((zone["points"] as? [[Double]])?.allSatisfy { $0.count == 2 } == true)
        let nerves = try #require(patterns[1]["nerves"] as? [[String: Any]])
        #expect(nerves.contains { $0["deep"] as? Bool == true } && nerves.contains { $0["calibre"] as? String == "branch" })
    }

    @Test func dumpRefusesAnUnknownPattern() throws {
        let result = try cli.run(["dump", "--view", "posterior", "facet-l4-l5"])
        #expect(result.status == 1)
        #expect(result.error.contains("unknown pattern 'facet-l4-l5'"), "\(result.error)")
        #expect(result.output.isEmpty, "nothing half-written")
    }

    /// `dump` takes the view names `render` takes: the plain chart words and the sole view.
    @Test(arguments: [("back", "posterior"), ("soles", "plantar"), ("plantar", "plantar"), ("LEFT", "lateral-left")])
    func dumpAcceptsEveryViewNameRenderAccepts(name: String, id: String) throws {
        let result = try cli.run(["dump", "--view", name, "radicular-s1"])
        #expect(result.status == 0, "dump --view \(name): \(result.error)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect((json["view"] as? [String: Any])?["id"] as? String == id)
    }

    @Test func dumpHelpDescribesWhatItPrints() throws {
        let help = try cli.run(["dump", "--help"]).output
        for phrase in ["zones", "trigger points", "nerve paths", "flattened", "<patterns>"] {
            #expect(help.contains(phrase), "dump --help does not mention \(phrase)")
        }
    }

    @Test func listJSONGivesFamilyViewsFidelityAndSources() throws {
        let result = try cli.run(["list", "--json"])
        #expect(result.status == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        let entrapment = try #require(entries.first { $0["id"] as? String == "sciatic-entrapment" })
        #expect(entrapment["family"] as? String == "entrapment")
        #expect((entrapment["views"] as? [String])?.contains("posterior") == true)
        #expect(entrapment["fidelity"] as? String == "verified")
        #expect((entrapment["sources"] as? [String])?.isEmpty == false)
        #expect(entries.contains { $0["id"] as? String == "hip-joint" && $0["family"] as? String == "articular" })
        #expect(entries.contains { $0["id"] as? String == "lumbar-disc" && $0["family"] as? String == "discogenic" })
        #expect(!entries.contains { ($0["id"] as? String)?.hasPrefix("facet-") == true })
    }
}

/// The plain `list` as a person reads it.
@Suite("list table")
struct ListTableTests {
    @Test func everyViewListIsShownWholeAndTheNamesLineUp() throws {
        let result = try CommandLineTests().run(["list"])
        #expect(result.status == 0, "\(result.error)")
        let json = try CommandLineTests().run(["list", "--json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]])
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == entries.count)
        var nameColumns: Set<Int> = []
        for (line, entry) in zip(lines, entries) {
            let views = (entry["views"] as? [String] ?? []).joined(separator: ",")
            let name = entry["name"] as? String ?? ""
            #expect(line.contains(" \(views) "), "views cut short in: \(line)")
            #expect(line.hasSuffix(name))
            nameColumns.insert(line.count - name.count)
        }
        #expect(nameColumns.count == 1, "the names start in one column")
    }
}
