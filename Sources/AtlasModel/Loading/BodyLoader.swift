/// What a body file says before the mirrored views are built.
struct BodyFile {
    var view: ViewID
    var label: String
    var mirrorOf: ViewID?
    var symmetric: Bool
    var outline: [SplineKnot]
    var contours: [(id: String, kind: Contour.Kind, knots: [SplineKnot], mirror: Bool, closed: Bool, under: Bool, bony: Bool)]
    var landmarks: [String: Point]
    var arms: [[SplineKnot]] = []
    var magnification = 1.0
    var location: SourceLocation
}

/// Reads `body/*.yaml` and builds resolved body views.
enum BodyLoader {
    static func read(_ root: YAMLValue, log: DiagnosticLog) -> BodyFile? {
        guard let map = root.mapping(log, what: "a body view (a mapping with view, label, outline, landmarks)") else { return nil }
        guard let viewValue = map["view"] else {
            log.report(map.location, "missing key 'view' in a body file")
            return nil
        }
        guard let viewName = viewValue.choice(log, ViewID.withSoles.map(\.rawValue)), let view = ViewID(rawValue: viewName) else { return nil }
        if let mirror = map["mirror-of"] {
            map.check(required: ["view", "label", "mirror-of"], in: "a mirrored body view", log)
            guard let label = map["label"]?.string(log),
                  let name = mirror.choice(log, ViewID.allCases.map(\.rawValue)), let source = ViewID(rawValue: name) else { return nil }
            return BodyFile(view: view, label: label, mirrorOf: source, symmetric: false, outline: [], contours: [],
                            landmarks: [:], location: root.location)
        }
        map.check(required: ["view", "label", "symmetric", "outline", "landmarks"], optional: ["contours", "arms", "magnification"],
                  in: "a body view", log)
        guard let label = map["label"]?.string(log), let symmetric = map["symmetric"]?.bool(log) else { return nil }

        // Landmarks first: they are literal points.
        var landmarks: [String: Point] = [:]
        if let landmarkMap = map["landmarks"]?.mapping(log, what: "a mapping of landmark names to [x, y]") {
            let literal = PointReader(landmarks: [:], viewName: viewName, log: log)
            for entry in landmarkMap.entries {
                guard isValidName(entry.key) else {
                    log.report(entry.keyLocation, "landmark name '\(entry.key)' must be lowercase words joined by hyphens")
                    continue
                }
                guard let knot = literal.knot(entry.value) else { continue }
                if symmetric && knot.point.x < 0 {
                    log.report(entry.value.location, "landmark '\(entry.key)': x must be 0 or positive (lateral) in a symmetric view")
                    continue
                }
                landmarks[entry.key] = knot.point
            }
        }
        let reader = PointReader(landmarks: landmarks, viewName: viewName, log: log)

        var outline: [SplineKnot] = []
        if let outlineValue = map["outline"], let knots = reader.knots(outlineValue, minimum: 3, what: "the outline") {
            outline = knots
            let island = symmetric && knots.allSatisfy { $0.point.x > 0 }
            if symmetric, !island, let first = knots.first, let last = knots.last, first.point.x != 0 || last.point.x != 0 {
                log.report(outlineValue.location,
                           "open outline: a half outline must start and end on the midline (x = 0), or stay clear of it (a sole)")
            } else if symmetric, knots.contains(where: { $0.point.x < 0 }) {
                log.report(outlineValue.location, "a half outline must stay at x >= 0 (it is mirrored)")
            } else {
                let closed = fullOutline(knots, symmetric: symmetric)
                let polygon = (island ? Spline.path(through: knots, closed: true) : closed).polylines().first ?? []
                if abs(Polygon.signedArea(polygon)) < 1 {
                    log.report(outlineValue.location, "the outline has zero area")
                } else if Polygon.selfIntersects(polygon) {
                    log.report(outlineValue.location, "the outline crosses itself")
                }
            }
        }

        var contours: [(id: String, kind: Contour.Kind, knots: [SplineKnot], mirror: Bool, closed: Bool, under: Bool, bony: Bool)] = []
        for item in map["contours"]?.sequence(log, what: "a list of contours") ?? [] {
            guard let c = item.mapping(log, what: "a contour ({id, points})") else { continue }
            c.check(required: ["id", "points"], optional: ["kind", "mirror", "closed", "under", "bony"], in: "a contour", log)
            guard let id = c["id"]?.string(log), let pointsValue = c["points"],
                  let knots = reader.knots(pointsValue, minimum: 2, what: "contour '\(id)'") else { continue }
            let kind = c["kind"].flatMap { $0.choice(log, ["line", "crease", "edge"]) }.flatMap(Contour.Kind.init) ?? .line
            contours.append((id, kind, knots, c["mirror"]?.bool(log) ?? false, c["closed"]?.bool(log) ?? false,
                             c["under"]?.bool(log) ?? false, c["bony"]?.bool(log) ?? false))
        }
        var arms: [[SplineKnot]] = []
        for item in map["arms"]?.sequence(log, what: "a list of areas ([[x, y], ...]) covering the arms") ?? [] {
            if let knots = reader.knots(item, minimum: 3, what: "an arm area") { arms.append(knots) }
        }
        var magnification = 1.0
        if let value = map["magnification"], let number = value.number(log) {
            if (1...10).contains(number) { magnification = number } else {
                log.report(value.location, "magnification must be between 1 and 10, not \(number)")
            }
        }
        return BodyFile(view: view, label: label, mirrorOf: nil, symmetric: symmetric, outline: outline,
                        contours: contours, landmarks: landmarks, arms: arms, magnification: magnification, location: root.location)
    }

