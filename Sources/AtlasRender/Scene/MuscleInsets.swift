import AtlasModel

/// A small picture of a trigger-point pattern's muscle alone (no zones): its fibre lines, the
/// bones it spans and its X marks, as Travell & Simons draw the muscle beside each pattern.
///
/// The anatomy layer lies under the zones, and a solid zone covers it: the piriformis under
/// its own essential zone, gluteus medius under its back-view zones, the tensor fasciae latae
/// under its band, the hamstrings under their stipple were all but invisible, while the
/// legend said the muscle was drawn. A pattern whose muscle the zones mostly hide in one of
/// its views gets this picture, in the view that shows most of the muscle.
struct MuscleInset: Equatable {
    /// The pattern with only its trigger points (and its muscle, through the anatomy layer).
    var pattern: PlacedPattern
    /// The close-up's box in atlas millimetres (screen frame of `view`).
    var box: Rect
    var view: ViewID
    var caption: String
}

enum MuscleInsets {
    /// A view's muscle counts as mostly hidden when the zones cover more than this share of
    /// its area (a stipple counts half: the muscle shows through its tint).
    static let hiddenThreshold = 0.4
    /// Half the width of the lumbar column with its transverse processes, atlas millimetres.
    static let spineHalfWidth = 45.0
    /// How much of a zone of each kind hides what lies under it (0 none, 1 all): a solid or
    /// one-tone zone is opaque; a stipple's glaze and dots, or a hatch, let the muscle show.
    static func opacity(_ zone: Zone, of pattern: Pattern) -> Double {
        switch ZoneTone.of(pattern) {
        case .unsplit: return 1
        case .entrapment, .diffuse: return 0.5
        case .byKind:
            switch zone.kind {
            case .essential: return 1
            case .spillover: return 0.5
            default: return 0.3
            }
        }
    }

    /// The share (0 to 1) of the muscles' area, inside the body, that `zones` hide, sampled on
    /// a 2 mm grid in atlas millimetres. Zero when there is no muscle.
    static func hiddenShare(muscles: [Muscle], zones: [(zone: Zone, opacity: Double)], outline: BezierPath) -> Double {
        let shapes = muscles.map { $0.path.polylines() }
        guard let box = Rect(bounding: shapes.flatMap { $0.flatMap { $0 } }) else { return 0 }
        let body = outline.polylines()
        let covers = zones.map { (rings: $0.zone.path.polylines(), bounds: $0.zone.path.bounds, opacity: $0.opacity) }
        var inside = 0, hidden = 0.0
        var y = box.minY + 1
        while y < box.maxY {
            var x = box.minX + 1
            while x < box.maxX {
                let p = Point(x, y)
                if shapes.contains(where: { Self.contains($0, p) }), Self.contains(body, p) {
                    inside += 1
                    hidden += covers.filter { $0.bounds?.contains(p) ?? false && Self.contains($0.rings, p) }.map(\.opacity).max() ?? 0
                }
                x += 2
            }
            y += 2
        }
        return inside == 0 ? 0 : hidden / Double(inside)
    }

    /// Inside a shape of several rings (even-odd, as the rings of one path).
    static func contains(_ rings: [[Point]], _ p: Point) -> Bool {
        rings.filter { Polygon.contains($0, p) }.count % 2 == 1
    }

    /// The pattern's own muscles in `view` (not the tendons and ligaments drawn with them).
    static func muscles(of placed: PlacedPattern, anatomy: Anatomy) -> [Muscle] {
        let layer = anatomy.placed(in: placed.view, patterns: [placed])
        return (layer?.muscles ?? []).filter { $0.kind == .muscle && $0.patterns.contains(placed.pattern.id) }
    }

    /// The muscles' hidden share for each trigger-point pattern of each panel (every zone of
    /// the panel counts, whichever pattern it belongs to), by pattern id and view. A view in
    /// which one of the pattern's X marks sits on its muscle under an opaque zone counts as
    /// wholly hidden, however little of the muscle that zone covers: the reader sees the X but
    /// not the muscle it marks (iliopsoas: the zone over the front of the hip hides only 13%
    /// of the muscle, but that is where its distal trigger point lies; review 2040).
    static func hiddenShares(_ panels: [ScenePanel], anatomy: Anatomy) -> [String: [ViewID: Double]] {
        var shares: [String: [ViewID: Double]] = [:]
        for panel in panels {
            let zones = panel.patterns.flatMap { placed in placed.zones.map { ($0, opacity($0, of: placed.pattern)) } }
            for placed in panel.patterns where placed.pattern.family == .myofascial {
                let own = muscles(of: placed, anatomy: anatomy)
                guard !own.isEmpty else { continue }
                let share = hiddenShare(muscles: own, zones: zones, outline: panel.view.outline)
                let markHidden = placed.triggerPoints.contains { point in
                    hidesTrigger(point.point, muscles: own, zones: zones)
                }
                shares[placed.pattern.id, default: [:]][panel.view.id] = markHidden ? 1 : share
            }
        }
        return shares
    }

