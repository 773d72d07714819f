import Foundation

/// Loads and validates a whole atlas folder. Every problem in every file is reported.
public enum AtlasLoader {
    /// Files larger than this are refused before parsing.
    public static let maximumFileBytes = 1 << 20

    public static func load(directory: URL) throws(AtlasError) -> Atlas {
        let log = DiagnosticLog()
        let atlas = load(directory: directory, log: log)
        guard log.isEmpty, let atlas else { throw AtlasError(log.diagnostics) }
        return atlas
    }

    /// Only what a picture of `patterns` needs: `atlas.yaml`, the body views, styles, text
    /// and the named patterns with the parts they include; no other pattern, no dermatome
    /// map, no figure. A tool drawing one pattern reads a handful of files instead of all.
    /// When a name is not a pattern file, or the files read have problems, the whole atlas
    /// is loaded instead, so unknown names and errors are reported against everything.
    public static func load(directory: URL, onlyPatterns wanted: [String]) throws(AtlasError) -> Atlas {
        let log = DiagnosticLog()
        if let atlas = load(directory: directory, log: log, selection: Set(wanted)), log.isEmpty { return atlas }
        return try load(directory: directory)
    }

    /// Loads what it can; problems go to `log`. With a `selection`, only those patterns (and
    /// their parts), or nil if one is not a pattern file.
    static func load(directory: URL, log: DiagnosticLog, selection: Set<String>? = nil) -> Atlas? {
        let base = directory.path
        func display(_ relative: String) -> String { (base as NSString).appendingPathComponent(relative) }

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: base, isDirectory: &isDirectory), isDirectory.boolValue else {
            log.report(SourceLocation(file: base, line: 1, column: 1), "no atlas folder here")
            return nil
        }

        // atlas.yaml: name and version.
        var version = "0", name = "ReferralAtlas"
        if let root = parse(display("atlas.yaml"), log: log), let map = root.mapping(log) {
            map.check(required: ["name", "version"], in: "atlas.yaml", log)
            name = map["name"]?.string(log) ?? name
            version = map["version"]?.string(log) ?? version
        }

        // Body views.
        var files: [ViewID: BodyFile] = [:]
        for path in yamlFiles(in: "body", base: base) {
            guard let root = parse(display(path), log: log), let file = BodyLoader.read(root, log: log) else { continue }
            if files[file.view] != nil {
                log.report(file.location, "a second file for the \(file.view.rawValue) view")
                continue
            }
            files[file.view] = file
        }
        var views: [ViewID: BodyView] = [:]
        for (id, file) in files {
            if let source = file.mirrorOf {
                guard let original = files[source], original.mirrorOf == nil, !original.symmetric else {
                    log.report(file.location, "'mirror-of: \(source.rawValue)' must name a lateral view defined in its own file")
                    continue
                }
                views[id] = BodyLoader.build(original, as: id, label: file.label, mirroring: true)
            } else {
                views[id] = BodyLoader.build(file, as: id, label: file.label, mirroring: false)
            }
        }
        for id in ViewID.allCases where files[id] == nil {
            log.report(SourceLocation(file: display("body"), line: 1, column: 1), "no file defines the \(id.rawValue) view")
        }
        let landmarks: PatternLoader.Landmarks = [
            .posterior: files[.posterior]?.landmarks ?? [:],
            .anterior: files[.anterior]?.landmarks ?? [:],
            .lateral: files[.lateralRight]?.landmarks ?? [:],
            .plantar: files[.plantar]?.landmarks ?? [:],
        ]

        // Patterns.
        var patterns: [Pattern] = []
        var firstDefinition: [String: SourceLocation] = [:]
        if let selection {
            guard let selected = selectedPatterns(selection, base: base, landmarks: landmarks, log: log) else { return nil }
            patterns = selected
        }
        for folder in ["muscles", "joints", "nerves"] where selection == nil {
            for path in yamlFiles(in: folder, base: base) {
                guard let root = parse(display(path), log: log),
                      let pattern = PatternLoader.read(root, landmarks: landmarks, log: log) else { continue }
                if let first = firstDefinition[pattern.id] {
                    log.report(pattern.location, "duplicate pattern id '\(pattern.id)' (first defined at \(first))")
                    continue
                }
                firstDefinition[pattern.id] = pattern.location
                patterns.append(pattern)
            }
        }
        patterns = CompositeResolver.resolve(patterns, log: log).sorted { $0.id < $1.id }

        // Dermatome maps.
        var maps: [DermatomeMapID: DermatomeMap] = [:]
        for path in yamlFiles(in: "dermatomes", base: base) where selection == nil {
            guard let root = parse(display(path), log: log),
                  let map = DermatomeLoader.read(root, landmarks: landmarks, log: log) else { continue }
            if maps[map.id] != nil {
                log.report(root.location, "a second file for the \(map.id.rawValue) dermatome map")
                continue
            }
            for pattern in map.patterns where firstDefinition[pattern.id] != nil {
                log.report(pattern.location, "dermatome id '\(pattern.id)' is also a pattern id")
            }
            maps[map.id] = map
        }

        // Figures name patterns (dermatomes from the evidence-based map unless a figure says
        // otherwise through the pattern ids it lists).
        let known = figurePatterns(patterns: patterns, maps: maps)
        var figures: [Figure] = []
        for path in yamlFiles(in: "figures", base: base) where selection == nil {
            guard let root = parse(display(path), log: log),
                  let figure = FigureLoader.read(root, patterns: known, landmarks: landmarks, log: log) else { continue }
            if figures.contains(where: { $0.id == figure.id }) {
                log.report(figure.location, "duplicate figure id '\(figure.id)'")
                continue
            }
            figures.append(figure)
        }

