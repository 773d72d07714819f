import Foundation
import Testing
@testable import AtlasModel

/// The bundled atlas, and scratch copies of it for tests that break files on purpose.
enum TestAtlas {
    static var directory: URL { AtlasLocator.bundledAtlas()! }

    static func load() throws -> Atlas { try AtlasLoader.load(directory: directory) }

    /// A fresh copy of the bundled atlas in a temporary folder.
    static func copy() throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("atlas-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: directory, to: target)
        return target
    }

    /// Replaces the first occurrence of `old` with `new` in one file of a copy.
    static func edit(_ atlas: URL, _ relative: String, replacing old: String, with new: String) throws {
        let url = atlas.appendingPathComponent(relative)
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let range = text.range(of: old) else { throw EditError.notFound(old) }
        try text.replacingCharacters(in: range, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    /// Writes a whole file into a copy.
    static func write(_ atlas: URL, _ relative: String, _ text: String) throws {
        let url = atlas.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// The 1-based line of the first line containing `needle` in a file.
    static func line(of needle: String, in atlas: URL, _ relative: String) throws -> Int {
        let text = try String(contentsOf: atlas.appendingPathComponent(relative), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains(needle) }) else { throw EditError.notFound(needle) }
        return index + 1
    }

    enum EditError: Error { case notFound(String) }
}

extension Atlas {
    /// A landmark of `view` in the side frame; a missing one fails the test with its name.
    func sideLandmark(_ name: String, _ view: ViewID, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Point {
        try #require(self.view(view)?.sideFrameLandmarks[name], "landmark \(name)", sourceLocation: sourceLocation)
    }
}
