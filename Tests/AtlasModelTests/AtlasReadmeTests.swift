import Foundation
import Testing
@testable import AtlasModel

@Suite("Atlas documentation")
struct AtlasReadmeTests {
    /// The table of patterns in Atlas/README.md lists every pattern.
    @Test func readmeTableListsEveryPattern() throws {
        let readme = try String(contentsOf: TestAtlas.directory.appendingPathComponent("README.md"), encoding: .utf8)
        let atlas = try TestAtlas.load()
        for pattern in atlas.patterns {
            #expect(readme.contains("| \(pattern.id) |"), "Atlas/README.md does not list \(pattern.id); run `referral-atlas list --markdown`")
        }
    }
}