    /// The closed silhouette: a symmetric half joined to its mirror image, or, for a half
    /// that stays clear of the midline (a sole), the shape and its mirror image side by side.
    static func fullOutline(_ knots: [SplineKnot], symmetric: Bool) -> BezierPath {
        guard symmetric else { return Spline.path(through: knots, closed: true) }
        if knots.allSatisfy({ $0.point.x > 0 }) {
            let shape = Spline.path(through: knots, closed: true)
            return BezierPath(shape.elements + shape.mirrored.elements)
        }
        let mirrored = knots.dropFirst().dropLast().reversed().map { SplineKnot($0.point.mirrored, sharp: $0.sharp) }
        return Spline.path(through: knots + mirrored, closed: true)
    }

    /// The resolved view; `mirroring` flips a lateral view to the other side.
    static func build(_ file: BodyFile, as id: ViewID, label: String, mirroring: Bool) -> BodyView {
        let flip: (Point) -> Point = mirroring ? { $0.mirrored } : { $0 }
        var contours: [Contour] = []
        for c in file.contours {
            let path = Spline.path(through: c.knots, closed: c.closed)
            contours.append(Contour(id: c.id, kind: c.kind, path: path.map(flip), under: c.under, bony: c.bony))
            if c.mirror && file.symmetric {
                contours.append(Contour(id: c.id, kind: c.kind, path: path.mirrored, under: c.under, bony: c.bony))
            }
        }
        var landmarks: [Landmark] = []
        for (name, p) in file.landmarks.sorted(by: { $0.key < $1.key }) {
            if file.symmetric && p.x != 0 {
                for side in Side.allCases {
                    landmarks.append(Landmark(name: name, side: side, point: Point(p.x * id.screenSign(for: side), p.y)))
                }
            } else {
                landmarks.append(Landmark(name: name, side: nil, point: flip(p)))
            }
        }
        var arms: [BezierPath] = []
        for knots in file.arms {
            // A plain polygon: a smooth curve through a few corners would bulge onto the trunk.
            let corners = knots.map(\.point)
            let path = BezierPath([.move(corners[0])] + corners.dropFirst().map { .line($0) } + [.close])
            arms.append(path.map(flip))
            if file.symmetric { arms.append(path.mirrored) }
        }
        var view = BodyView(id: id, label: label, outline: fullOutline(file.outline, symmetric: file.symmetric).map(flip),
                            contours: contours, landmarks: landmarks, sideFrameLandmarks: file.landmarks)
        view.arms = arms
        view.magnification = file.magnification
        return view
    }
}

func isValidName(_ name: String) -> Bool {
    !name.isEmpty && name.first!.isLetter
        && name.allSatisfy { ($0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "-" }
        && !name.hasSuffix("-") && !name.contains("--")
}
