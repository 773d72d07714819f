/// Reads `muscles/`, `joints/` and `nerves/` files into patterns (composites still unmerged).
enum PatternLoader {
    static let keys = ["id", "name", "family", "includes", "description", "feel", "sources", "fidelity",
                       "fidelity-note", "after", "legend-note", "split", "muscle", "trigger-points", "zones", "nerves", "marks"]

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
        let geometry = readGeometry(map, landmarks: landmarks, log: log, tiers: family.map(SpilloverTier.allowed) ?? SpilloverTier.allCases,
                                    family: family?.rawValue)
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
        pattern.marks = geometry.marks
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
        var marks: [PatternMark] = []
    }

    /// The drawable parts shared by patterns and dermatome roots.
    /// `tiers`: the spillover tiers the family's legend has words for (a tier it has none for
    /// would be drawn and never explained); `family` names it in the message.
    static func readGeometry(_ map: YAMLMapping, landmarks: Landmarks, log: DiagnosticLog,
                             zoneKinds: [ZoneKind] = [.essential, .spillover, .radicular], label: String? = nil,
                             tiers: [SpilloverTier] = [], family: String? = nil) -> Geometry {
        var g = Geometry()
        eachItem(map["muscle"], what: "muscle outline", required: ["view", "points"], optional: ["id", "name"], landmarks: landmarks, log: log) { item, reader, view in
            guard let shape = reader.closedShape(item["points"]!, what: "the muscle outline") else { return }
            g.muscles.append(Stroke(view: view, id: item["id"]?.string(log) ?? "muscle", name: item["name"]?.string(log), path: shape))
        }
        eachItem(map["trigger-points"], what: "trigger point", required: ["view", "at"], optional: ["label"], landmarks: landmarks, log: log) { item, reader, view in
            guard let p = reader.point(item["at"]!) else { return }
            g.triggerPoints.append(TriggerPoint(view: view, point: p, label: item["label"]?.string(log)))
        }
        eachItem(map["zones"], what: "zone", required: ["view", "kind", "points"], optional: ["note", "label", "tier"], landmarks: landmarks, log: log) { item, reader, view in
            guard let kindName = item["kind"]!.choice(log, zoneKinds.map(\.rawValue)), let kind = ZoneKind(rawValue: kindName),
                  let shape = reader.closedShape(item["points"]!, what: "the \(kindName) zone") else { return }
            // `tier: about-half` or `few` (joint maps), `common` (an entrapment): how many
            // patients felt a spillover zone.
            var tier: SpilloverTier?
            if let value = item["tier"] {
                if tiers.isEmpty {
                    log.report(value.location, "'tier' is not used by \(family.map { "\($0) patterns" } ?? "this file") (they have no tiers)")
                } else {
                    tier = value.choice(log, tiers.map(\.rawValue)).flatMap(SpilloverTier.init)
                }
            }
            if let tier, kind != .spillover {
                log.report(item["tier"]!.location, "'tier: \(tier.rawValue)' is for spillover zones only (this zone is \(kindName))")
            }
            g.zones.append(Zone(view: view, kind: kind, path: shape, label: item["label"]?.string(log) ?? label,
                                note: item["note"]?.string(log).map(clean), tier: kind == .spillover ? tier ?? .some : .some))
        }
        eachItem(map["nerves"], what: "nerve", required: ["view", "id", "points"], optional: ["name", "deep", "calibre"], landmarks: landmarks, log: log) { item, reader, view in
            guard let id = item["id"]!.string(log),
                  let knots = reader.knots(item["points"]!, minimum: 2, what: "nerve '\(id)'") else { return }
            let calibre = item["calibre"].flatMap { $0.choice(log, NerveCalibre.allCases.map(\.rawValue)) }.flatMap(NerveCalibre.init)
            g.nerves.append(Stroke(view: view, id: id, name: item["name"]?.string(log), path: Spline.path(through: knots, closed: false),
                                   deep: item["deep"]?.bool(log) ?? false, calibre: calibre ?? .division))
        }
        // A ring or a dot at a point (`at`, `radius` in mm), or a dashed or solid outline
        // (`points`), each with a label beside it and a legend line that explains it.
        eachItem(map["marks"], what: "mark", required: ["view", "shape", "label", "legend"], optional: ["at", "radius", "points", "label-side", "picture-only"],
                 landmarks: landmarks, log: log) { item, reader, view in
            guard let shapeName = item["shape"]!.choice(log, PatternMark.Shape.allCases.map(\.rawValue)),
                  let shape = PatternMark.Shape(rawValue: shapeName),
                  let label = item["label"]!.string(log), let legend = item["legend"]!.string(log) else { return }
            let path: BezierPath?
            switch shape {
            case .ring, .spot:
                guard let at = item["at"] else { log.report(item["shape"]!.location, "a \(shapeName) mark needs 'at' (its centre)"); return }
                var radius = shape == .spot ? 4.0 : 9.0
                if let r = item["radius"], let value = r.number(log) {
                    if (2...60).contains(value) { radius = value } else { log.report(r.location, "a \(shapeName)'s radius must be between 2 and 60 mm") }
                }
                path = reader.point(at).map { PatternMark.ring(at: $0, radius: radius) }
            case .outline, .area:
                guard let points = item["points"] else { log.report(item["shape"]!.location, "an \(shapeName) mark needs 'points'"); return }
                path = reader.closedShape(points, what: "the \(shapeName) mark")
            }
            guard let path else { return }
            let side = item["label-side"].flatMap { $0.choice(log, PatternMark.LabelSide.allCases.map(\.rawValue)) }.flatMap(PatternMark.LabelSide.init)
            var mark = PatternMark(view: view, shape: shape, path: path, label: clean(label), labelSide: side ?? .lateral, legend: clean(legend))
            mark.pictureOnly = item["picture-only"]?.bool(log) ?? false
            g.marks.append(mark)
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
                merged.marks += part.marks.filter { !merged.marks.contains($0) }
                part.includes.forEach(add)
            }
            pattern.includes.forEach(add)
            return merged
        }
    }
}
