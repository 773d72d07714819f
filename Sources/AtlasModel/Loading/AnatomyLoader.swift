/// Reads `anatomy/*.yaml`: one file per pattern view, with the bones and muscles drawn under
/// the zones. Points use the landmarks of that view, as patterns do.
enum AnatomyLoader {
    static let muscleKeys = ["id", "name", "patterns", "depth", "kind", "covers", "points", "fibres"]

    /// Every anatomy file of the folder; problems go to `log`.
    static func load(paths: [String], landmarks: PatternLoader.Landmarks, patternIDs: Set<String>, log: DiagnosticLog) -> Anatomy {
        var anatomy = Anatomy()
        var firstFile: [PatternView: SourceLocation] = [:]
        for path in paths {
            guard let root = AtlasLoader.parse(path, log: log),
                  let view = read(root, landmarks: landmarks, patternIDs: patternIDs, log: log) else { continue }
            if let first = firstFile[view.view] {
                log.report(root.location, "a second anatomy file for the \(view.view.rawValue) view (first: \(first.file))")
                continue
            }
            firstFile[view.view] = root.location
            anatomy.views[view.view] = view
        }
        return anatomy
    }

    static func read(_ root: YAMLValue, landmarks: PatternLoader.Landmarks, patternIDs: Set<String>, log: DiagnosticLog) -> AnatomyView? {
        guard let map = root.mapping(log, what: "an anatomy view (a mapping with view, bones, muscles)") else { return nil }
        map.check(required: ["view"], optional: ["bones", "muscles"], in: "an anatomy view", log)
        guard let viewName = map["view"]?.choice(log, PatternView.allCases.map(\.rawValue)),
              let view = PatternView(rawValue: viewName) else { return nil }
        let reader = PointReader(landmarks: landmarks[view] ?? [:], viewName: viewName, log: log)
        var result = AnatomyView(view: view)
        var ids: Set<String> = []
        func checkID(_ value: YAMLValue) -> String? {
            guard let id = value.string(log) else { return nil }
            if !isValidName(id) { log.report(value.location, "id '\(id)' must be lowercase words joined by hyphens") }
            if !ids.insert(id).inserted { log.report(value.location, "duplicate id '\(id)' in this anatomy view") }
            return id
        }

        for item in map["bones"]?.sequence(log, what: "a list of bones") ?? [] {
            guard let bone = item.mapping(log, what: "a bone ({id, points})"),
                  bone.check(required: ["id", "points"], optional: ["line", "midline", "open", "kind", "fibres"], in: "a bone", log),
                  let id = checkID(bone["id"]!) else { continue }
            let lineOnly = bone["line"]?.bool(log) ?? false
            guard let kind = bone["kind"].map({ $0.choice(log, Bone.Kind.allCases.map(\.rawValue)).flatMap(Bone.Kind.init) }) ?? .bone
            else { continue }
            if [.opening, .foramen, .hole].contains(kind), bone["open"]?.bool(log) ?? false {
                log.report(bone["kind"]!.location, "a \(kind.rawValue) is a closed shape: drop 'open' from bone '\(id)'")
                continue
            }
            // Fibres make a ligament a banded sheet; they are clipped to its closed shape.
            var fibres: [BezierPath] = []
            if let value = bone["fibres"] {
                guard kind == .ligament, !(bone["open"]?.bool(log) ?? false), !(bone["midline"]?.bool(log) ?? false) else {
                    log.report(value.location, "only a closed, paired ligament has fibres: drop 'fibres' from bone '\(id)'")
                    continue
                }
                guard let read = readFibres(value, reader: reader, shape: id, log: log) else { continue }
                fibres = read
            }
            let midline = bone["midline"]?.bool(log) ?? false
            if midline && view == .lateral {
                log.report(bone["midline"]!.location, "'midline' is for the posterior and anterior views, which are mirrored")
                continue
            }
            if midline {
                guard let knots = reader.knots(bone["points"]!, minimum: 3, what: "bone '\(id)'") else { continue }
                guard knots.first?.point.x == 0, knots.last?.point.x == 0, !knots.contains(where: { $0.point.x < 0 }) else {
                    log.report(bone["points"]!.location, "a midline bone is one half: it starts and ends at x = 0 and stays at x >= 0")
                    continue
                }
                let whole = BodyLoader.fullOutline(knots, symmetric: true)
                let polygon = whole.polylines().first ?? []
                guard abs(Polygon.signedArea(polygon)) >= 1, !Polygon.selfIntersects(polygon) else {
                    log.report(bone["points"]!.location, "bone '\(id)' has zero area or crosses itself; list its points in order round the half")
                    continue
                }
                result.bones.append(Bone(id: id, path: whole, lineOnly: lineOnly, midline: true, kind: kind))
            } else if bone["open"]?.bool(log) ?? false {
                // An open bony line (a crest, a rim): drawn, never filled.
                guard let knots = reader.knots(bone["points"]!, minimum: 2, what: "bone '\(id)'") else { continue }
                result.bones.append(Bone(id: id, path: Spline.path(through: knots, closed: false), lineOnly: true, kind: kind))
            } else if let path = reader.closedShape(bone["points"]!, what: "bone '\(id)'") {
                result.bones.append(Bone(id: id, path: path, lineOnly: lineOnly, kind: kind, fibres: fibres))
            }
        }

        for item in map["muscles"]?.sequence(log, what: "a list of muscles") ?? [] {
            guard let m = item.mapping(log, what: "a muscle ({id, name, patterns, depth, points})"),
                  m.check(required: ["id", "name", "patterns", "depth", "points"],
                          optional: muscleKeys.filter { !["id", "name", "patterns", "depth", "points"].contains($0) }, in: "a muscle", log),
                  let id = checkID(m["id"]!) else { continue }
            let name = m["name"]!.string(log)
            let depth = m["depth"]!.choice(log, MuscleDepth.allCases.map(\.rawValue)).flatMap(MuscleDepth.init)
            let kind = m["kind"].map { $0.choice(log, Muscle.Kind.allCases.map(\.rawValue)).flatMap(Muscle.Kind.init) } ?? .muscle
            let patterns = readPatterns(m["patterns"]!, known: patternIDs, log: log)
            let covers = m["covers"].map { readPatterns($0, known: patternIDs, log: log) } ?? []
            let shape = reader.closedShape(m["points"]!, what: "muscle '\(id)'")
            let fibres = m["fibres"].map { readFibres($0, reader: reader, shape: id, log: log) } ?? []
            guard let name, let depth, let kind, let patterns, let covers, let shape, let fibres else { continue }
            result.muscles.append(Muscle(id: id, name: name, kind: kind, depth: depth, patterns: patterns, covers: covers,
                                         path: shape, fibres: fibres, location: m["id"]!.location))
        }
        return result
    }

