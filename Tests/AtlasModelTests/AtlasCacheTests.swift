import Foundation
import Testing
@testable import AtlasModel

@Suite("The compiled-atlas cache")
struct AtlasCacheTests {
    /// A cache in a fresh temporary folder.
    private func freshCache() -> AtlasCache {
        AtlasCache(folder: FileManager.default.temporaryDirectory.appendingPathComponent("atlas-cache-test-\(UUID().uuidString)"))
    }

    private func entries(of cache: AtlasCache) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: cache.folder.path).filter { $0.hasSuffix(".bin") }
            .map { cache.folder.appendingPathComponent($0) }
    }

    @Test func theWholeAtlasSurvivesTheCompactFormat() throws {
        let atlas = try TestAtlas.load()
        let bytes = try CompactEncoder.encode(atlas)
        let decoded = try CompactDecoding.decode(Atlas.self, from: bytes)
        #expect(decoded == atlas)
        #expect(!decoded.patterns.isEmpty && !decoded.figures.isEmpty && !decoded.anatomy.views.isEmpty)
    }

    @Test func optionalsEnumsWithPayloadsAndDictionariesRoundTrip() throws {
        struct Sample: Codable, Equatable {
            enum Shape: Codable, Equatable { case dot, segment(Point, Point), label(text: String, size: Int?) }
            var name: String?
            var shapes: [Shape]
            var byName: [String: [Double]]
            var byView: [ViewID: Int8]
            var nested: [[Point]]
            var maybe: [Point?]
            var big: UInt64
            var negative: Int
        }
        let sample = Sample(name: nil, shapes: [.dot, .segment(Point(1, 2), Point(-3, 4.5)), .label(text: "é", size: nil)],
                            byName: ["a": [1, -0.0, .infinity], "": []], byView: [.posterior: -128, .plantar: 127],
                            nested: [[], [Point(0, 0)]], maybe: [nil, Point(5, 6)], big: .max, negative: .min)
        let decoded = try CompactDecoding.decode(Sample.self, from: try CompactEncoder.encode(sample))
        #expect(decoded == sample)
    }

    @Test func aSecondLoadComesFromTheCacheAndEqualsTheFiles() throws {
        let cache = freshCache()
        let first = try cache.loadReportingSource(directory: TestAtlas.directory)
        let second = try cache.loadReportingSource(directory: TestAtlas.directory)
        #expect(first.source == .files)
        #expect(second.source == .cache)
        #expect(second.atlas == first.atlas)
        #expect(try entries(of: cache).count == 1)
    }

    @Test func changingAFileGivesTheNewAtlas() throws {
        let directory = try TestAtlas.copy()
        let cache = freshCache()
        let before = try cache.load(directory: directory)
        try TestAtlas.edit(directory, "atlas.yaml", replacing: "name:", with: "name: Edited")
        let after = try cache.loadReportingSource(directory: directory)
        #expect(after.source == .files)
        #expect(after.atlas.name.hasPrefix("Edited"))
        #expect(before.name != after.atlas.name)
        // A new file counts too, even one the loader does not read.
        try TestAtlas.write(directory, "notes.txt", "x")
        #expect(try cache.loadReportingSource(directory: directory).source == .files)
        #expect(try cache.loadReportingSource(directory: directory).source == .cache)
    }

    @Test func anAtlasWithProblemsIsNeverCached() throws {
        let directory = try TestAtlas.copy()
        try TestAtlas.edit(directory, "atlas.yaml", replacing: "version:", with: "versio:")
        let cache = freshCache()
        #expect(throws: AtlasError.self) { try cache.load(directory: directory) }
        #expect((try? entries(of: cache))?.isEmpty ?? true)
    }

    @Test(arguments: ["garbage", "truncated", "flipped", "empty"])
    func aDamagedEntryIsRebuilt(_ damage: String) throws {
        let cache = freshCache()
        let original = try cache.load(directory: TestAtlas.directory)
        let entry = try #require(try entries(of: cache).first)
        var bytes = [UInt8](try Data(contentsOf: entry))
        switch damage {
        case "garbage": bytes = (0..<bytes.count).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }
        case "truncated": bytes = Array(bytes.prefix(bytes.count / 2))
        case "flipped": bytes[bytes.count * 2 / 3] ^= 0x10
        default: bytes = []
        }
        try Data(bytes).write(to: entry)
        let reloaded = try cache.loadReportingSource(directory: TestAtlas.directory)
        #expect(reloaded.source == .files)
        #expect(reloaded.atlas == original)
        #expect(try cache.loadReportingSource(directory: TestAtlas.directory).source == .cache)
    }

    @Test func theDecoderThrowsOnDamagedBytesWithoutTrapping() throws {
        let bytes = try CompactEncoder.encode(try TestAtlas.load())
        // Every prefix length class and a sweep of single-byte changes: each either decodes
        // or throws; none may trap.
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 97)) {
            _ = try? CompactDecoding.decode(Atlas.self, from: Array(bytes.prefix(length)))
        }
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 61)) {
            var damaged = bytes
            damaged[position] = ~damaged[position]
            _ = try? CompactDecoding.decode(Atlas.self, from: damaged)
        }
    }

    @Test(arguments: ["file in the way", "unwritable"])
    func anUnusableCacheFolderStillLoads(_ kind: String) throws {
        let folder: URL
        if kind == "file in the way" {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-cache-file-\(UUID().uuidString)")
            try Data("not a folder".utf8).write(to: file)
            folder = file.appendingPathComponent("referral-atlas")
        } else {
            folder = URL(fileURLWithPath: "/proc/referral-atlas-cache")  // not even root may create this
        }
        let cache = AtlasCache(folder: folder)
        let first = try cache.loadReportingSource(directory: TestAtlas.directory)
        let second = try cache.loadReportingSource(directory: TestAtlas.directory)
        #expect(first.source == .files && second.source == .files)
        #expect(first.atlas == second.atlas)
    }

    @Test func theEnvironmentChoosesOrDisablesTheCache() {
        #expect(AtlasCache.standard(environment: ["HOME": "/home/a"])?.folder.path == "/home/a/.cache/referral-atlas")
        #expect(AtlasCache.standard(environment: ["HOME": "/home/a", "XDG_CACHE_HOME": "/c"])?.folder.path == "/c/referral-atlas")
        #expect(AtlasCache.standard(environment: ["HOME": "/home/a", "XDG_CACHE_HOME": "relative"])?.folder.path == "/home/a/.cache/referral-atlas")
        #expect(AtlasCache.standard(environment: ["HOME": "/home/a", AtlasCache.disableKey: "1"]) == nil)
        #expect(AtlasCache.standard(environment: ["HOME": "/home/a", AtlasCache.disableKey: "0"]) != nil)
        #expect(AtlasCache.standard(environment: [:]) == nil)
    }

    @Test func aPictureOfSomePatternsStillWorksWhenAnotherFileIsBroken() throws {
        let directory = try TestAtlas.copy()
        try TestAtlas.write(directory, "figures/broken.yaml", "id: [unclosed")
        let cache = freshCache()
        let atlas = try cache.load(directory: directory, onlyPatterns: ["gluteus-minimus-anterior"])
        #expect(atlas.pattern("gluteus-minimus-anterior") != nil)
        #expect((try? entries(of: cache))?.isEmpty ?? true)
    }

    @Test func jobsAreCheckedByTheLibrary() throws {
        #expect(throws: InvalidOption.self) { try Limits.jobs.check(0) }
        #expect(throws: InvalidOption.self) { try Limits.jobs.check(-2) }
        #expect(throws: InvalidOption.self) { try Limits.jobs.check(100_000) }
        #expect(try Limits.jobs.check(2) == 2)
    }
}
