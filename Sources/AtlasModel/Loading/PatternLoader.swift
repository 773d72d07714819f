/// Reads `muscles/`, `joints/` and `nerves/` files into patterns (composites still unmerged).
enum PatternLoader {
    static let keys = ["id", "name", "family", "includes", "description", "feel", "sources", "fidelity",
                       "fidelity-note", "after", "legend-note", "split", "muscle", "trigger-points", "zones", "nerves"]

    /// Side-frame landmarks per pattern view.
    typealias Landmarks = [PatternView: [String: Point]]

    static func read(_ root: YAMLValue, landmarks: Landmarks, log: DiagnosticLog) -> Pattern? {
        guard let map = root.mapping(log, what: "a pattern (a mapping with id, name, family, ...)") else { return nil }
        map.check(required: ["id", "name", "family", "description", "sources", "fidelity"],
                  optional: keys.filter { !["id", "name", "family", "description", "sources", "fidelity"].contains($0) },
                  in: "a pattern", log)
        guard let id = map["id"]?.string(log) else { return nil }
        if !isValidName(id) { log.report(map["id"]!.location, "pattern id '\(id)' must be lowercase words joined by hyphens") }
        let family = map["family"].flatMap { $0.choice(log, Family.allCases.filter { $0 != .dermatome }.map(\.rawValue)) }.flatMap(Family.init)
        let fidelity = map["fidelity"].flatMap { $0.choice(log, Fidelity.allCases.map(\.rawValue)) }.flatMap(Fidelity.init)
        let geometry = readGeometry(map, landmarks: landmarks, log: log)
        let includes = map["includes"]?.strings(log) ?? []
        if !includes.isEmpty && !geometry.zones.isEmpty {
            log.report(map["zones"]!.location, "a composite pattern (with 'includes') takes its zones from its parts")
        }
        guard let name = map["name"]?.string(log), let family, let fidelity,
              let description = map["description"]?.string(log), let sources = map["sources"]?.strings(log) else { return nil }
        var pattern = Pattern(id: id, name: name, family: family, description: clean(description),
                              feel: map["feel"]?.strings(log) ?? [], sources: sources, fidelity: fidelity,
                              fidelityNote: map["fidelity-note"]?.string(log).map(clean), includes: includes,
                              muscles: geometry.muscles, triggerPoints: geometry.triggerPoints, zones: geometry.zones,
                              nerves: geometry.nerves, location: map["id"]!.location)
        pattern.after = map["after"]?.string(log).map(clean)
        pattern.legendNote = map["legend-note"]?.string(log).map(clean)
        // `split: unconfirmed` - the sources give the area, not which part most patients feel.
        if let split = map["split"]?.choice(log, ["confirmed", "unconfirmed"]) { pattern.splitConfirmed = split == "confirmed" }
        return pattern
    }

    struct Geometry {
        var muscles: [Stroke] = []
        var triggerPoints: [TriggerPoint] = []
        var zones: [Zone] = []
        var nerves: [Stroke] = []
    }

    /// The drawable parts shared by patterns and dermatome roots.
    static func readGeometry(_ map: YAMLMapping, landmarks: Landmarks, log: DiagnosticLog,
                             zoneKinds: [ZoneKind] = [.essential, .spillover, .radicular], label: String? = nil) -> Geometry {
        var g = Geometry()
        eachItem(map["muscle"], what: "muscle outline", required: ["view", "points"], optional: ["id", "name"], landmarks: landmarks, log: log) { item, reader, view in
            guard let shape = reader.closedShape(item["points"]!, what: "the muscle outline") else { return }
            g.muscles.append(Stroke(view: view, id: item["id"]?.string(log) ?? "muscle", name: item["name"]?.string(log), path: shape))
        }
        eachItem(map["trigger-points"], what: "trigger point", required: ["view", "at"], optional: ["label"], landmarks: landmarks, log: log) { item, reader, view in
            guard let p = reader.point(item["at"]!) else { return }
            g.triggerPoints.append(TriggerPoint(view: view, point: p, label: item["label"]?.string(log)))
        }
        eachItem(map["zones"], what: "zone", required: ["view", "kind", "points"], optional: ["note", "label"], landmarks: landmarks, log: log) { item, reader, view in
            guard let kindName = item["kind"]!.choice(log, zoneKinds.map(\.rawValue)), let kind = ZoneKind(rawValue: kindName),
                  let shape = reader.closedShape(item["points"]!, what: "the \(kindName) zone") else { return }
            g.zones.append(Zone(view: view, kind: kind, path: shape, label: item["label"]?.string(log) ?? label,
                                note: item["note"]?.string(log).map(clean)))
        }
        eachItem(map["nerves"], what: "nerve", required: ["view", "id", "points"], optional: ["name", "deep", "calibre"], landmarks: landmarks, log: log) { item, reader, view in
            guard let id = item["id"]!.string(log),
                  let knots = reader.knots(item["points"]!, minimum: 2, what: "nerve '\(id)'") else { return }
            let calibre = item["calibre"].flatMap { $0.choice(log, NerveCalibre.allCases.map(\.rawValue)) }.flatMap(NerveCalibre.init)
            g.nerves.append(Stroke(view: view, id: id, name: item["name"]?.string(log), path: Spline.path(through: knots, closed: false),
                                   deep: item["deep"]?.bool(log) ?? false, calibre: calibre ?? .division))
        }
        return g
    }

    /// Walks a list of `{view, ...}` items, checking keys and the view name.
    private static func eachItem(_ value: YAMLValue?, what: String, required: [String], optional: [String],
                                 landmarks: Landmarks, log: DiagnosticLog,
                                 _ body: (YAMLMapping, PointReader, PatternView) -> Void) {
        guard let value else { return }
        for itemValue in value.sequence(log, what: "a list of \(what)s") ?? [] {
            guard let item = itemValue.mapping(log, what: "a \(what) ({\(required.joined(separator: ", "))})"),
                  item.check(required: required, optional: optional, in: "a \(what)", log),
                  let viewName = item["view"]!.choice(log, PatternView.allCases.map(\.rawValue)),
                  let view = PatternView(rawValue: viewName) else { continue }
            body(item, PointReader(landmarks: landmarks[view] ?? [:], viewName: viewName, log: log), view)
        }
    }

    /// Folded YAML text keeps a trailing newline; prose is kept on one line.
    static func clean(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }
}

/// Merges composite patterns with their parts; reports unknown or circular includes.
enum CompositeResolver {
    static func resolve(_ patterns: [Pattern], log: DiagnosticLog) -> [Pattern] {
        let byID = Dictionary(patterns.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return patterns.map { pattern in
            var merged = pattern
            var visiting: Set<String> = [pattern.id]
            func add(_ id: String) {
                guard let part = byID[id] else {
                    log.report(pattern.location, "pattern '\(pattern.id)' includes unknown pattern '\(id)'")
                    return
                }
                guard visiting.insert(id).inserted else {
                    log.report(pattern.location, "pattern '\(pattern.id)' includes '\(id)' in a circle")
                    return
                }
                merged.muscles += part.muscles.filter { !merged.muscles.contains($0) }
                merged.triggerPoints += part.triggerPoints
                merged.zones += part.zones
                merged.nerves += part.nerves
                part.includes.forEach(add)
            }
            pattern.includes.forEach(add)
            return merged
        }
    }
}