    /// Whether the trigger point at `p` lies on one of `muscles` where an opaque zone covers it.
    static func hidesTrigger(_ p: Point, muscles: [Muscle], zones: [(zone: Zone, opacity: Double)]) -> Bool {
        muscles.contains { contains($0.path.polylines(), p) }
            && zones.contains { $0.opacity >= 1 && ($0.zone.path.bounds?.contains(p) ?? false) && contains($0.zone.path.polylines(), p) }
    }

    /// One inset for each trigger-point pattern whose muscle the zones mostly hide in one of
    /// the panels, in the panel whose view shows its X marks and the largest area of that
    /// muscle (the back view first on a tie), on the side drawn first. In the patterns'
    /// first-seen order.
    static func needed(_ panels: [ScenePanel], anatomy: Anatomy, phrases: Phrasebook) -> [MuscleInset] {
        let shares = hiddenShares(panels, anatomy: anatomy)
        var insets: [MuscleInset] = []
        var done: Set<String> = []
        for placed in panels.flatMap(\.patterns) where !done.contains(placed.pattern.id) {
            guard let views = shares[placed.pattern.id], views.values.contains(where: { $0 > hiddenThreshold }) else { continue }
            done.insert(placed.pattern.id)
            let candidates = panels.compactMap { panel in panel.patterns.first { $0.pattern.id == placed.pattern.id } }
            let order: [ViewID] = [.posterior, .lateralRight, .lateralLeft, .anterior]
            let best = candidates.max { a, b in
                // A view without the pattern's X marks would show the muscle but not its trigger point.
                if a.triggerPoints.isEmpty != b.triggerPoints.isEmpty { return a.triggerPoints.isEmpty }
                let (areaA, areaB) = (area(muscles(of: a, anatomy: anatomy)), area(muscles(of: b, anatomy: anatomy)))
                if abs(areaA - areaB) > 1 { return areaA < areaB }
                return (order.firstIndex(of: a.view) ?? 9) > (order.firstIndex(of: b.view) ?? 9)
            }
            guard let best, let inset = inset(for: best, anatomy: anatomy, phrases: phrases) else { continue }
            insets.append(inset)
        }
        return insets
    }

    static func area(_ muscles: [Muscle]) -> Double {
        muscles.flatMap { $0.path.polylines() }.map { abs(Polygon.signedArea($0)) }.reduce(0, +)
    }

    /// The inset of `placed`: its trigger points only, framed round its muscle and marks with
    /// room for the bones at either end; nil when it has no muscle in its view.
    static func inset(for placed: PlacedPattern, anatomy: Anatomy, phrases: Phrasebook) -> MuscleInset? {
        let own = muscles(of: placed, anatomy: anatomy)
        let points = own.flatMap { $0.path.polylines().flatMap { $0 } } + placed.triggerPoints.map(\.point)
        guard let bounds = Rect(bounding: points) else { return nil }
        var box = bounds
        // A margin round the muscle, and at least a hand's width of body each way, so that
        // the bones it spans and the body's edge place it.
        let padX = max(30, box.width * 0.22), padY = max(30, box.height * 0.18)
        box = Rect(minX: box.minX - padX, minY: box.minY - padY, maxX: box.maxX + padX, maxY: box.maxY + padY)
        // Never a strip: a frame at least 0.6 times as wide as it is tall (the iliopsoas picture,
        // psoas from L1 to the thigh, was a tall strip 7% of the page wide; review 2110).
        let aspect = 0.6
        for (low, high, minimum) in [(\Rect.minX, \Rect.maxX, max(170.0, box.height * aspect)), (\Rect.minY, \Rect.maxY, 170.0)] {
            let grow = max(0, minimum - (box[keyPath: high] - box[keyPath: low])) / 2
            box[keyPath: low] -= grow
            box[keyPath: high] += grow
        }
        // From behind or in front, an edge near the midline would cut the spine lengthwise (the
        // iliopsoas frame's edge ran down the lumbar bodies): the frame takes in the whole
        // column and its processes, shifting rather than growing where it can.
        if placed.view == .posterior || placed.view == .anterior {
            let spine = Self.spineHalfWidth
            if box.minX > -spine, box.minX < spine { box.maxX -= box.minX + spine; box.minX = -spine }
            if box.maxX < spine, box.maxX > -spine { box.minX += spine - box.maxX; box.maxX = spine }
            box.minX = min(box.minX, bounds.minX - 10)
            box.maxX = max(box.maxX, bounds.maxX + 10)
        }
        var bare = placed
        bare.zones = []
        bare.nerves = []
        // The marks meant for the picture alone: the bone a trigger point is named by, which
        // the muscle covers (gluteus maximus TrP2, "above the sitting bone").
        bare.marks = placed.pictureMarks.filter { box.contains($0.path.bounds?.center ?? Point(.infinity, 0)) }
        return MuscleInset(pattern: bare, box: box, view: placed.view, caption: caption(own, placed: placed, phrases: phrases))
    }

