import Foundation

/// The validated atlas kept between runs, so that a script drawing one picture per process
/// does not parse and check some forty YAML files each time.
///
/// An entry is used only when it was written by this very build (the executable's identity)
/// for this atlas folder with exactly these file contents (a fingerprint of every file's
/// path and bytes). Anything else (an edited file, a new build, a truncated or damaged
/// entry) is a miss: the atlas is loaded and checked from its files, and cached again if it
/// is valid. A cache folder that cannot be written is simply not used.
public struct AtlasCache: Sendable {
    /// Set to anything but `0` or empty to turn the cache off (as `--no-cache` does).
    public static let disableKey = "REFERRAL_ATLAS_NO_CACHE"
    /// Changes whenever the cache's byte format changes.
    static let formatVersion: UInt64 = 1
    static let magic = Array("RATLAS\u{0}\u{1}".utf8)
    static let headerSize = magic.count + 16 + 8 + 16
    /// Entries kept in the folder (one per atlas folder and build); older ones are removed.
    static let entriesKept = 8

    /// Where entries are written.
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// `$XDG_CACHE_HOME/referral-atlas`, else `~/.cache/referral-atlas`; nil when the cache
    /// is turned off by `REFERRAL_ATLAS_NO_CACHE` or there is no home folder.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> AtlasCache? {
        if let off = environment[disableKey], !off.isEmpty, off != "0" { return nil }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return AtlasCache(folder: URL(fileURLWithPath: xdg).appendingPathComponent("referral-atlas"))
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return AtlasCache(folder: URL(fileURLWithPath: home).appendingPathComponent(".cache/referral-atlas"))
    }

    /// Where an atlas came from.
    public enum Source: Sendable, Equatable {
        case cache, files
    }

    /// The whole atlas, checked: from the cache when it holds this atlas, else loaded from
    /// its files, checked and cached.
    public func load(directory: URL) throws(AtlasError) -> Atlas {
        try loadReportingSource(directory: directory).atlas
    }

    public func loadReportingSource(directory: URL) throws(AtlasError) -> (atlas: Atlas, source: Source) {
        let key = AtlasCacheKey(directory: directory)
        if let key, let atlas = read(key) { return (atlas, .cache) }
        let atlas = try AtlasLoader.load(directory: directory)
        if let key { write(atlas, key: key) }
        return (atlas, .files)
    }

    /// What a picture of `patterns` needs: the cached atlas; on a miss, the whole atlas
    /// loaded, checked and cached when it is valid, else only these patterns as
    /// `AtlasLoader.load(directory:onlyPatterns:)` loads them (a problem in a file the
    /// picture does not need does not stop it).
    public func load(directory: URL, onlyPatterns patterns: [String]) throws(AtlasError) -> Atlas {
        let key = AtlasCacheKey(directory: directory)
        if let key, let atlas = read(key) { return atlas }
        let log = DiagnosticLog()
        if let atlas = AtlasLoader.load(directory: directory, log: log), log.isEmpty {
            if let key { write(atlas, key: key) }
            return atlas
        }
        return try AtlasLoader.load(directory: directory, onlyPatterns: patterns)
    }

    /// Loads and checks every file, whatever the cache holds, and caches the result.
    public func refresh(directory: URL) throws(AtlasError) -> Atlas {
        let atlas = try AtlasLoader.load(directory: directory)
        if let key = AtlasCacheKey(directory: directory) { write(atlas, key: key) }
        return atlas
    }

    // MARK: Entries

    func entryURL(_ key: AtlasCacheKey) -> URL {
        folder.appendingPathComponent("atlas-\(key.entryName).bin")
    }

    /// The cached atlas, or nil for a missing, stale, truncated or damaged entry.
    func read(_ key: AtlasCacheKey) -> Atlas? {
        guard let data = FileManager.default.contents(atPath: entryURL(key).path) else { return nil }
        let bytes = [UInt8](data)
        guard bytes.count >= Self.headerSize, Array(bytes[0..<Self.magic.count]) == Self.magic else { return nil }
        var offset = Self.magic.count
        guard Array(bytes[offset..<offset + 16]) == key.contents.bytes else { return nil }
        offset += 16
        let length = bytes[offset..<offset + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        offset += 8
        guard length == UInt64(bytes.count - Self.headerSize) else { return nil }
        let storedHash = Array(bytes[offset..<offset + 16])
        offset += 16
        let payload = Array(bytes[offset...])
        var hash = ContentHash()
        hash.add(payload)
        guard hash.bytes == storedHash else { return nil }
        return try? CompactDecoding.decode(Atlas.self, from: payload)
    }

    /// Writes the entry atomically (a reader sees the old entry or the new one, whole);
    /// failures are ignored: the cache is an optimisation.
    func write(_ atlas: Atlas, key: AtlasCacheKey) {
        guard let payload = try? CompactEncoder.encode(atlas) else { return }
        var hash = ContentHash()
        hash.add(payload)
        var bytes = Self.magic + key.contents.bytes
        withUnsafeBytes(of: UInt64(payload.count).littleEndian) { bytes += $0 }
        bytes += hash.bytes + payload
        let files = FileManager.default
        do {
            try files.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: entryURL(key), options: .atomic)
        } catch {
            return
        }
        pruneOldEntries()
    }

    /// Keeps the newest entries (each build and atlas folder writes its own).
    private func pruneOldEntries() {
        let files = FileManager.default
        guard let names = try? files.contentsOfDirectory(atPath: folder.path) else { return }
        let entries = names.filter { $0.hasPrefix("atlas-") && $0.hasSuffix(".bin") }.map { folder.appendingPathComponent($0).path }
        guard entries.count > Self.entriesKept else { return }
        let dated = entries.map { ($0, (try? files.attributesOfItem(atPath: $0)[.modificationDate] as? Date) ?? .distantPast) }
        for (path, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(Self.entriesKept) { try? files.removeItem(atPath: path) }
    }
}