        var styles: [String: Style] = [:]
        for path in yamlFiles(in: "styles", base: base) {
            guard let root = parse(display(path), log: log), let (styleName, style) = StyleLoader.read(root, log: log) else { continue }
            if styles[styleName] != nil {
                log.report(root.location, "duplicate style name '\(styleName)'")
                continue
            }
            styles[styleName] = style
        }

        var phrasebooks: [String: Phrasebook] = [:]
        let ids = Set(known.keys)
        for path in yamlFiles(in: "text", base: base) {
            guard let root = parse(display(path), log: log),
                  let book = PhrasebookLoader.read(root, patternIDs: selection == nil ? ids : nil, log: log) else { continue }
            phrasebooks[book.language] = book
        }

        // Muscles name the patterns they cause; with a selection, every pattern file counts
        // (its id is its file name), so that the selection does not make them unknown.
        let patternIDs = selection == nil ? Set(patterns.map(\.id)) : Set(["muscles", "joints", "nerves"].flatMap {
            yamlFiles(in: $0, base: base).map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
        })
        let anatomy = AnatomyLoader.load(paths: yamlFiles(in: "anatomy", base: base).map(display), landmarks: landmarks,
                                         patternIDs: patternIDs, log: log)

        // The whole-body views are required; the sole view is optional.
        guard ViewID.allCases.allSatisfy({ views[$0] != nil }) else { return nil }
        return Atlas(version: version, name: name, views: views, patterns: patterns, dermatomeMaps: maps,
                     figures: figures.sorted { $0.id < $1.id }, styles: styles, phrasebooks: phrasebooks, anatomy: anatomy)
    }

    /// The patterns named (files `muscles|joints|nerves/ID.yaml`) and every pattern they
    /// include, or nil when one is not such a file.
    static func selectedPatterns(_ ids: Set<String>, base: String, landmarks: PatternLoader.Landmarks, log: DiagnosticLog) -> [Pattern]? {
        var queue = Array(ids).sorted(), seen = Set<String>(), patterns: [Pattern] = []
        while let id = queue.popLast() {
            guard seen.insert(id).inserted else { continue }
            guard isValidName(id),
                  let path = ["muscles", "joints", "nerves"].map({ (base as NSString).appendingPathComponent("\($0)/\(id).yaml") })
                    .first(where: { FileManager.default.fileExists(atPath: $0) }),
                  let root = parse(path, log: log),
                  let pattern = PatternLoader.read(root, landmarks: landmarks, log: log), pattern.id == id else { return nil }
            patterns.append(pattern)
            queue += pattern.includes
        }
        return patterns
    }

    /// The ids a figure may name. Dermatomes: plain ids are the evidence-based map;
    /// `-classic` / `-evidence-based` suffixes pick a map explicitly.
    static func figurePatterns(patterns: [Pattern], maps: [DermatomeMapID: DermatomeMap]) -> [String: Pattern] {
        var known = Dictionary(patterns.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for map in [DermatomeMapID.classic, .evidenceBased] {
            for pattern in maps[map]?.patterns ?? [] {
                known["\(pattern.id)-\(map.rawValue)"] = pattern
                if map == .evidenceBased { known[pattern.id] = pattern }
            }
        }
        return known
    }

    /// A figure file from outside the atlas, checked against the loaded atlas.
    public static func loadFigure(file: String, atlas: Atlas) throws(AtlasError) -> Figure {
        let log = DiagnosticLog()
        let known = figurePatterns(patterns: atlas.patterns, maps: atlas.dermatomeMaps)
        let landmarks: PatternLoader.Landmarks = [
            .posterior: atlas.view(.posterior)?.sideFrameLandmarks ?? [:],
            .anterior: atlas.view(.anterior)?.sideFrameLandmarks ?? [:],
            .lateral: atlas.view(.lateralRight)?.sideFrameLandmarks ?? [:],
            .plantar: atlas.view(.plantar)?.sideFrameLandmarks ?? [:],
        ]
        let figure = parse(file, log: log).flatMap { FigureLoader.read($0, patterns: known, landmarks: landmarks, log: log) }
        guard log.isEmpty, let figure else { throw AtlasError(log.diagnostics) }
        return figure
    }

    /// Relative paths of the `.yaml` files in a subfolder, sorted for stable output.
    static func yamlFiles(in folder: String, base: String) -> [String] {
        let full = (base as NSString).appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: full)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { "\(folder)/\($0)" }
    }

    /// Reads and parses one file, refusing oversized and non-UTF-8 files.
    static func parse(_ path: String, log: DiagnosticLog) -> YAMLValue? {
        let place = SourceLocation(file: path, line: 1, column: 1)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
            log.report(place, "cannot read the file")
            return nil
        }
        if let size = attributes[.size] as? Int, size > maximumFileBytes {
            log.report(place, "the file is \(size) bytes; atlas files are limited to \(maximumFileBytes) bytes")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            log.report(place, "cannot read the file")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.report(place, "the file is not UTF-8 text")
            return nil
        }
        do {
            return try YAMLValue.parse(file: path, text: text)
        } catch {
            error.diagnostics.forEach { log.report($0.location, $0.message) }
            return nil
        }
    }

    /// Every problem in the atlas folder, empty when it is valid.
    public static func validate(directory: URL) -> [Diagnostic] {
        let log = DiagnosticLog()
        _ = load(directory: directory, log: log)
        return log.diagnostics
    }
}
