/// Reads `dermatomes/*.yaml`: one map, one pattern per root, plus the map as a whole.
enum DermatomeLoader {
    static let roots = ["l3", "l4", "l5", "s1", "s2"]

    static func read(_ root: YAMLValue, landmarks: PatternLoader.Landmarks, log: DiagnosticLog) -> DermatomeMap? {
        guard let map = root.mapping(log, what: "a dermatome map") else { return nil }
        map.check(required: ["map", "name", "description", "sources", "fidelity", "roots"],
                  optional: ["fidelity-note", "gaps", "soles"], in: "a dermatome map", log)
        guard let idName = map["map"]?.choice(log, DermatomeMapID.allCases.map(\.rawValue)),
              let id = DermatomeMapID(rawValue: idName),
              let name = map["name"]?.string(log),
              let description = map["description"]?.string(log),
              let sources = map["sources"]?.strings(log),
              let fidelity = map["fidelity"]?.choice(log, Fidelity.allCases.map(\.rawValue)).flatMap(Fidelity.init),
              let rootValues = map["roots"]?.sequence(log, what: "a list of roots") else { return nil }
        let fidelityNote = map["fidelity-note"]?.string(log).map(PatternLoader.clean)

        // The sole view's zones, per root: kept in a list of their own at the end of the file.
        var soles: [String: [Zone]] = [:]
        var soleLocations: [String: SourceLocation] = [:]
        let soleReader = PointReader(landmarks: landmarks[.plantar] ?? [:], viewName: PatternView.plantar.rawValue, log: log)
        for value in map["soles"]?.sequence(log, what: "a list of sole zones ({root, points, note})") ?? [] {
            guard let item = value.mapping(log, what: "a sole zone ({root, points, note})"),
                  item.check(required: ["root", "points"], optional: ["note"], in: "a sole zone", log),
                  let rootName = item["root"]!.choice(log, roots),
                  let shape = soleReader.closedShape(item["points"]!, what: "the \(rootName.uppercased()) zone of the sole") else { continue }
            soles[rootName, default: []].append(Zone(view: .plantar, kind: .radicular, path: shape, label: rootName.uppercased(),
                                                     note: item["note"]?.string(log).map(PatternLoader.clean)))
            soleLocations[rootName] = soleLocations[rootName] ?? item["root"]!.location
        }

        var patterns: [Pattern] = []
        var seen: Set<String> = []
        for value in rootValues {
            guard let item = value.mapping(log, what: "a root ({root, zones})"),
                  item.check(required: ["root", "zones"], optional: ["description"], in: "a root", log),
                  let rootName = item["root"]!.choice(log, roots) else { continue }
            guard seen.insert(rootName).inserted else {
                log.report(item["root"]!.location, "root '\(rootName)' appears twice in this map")
                continue
            }
            let label = rootName.uppercased()
            let g = PatternLoader.readGeometry(item, landmarks: landmarks, log: log, zoneKinds: [.radicular], label: label)
            patterns.append(Pattern(
                id: "dermatome-\(rootName)", name: "\(label) dermatome · \(name)", family: .dermatome,
                description: item["description"]?.string(log).map(PatternLoader.clean)
                    ?? "The skin area supplied mainly by the \(label) nerve root, as drawn in the \(name) map.",
                feel: [], sources: sources, fidelity: fidelity, fidelityNote: fidelityNote, includes: [],
                muscles: [], triggerPoints: [], zones: g.zones + (soles[rootName] ?? []), nerves: [], location: item["root"]!.location))
        }
        for (rootName, location) in soleLocations where !seen.contains(rootName) {
            log.report(location, "sole zone for root '\(rootName)', which this map does not list under 'roots'")
        }

        var gaps: [Zone] = []
        for value in map["gaps"]?.sequence(log, what: "a list of gaps") ?? [] {
            guard let item = value.mapping(log, what: "a gap ({view, points, note})"),
                  item.check(required: ["view", "points"], optional: ["note"], in: "a gap", log),
                  let viewName = item["view"]!.choice(log, PatternView.allCases.map(\.rawValue)),
                  let view = PatternView(rawValue: viewName) else { continue }
            let reader = PointReader(landmarks: landmarks[view] ?? [:], viewName: viewName, log: log)
            guard let shape = reader.closedShape(item["points"]!, what: "the gap") else { continue }
            gaps.append(Zone(view: view, kind: .gap, path: shape, label: nil, note: item["note"]?.string(log).map(PatternLoader.clean)))
        }

        let whole = Pattern(
            id: "dermatomes", name: name, family: .dermatome, description: PatternLoader.clean(description),
            feel: [], sources: sources, fidelity: fidelity, fidelityNote: fidelityNote,
            includes: patterns.map(\.id), muscles: [], triggerPoints: [],
            zones: patterns.flatMap(\.zones) + gaps, nerves: [], location: root.location)
        return DermatomeMap(id: id, name: name, patterns: patterns + [whole], gaps: gaps)
    }
}
