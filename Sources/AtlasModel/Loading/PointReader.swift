/// Reads points and point lists from YAML, looking landmarks up in one view's side frame.
struct PointReader {
    /// More points than this in one shape is a mistake (or a hostile file), not anatomy.
    static let maximumPoints = 2000

    let landmarks: [String: Point]
    let viewName: String
    let log: DiagnosticLog

    /// One point: `[x, y]`, `[x, y, sharp]`, or a point expression with an optional `| sharp`.
    func knot(_ value: YAMLValue) -> SplineKnot? {
        if let items = value.sequence(log, what: "a point: [x, y] or a landmark expression") {
            guard items.count == 2 || items.count == 3 else {
                log.report(value.location, "a point list needs two numbers [x, y] (and optionally 'sharp'), found \(items.count) items")
                return nil
            }
            if items.count == 3, items[2].scalarText != "sharp" {
                log.report(items[2].location, "the third item of a point can only be 'sharp'")
                return nil
            }
            guard let x = items[0].number(log), let y = items[1].number(log) else { return nil }
            return SplineKnot(Point(x, y), sharp: items.count == 3)
        }
        return nil
    }

    /// A point; the entry is either a list or a text expression.
    func read(_ value: YAMLValue) -> SplineKnot? {
        if value.scalarText == nil { return knot(value) }
        guard var text = value.string(log, what: "a point") else { return nil }
        var sharp = false
        if let bar = text.firstIndex(of: "|") {
            let flag = text[text.index(after: bar)...].trimmingCharacters(in: .whitespaces)
            guard flag == "sharp" else {
                log.report(value.location(offset: text.distance(from: text.startIndex, to: bar)),
                           "only '| sharp' may follow a point, found '| \(flag)'")
                return nil
            }
            sharp = true
            text = String(text[..<bar])
        }
        let expression: PointExpression
        do {
            expression = try PointExpressionParser.parse(text)
        } catch {
            // YAML splits plain text in [flow, lists] at commas: "psis + (40" is the usual sign.
            let hint = error.offset >= text.count && text.contains("(")
                ? " (inside [ ] or { }, put a point with a comma in quotes: YAML splits plain text at commas)" : ""
            log.report(value.location(offset: error.offset), error.message + hint)
            return nil
        }
        let point = expression.resolve(landmarks) { name, column in
            let suggestion = closestName(to: name).map { " (did you mean '\($0)'?)" } ?? ""
            log.report(value.location(offset: column), "unknown landmark '\(name)' in the \(viewName) view\(suggestion)")
        }
        return point.map { SplineKnot($0, sharp: sharp) }
    }

    func point(_ value: YAMLValue) -> Point? { read(value)?.point }

    /// A list of at least `minimum` points.
    func knots(_ value: YAMLValue, minimum: Int, what: String) -> [SplineKnot]? {
        guard let items = value.sequence(log, what: "a list of points for \(what)") else { return nil }
        guard items.count >= minimum else {
            log.report(value.location, "\(what) needs at least \(minimum) points, found \(items.count)")
            return nil
        }
        guard items.count <= Self.maximumPoints else {
            log.report(value.location, "\(what) has \(items.count) points; the limit is \(Self.maximumPoints)")
            return nil
        }
        let knots = items.compactMap(read)
        return knots.count == items.count ? knots : nil
    }

    /// A closed smooth shape; reports zero-area and self-crossing shapes.
    func closedShape(_ value: YAMLValue, what: String) -> BezierPath? {
        guard let knots = knots(value, minimum: 3, what: what) else { return nil }
        let path = Spline.path(through: knots, closed: true)
        let polygon = path.polylines().first ?? []
        if abs(Polygon.signedArea(polygon)) < 1 {
            log.report(value.location, "\(what) has zero area (its points lie on a line or on top of each other)")
            return nil
        }
        if Polygon.selfIntersects(polygon) {
            log.report(value.location, "\(what) crosses itself; list its points in order round the shape")
            return nil
        }
        return path
    }

    /// The nearest landmark name by edit distance, for "did you mean" hints.
    private func closestName(to name: String) -> String? {
        let candidates = landmarks.keys.map { ($0, editDistance($0, name)) }.filter { $0.1 <= 3 }
        return candidates.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }?.0
    }
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var row = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var previous = row[0]
        row[0] = i
        for j in 1...max(b.count, 1) where !b.isEmpty {
            let temp = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
            previous = temp
        }
    }
    return row[b.count]
}
