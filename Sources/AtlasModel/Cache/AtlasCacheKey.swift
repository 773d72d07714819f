import Foundation

/// What a cache entry must match: this build of the tool, the atlas folder's path (source
/// locations in the model name it) and the path and bytes of every file in the folder.
struct AtlasCacheKey {
    /// Fingerprint of everything above.
    let contents: ContentHash
    /// Names the entry's file: one per atlas folder and build, replaced when files change.
    let entryName: String

    /// Nil when the build cannot be identified or the folder cannot be read: no caching then.
    init?(directory: URL) {
        guard let build = Self.buildIdentity else { return nil }
        let root = directory.standardizedFileURL.path
        let files = FileManager.default
        guard let paths = try? files.subpathsOfDirectory(atPath: root) else { return nil }

        var place = ContentHash()
        place.add(AtlasCache.formatVersion)
        place.add(build + "\u{0}" + root)
        var contents = place
        for relative in paths.sorted() {
            let path = (root as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            guard files.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }  // a broken link
            if isDirectory.boolValue { continue }
            guard let data = files.contents(atPath: path) else { return nil }
            contents.add(relative + "\u{0}")
            contents.add(UInt64(data.count))
            data.withUnsafeBytes { contents.add($0) }
        }
        self.contents = contents
        self.entryName = place.description
    }

    /// The running executable's device, inode, size and modification time: a rebuilt tool
    /// (whose loaders may read the same files differently) never reads an older build's entry.
    static let buildIdentity: String? = {
        #if os(Linux)
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        #else
        guard let path = Bundle.main.executablePath else { return nil }
        #endif
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? NSNumber,
              let modified = attributes[.modificationDate] as? Date else { return nil }
        let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        let device = (attributes[.systemNumber] as? NSNumber)?.uint64Value ?? 0
        return "\(path)|\(device)|\(inode)|\(size)|\(modified.timeIntervalSince1970.bitPattern)"
    }()
}