    /// "Piriformis and its trigger points, seen from behind" when the picture shows every
    /// trigger point of the pattern; otherwise it names the ones it shows and says where the
    /// others are drawn ("Gluteus medius with TrP2 and TrP3, seen from the right side; TrP1:
    /// see back view"): the composite's side view cannot show TrP1 (review 2110), and a
    /// caption claiming "its trigger points" over two of three X marks misleads.
    static func caption(_ muscles: [Muscle], placed: PlacedPattern, phrases: Phrasebook) -> String {
        var names: [String] = []
        for muscle in muscles where !names.contains(muscle.name) { names.append(muscle.name) }
        // Names after the first run on in the sentence ("Iliacus and psoas major").
        let name = names.enumerated().map { $0.offset == 0 ? $0.element : $0.element.prefix(1).lowercased() + $0.element.dropFirst() }
            .joined(separator: " and ")
        let direction: Phrasebook.Key = switch placed.view {
        case .posterior: .insetFromBehind
        case .anterior: .insetFromFront
        case .lateralLeft: .insetFromLeft
        default: .insetFromRight
        }
        let from = phrases.text(direction)
        let points = placed.triggerPoints.count
        guard points > 0 else { return phrases.text(.insetCaptionBare, ["muscle": name, "from": from]) }
        let elsewhere = drawnElsewhere(placed, phrases: phrases)
        guard elsewhere.isEmpty else {
            var shown: [String] = []
            for point in placed.triggerPoints { if let label = point.label, !shown.contains(label) { shown.append(label) } }
            let list = shown.count == points ? listed(shown)
                : phrases.text(points == 1 ? .insetOnePoint : .triggerPointsCount, ["count": "\(points)"])
            let others = elsewhere.map { other in
                phrases.text(.seeOtherView, ["label": listed(other.labels),
                                             "view": other.views.map(EdgeMarkerText.viewName).joined(separator: ", ")])
            }
            return ([phrases.text(.insetCaptionSome, ["muscle": name, "points": list, "from": from])] + others).joined(separator: "; ")
        }
        let plural = name.contains(" and ")
        return phrases.text(points == 1 ? (plural ? .insetCaptionTheirOne : .insetCaptionOne) : (plural ? .insetCaptionTheirMany : .insetCaptionMany),
                            ["muscle": name, "from": from])
    }

    /// "TrP1", "TrP1 and TrP4", "TrP1, TrP2 and TrP4" (as the muscles' names run on).
    static func listed(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }

    /// The pattern's trigger points that `placed`'s view does not show, by the views they are
    /// drawn in: a labelled one missing from the view, and unlabelled ones when another view
    /// draws more of them. Empty when the view shows them all.
    static func drawnElsewhere(_ placed: PlacedPattern, phrases: Phrasebook = Phrasebook()) -> [(labels: [String], views: [PatternView])] {
        let here = placed.view.patternView
        let all = placed.pattern.triggerPoints
        let shown = Set(placed.triggerPoints.compactMap(\.label))
        var missing: [(labels: [String], views: [PatternView])] = []
        for point in all where point.view != here {
            guard let label = point.label, !shown.contains(label), !missing.contains(where: { $0.labels == [label] }) else { continue }
            let views = PatternView.allCases.filter { view in all.contains { $0.view == view && $0.label == label } }
            missing.append(([label], views))
        }
        // Views that draw the same trigger points (TrP1 and TrP4 both only from behind) share one note.
        var merged: [(labels: [String], views: [PatternView])] = []
        for item in missing {
            if let i = merged.firstIndex(where: { $0.views == item.views }) { merged[i].labels += item.labels } else { merged.append(item) }
        }
        let unlabelledHere = placed.triggerPoints.filter { $0.label == nil }.count
        let counts = Dictionary(grouping: all.filter { $0.label == nil }, by: \.view).mapValues(\.count)
        if let most = counts.values.max(), most > unlabelledHere {
            let views = PatternView.allCases.filter { counts[$0] == most }
            let count = most - unlabelledHere
            merged.append(([count == 1 ? phrases.text(.insetOnePoint) : phrases.text(.triggerPointsCount, ["count": "\(count)"])], views))
        }
        return merged
    }

    /// The inset drawn in `frame` (pixels): the box fitted to it, centred.
    static func panel(_ inset: MuscleInset, atlas: Atlas, frame: Rect) -> ScenePanel? {
        guard let body = atlas.view(inset.view) else { return nil }
        let scale = min(frame.width / inset.box.width, frame.height / inset.box.height)
        let origin = Point(frame.center.x - inset.box.center.x * scale, frame.center.y - inset.box.center.y * scale)
        var panel = ScenePanel(view: body, origin: origin, scale: scale, frame: frame, patterns: [inset.pattern], sideMarks: false, clip: true)
        panel.inset = true
        return panel
    }
}