    /// Pattern ids, each of which must name a pattern of the atlas.
    private static func readPatterns(_ value: YAMLValue, known: Set<String>, log: DiagnosticLog) -> [String]? {
        let items = value.scalarText != nil ? [value] : (value.sequence(log, what: "a list of pattern ids") ?? [])
        var ids: [String] = []
        var ok = true
        for item in items {
            guard let id = item.string(log, what: "a pattern id") else { ok = false; continue }
            if !known.contains(id) {
                log.report(item.location, "unknown pattern '\(id)'" + suggestion(for: id, among: known))
                ok = false
                continue
            }
            ids.append(id)
        }
        if ok && ids.isEmpty { log.report(value.location, "a muscle names at least one pattern") }
        return ok && !ids.isEmpty ? ids : nil
    }

    /// " (did you mean 'x'?)" for the closest known id, or nothing.
    private static func suggestion(for id: String, among known: Set<String>) -> String {
        var best: (id: String, distance: Int)?
        for candidate in known.sorted() {
            let distance = editDistance(candidate, id)
            if distance <= 4, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best.map { " (did you mean '\($0.id)'?)" } ?? ""
    }

    /// `{from, to, count}`: `count` straight lines, each joining the points the same fraction
    /// of the way along the origin line `from` and the insertion line `to`. With `via`, a line
    /// across the middle of the shape, each fibre is a smooth curve through its point on it too
    /// (a ligament's fibres bow round a concave border where straight ones would leave the band).
    private static func readFibres(_ value: YAMLValue, reader: PointReader, shape: String, log: DiagnosticLog) -> [BezierPath]? {
        guard let map = value.mapping(log, what: "fibres ({from, to, count})"),
              map.check(required: ["from", "to", "count"], optional: ["via"], in: "the fibres of '\(shape)'", log),
              let from = reader.knots(map["from"]!, minimum: 1, what: "the fibre origin line of '\(shape)'"),
              let to = reader.knots(map["to"]!, minimum: 1, what: "the fibre insertion line of '\(shape)'"),
              let countValue = map["count"]?.number(log) else { return nil }
        guard countValue == countValue.rounded(), (1...30).contains(countValue) else {
            log.report(map["count"]!.location, "fibres.count is a whole number from 1 to 30")
            return nil
        }
        var middle: [Point]?
        if let via = map["via"] {
            guard let knots = reader.knots(via, minimum: 1, what: "the fibres' middle line of '\(shape)'") else { return nil }
            middle = knots.map(\.point)
        }
        let count = Int(countValue)
        let origin = from.map(\.point), insertion = to.map(\.point)
        return (0..<count).map { i in
            let t = (Double(i) + 0.5) / Double(count)
            let ends = (Self.point(along: origin, at: t), Self.point(along: insertion, at: t))
            guard let middle else { return BezierPath([.move(ends.0), .line(ends.1)]) }
            return Spline.path(through: [ends.0, Self.point(along: middle, at: t), ends.1].map { SplineKnot($0) }, closed: false)
        }
    }

    /// The point a fraction `t` of the way along a polyline, by length.
    static func point(along line: [Point], at t: Double) -> Point {
        guard line.count > 1 else { return line[0] }
        let lengths = zip(line, line.dropFirst()).map { $0.distance(to: $1) }
        var remaining = lengths.reduce(0, +) * t
        for (i, length) in lengths.enumerated() {
            if remaining <= length || i == lengths.count - 1 {
                let f = length > 0 ? min(1, remaining / length) : 0
                return line[i] + (line[i + 1] - line[i]) * f
            }
            remaining -= length
        }
        return line[line.count - 1]
    }
}
