import AtlasModel
@testable import AtlasRender
import Foundation
import Testing

/// Review 2040 item 6: a handout's "What you may feel" lines are claims to a patient, so each
/// pattern file says above its list which stored source supports each line, and the lines the
/// review found unsourced (and that were dropped) do not come back.
@Suite("Feel lines are sourced")
struct FeelSourceTests {
    static let atlas = try! RenderTestAtlas.load()

    /// Phrases no source in clinical-facts.md or its addendum supports.
    static let unsourced = ["lying on that side", "limping after sitting", "disturbed sleep", "knees bent",
                            "coughing", "restless", "uphill", "after walking", "long walks",
                            "not the painful part", "without much hip pain", "tripping", "low seat"]

    @Test func noDroppedClaimReturns() {
        for pattern in Self.atlas.patterns {
            for line in pattern.feel + [pattern.description] {
                for phrase in Self.unsourced {
                    #expect(!line.contains(phrase), "\(pattern.id): '\(line)' says '\(phrase)', which no stored source supports")
                }
            }
        }
    }

    /// Every pattern file with a feel list cites its sources for it in a "# Feelings:" comment
    /// right above the list.
    @Test func everyFeelListSaysWhereItComesFrom() throws {
        let root = try #require(AtlasLocator.bundledAtlas())
        var checked = 0
        for folder in ["muscles", "joints", "nerves"] {
            let dir = root.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where file.hasSuffix(".yaml") {
                let lines = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
                    .components(separatedBy: "\n")
                guard let feel = lines.firstIndex(of: "feel:") else { continue }
                let comment = lines[..<feel].reversed().prefix { $0.hasPrefix("#") }
                #expect(comment.contains { $0.hasPrefix("# Feelings:") }, "\(folder)/\(file): no '# Feelings:' source note above its list")
                checked += 1
            }
        }
        #expect(checked >= 20)
    }
}
