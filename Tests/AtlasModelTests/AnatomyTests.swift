import Foundation
import Testing
@testable import AtlasModel

/// The bones and muscles under the zones: loading, validation and agreement with the patterns.
@Suite("Anatomy layer")
struct AnatomyTests {
    static let atlas = try! TestAtlas.load()

    /// The muscle patterns: every myofascial pattern of the atlas.
    static var musclePatterns: [String] { atlas.patterns.filter { $0.family == .myofascial }.map(\.id) }

    @Test func everyBodyViewHasBonesAndMuscles() {
        // The sole view has no muscle pattern's trigger points and no skeleton drawn (yet).
        for view in [PatternView.posterior, .anterior, .lateral] {
            let authored = Self.atlas.anatomy.views[view]
            #expect(authored?.bones.isEmpty == false, "no bones in the \(view.rawValue) view")
            #expect(authored?.muscles.isEmpty == false, "no muscles in the \(view.rawValue) view")
        }
    }

    /// Each trigger point lies on its own muscle, in every view where the pattern marks one;
    /// so a muscle pattern also has its muscle in each view that shows its trigger points.
    @Test(arguments: musclePatterns)
    func triggerPointsLieInsideTheirMuscle(id: String) throws {
        let pattern = try #require(Self.atlas.pattern(id))
        #expect(!pattern.triggerPoints.isEmpty)
        for point in pattern.triggerPoints {
            let muscles = Self.atlas.anatomy.muscles(for: id, in: point.view)
            #expect(!muscles.isEmpty, "\(id): no muscle in the \(point.view.rawValue) view, where its \(point.label ?? "trigger point") lies")
            let inside = muscles.contains { muscle in
                muscle.path.polylines(segmentsPerCurve: 24).contains { Polygon.contains($0, point.point) }
            }
            #expect(inside || muscles.isEmpty,
                    "\(id): \(point.label ?? "trigger point") at (\(point.point.x), \(point.point.y)) in the \(point.view.rawValue) view lies outside \(muscles.map(\.id))")
        }
    }

    /// The point half the length along a polyline: a curved fibre's middle (one bowed through
    /// a `via` line), where the chord's middle may lie off the band it follows.
    static func halfway(along line: [Point]) -> Point {
        let lengths = zip(line, line.dropFirst()).map { $0.distance(to: $1) }
        var left = lengths.reduce(0, +) / 2
        for (i, length) in lengths.enumerated() {
            if left <= length, length > 0 { return line[i].lerp(to: line[i + 1], left / length) }
            left -= length
        }
        return line.last ?? Point(0, 0)
    }

    /// A muscle's insertion lies away from its origin: fibres have length and lie mostly inside.
    @Test func fibresRunInsideTheirMuscle() {
        for (view, authored) in Self.atlas.anatomy.views {
            for muscle in authored.muscles {
                #expect(muscle.fibres.count >= 2, "\(muscle.id) in \(view.rawValue): too few fibre lines")
                let outline = muscle.path.polylines(segmentsPerCurve: 24).first ?? []
                for fibre in muscle.fibres {
                    guard let line = fibre.polylines().first, let a = line.first, let b = line.last else { continue }
                    let mid = Self.halfway(along: line)
                    #expect(a.distance(to: b) > 20, "\(muscle.id): a fibre line shorter than 2 cm")
                    let inside = Polygon.contains(outline, mid)
                    #expect(inside, "\(muscle.id) in \(view.rawValue): a fibre's middle (\(Int(mid.x)), \(Int(mid.y))) lies outside the muscle")
                }
            }
        }
    }

    @Test func musclesFollowThePatternsSideAndBonesBothSides() throws {
        let pattern = try #require(Self.atlas.pattern("gluteus-medius"))
        for side in Side.allCases {
            let placed = try #require(pattern.placed(in: .posterior, side: side))
            let layer = try #require(Self.atlas.anatomy.placed(in: .posterior, patterns: [placed]))
            let sign = ViewID.posterior.screenSign(for: side)
            let muscle = try #require(layer.muscles.first { $0.id == "gluteus-medius" })
            let box = try #require(muscle.path.bounds)
            #expect(box.center.x * sign > 0, "gluteus medius drawn on the wrong side for the patient's \(side.rawValue)")
            let hips = layer.bones.filter { $0.id == "hip-bone" }.compactMap { $0.path.bounds?.center.x }
            #expect(hips.count == 2 && hips.contains { $0 > 0 } && hips.contains { $0 < 0 })
            #expect(layer.patterns == ["gluteus-medius"])
        }
        let lateral = try #require(pattern.placed(in: .lateralLeft, side: .left))
        let left = try #require(Self.atlas.anatomy.placed(in: .lateralLeft, patterns: [lateral]))
        let lateralRight = try #require(pattern.placed(in: .lateralRight, side: .right))
        let right = try #require(Self.atlas.anatomy.placed(in: .lateralRight, patterns: [lateralRight]))
        #expect(left.muscles.first?.path == right.muscles.first?.path.mirrored)
    }

    /// A muscle drawn in several views belongs to the same patterns in each, so a pattern never
    /// loses its muscle in one view by an oversight.
    @Test func aMuscleNamesTheSamePatternsInEveryView() {
        var patternsByMuscle: [String: (PatternView, [String])] = [:]
        for view in PatternView.allCases {
            for muscle in Self.atlas.anatomy.views[view]?.muscles ?? [] {
                if let (firstView, first) = patternsByMuscle[muscle.id] {
                    #expect(Set(first) == Set(muscle.patterns),
                            "\(muscle.id): patterns \(first) in the \(firstView.rawValue) view but \(muscle.patterns) in the \(view.rawValue) view")
                } else {
                    patternsByMuscle[muscle.id] = (view, muscle.patterns)
                }
            }
        }
        // Every muscle pattern of the atlas has a muscle somewhere.
        for id in Self.musclePatterns {
            #expect(patternsByMuscle.values.contains { $0.1.contains(id) }, "\(id) has no muscle in anatomy/")
        }
    }

    @Test func aDocumentCanBeCheckedAlone() throws {
        let text = "view: posterior\nmuscles:\n  - {id: probe, name: Probe, patterns: [piriformis], depth: deep,\n     points: [psis, \"psis + (30, 0)\", \"psis + (30, 30)\"]}\n"
        #expect(DocumentChecker.anatomy(text, atlas: Self.atlas).isEmpty)
        let bad = text.replacingOccurrences(of: "[piriformis]", with: "[piriform]")
        let found = DocumentChecker.anatomy(bad, file: "probe.yaml", atlas: Self.atlas)
        #expect(found.count == 1 && found.first?.description.hasPrefix("probe.yaml:3:") == true, "\(found.map(\.description))")
    }

    /// Malformed documents give messages, never a trap.
    @Test(arguments: ["", "[]", "view: lateral\nbones: {a: 1}", "view: posterior\nbones:\n  - {id: s, midline: true, points: [[0, 0], [0, 0], [0, 0]]}",
                      "view: lateral\nbones:\n  - {id: s, midline: true, points: [[0, 0], [10, 0], [0, 10]]}",
                      "view: anterior\nmuscles:\n  - {id: m, name: M, patterns: [], depth: deep, points: [[0, 0], [10, 0], [0, 10]]}",
                      "view: anterior\nmuscles:\n  - {id: m, name: M, patterns: iliopsoas, depth: deep, points: [[0, 0], [10, 0], [0, 10]],\n     fibres: {from: [[0, 0]], to: [[1, 1]], count: 1e300}}",
                      "view: anterior\nmuscles:\n  - {id: m, name: M, patterns: iliopsoas, depth: deep, points: [[0, 0], [10, 0], [0, 10]],\n     fibres: {from: [], to: [[1, 1]], count: 3}}",
                      "view: posterior\nbones:\n  - {id: Bad_Id, points: [[0, 0], [10, 0], [0, 10]]}\n  - {id: Bad_Id, points: [[0, 0], [10, 0], [0, 10]]}"])
    func malformedDocumentsAreReported(text: String) {
        let found = DocumentChecker.anatomy(text, atlas: Self.atlas)
        #expect(!found.isEmpty, "no message for: \(text)")
    }

    @Test func skinMapsGetNoSkeleton() throws {
        let pattern = try #require(Self.atlas.pattern("dermatome-s1"))
        let placed = try #require(pattern.placed(in: .posterior, side: .right))
        let layer = Self.atlas.anatomy.placed(in: .posterior, patterns: [placed])
        #expect(layer?.isEmpty ?? true)
        #expect(Self.atlas.anatomy.placed(in: .posterior, patterns: []) == nil)
    }
}

/// Problems in `anatomy/*.yaml` are reported like any other atlas file: file, line, column.
@Suite("Anatomy validation")
struct AnatomyValidationTests {
    func diagnostics(editing file: String, replacing old: String, with new: String) throws -> (URL, [Diagnostic]) {
        let atlas = try TestAtlas.copy()
        try TestAtlas.edit(atlas, file, replacing: old, with: new)
        return (atlas, AtlasLoader.validate(directory: atlas))
    }

    @Test func unknownLandmarkNamesFileLineAndColumn() throws {
        let (atlas, found) = try diagnostics(editing: "anatomy/posterior.yaml", replacing: "- psis + (8, -34) | sharp",
                                             with: "- psiss + (8, -34) | sharp")
        #expect(found.count == 1, "\(found.map(\.description))")
        let d = try #require(found.first)
        let line = try TestAtlas.line(of: "psiss + (8, -34)", in: atlas, "anatomy/posterior.yaml")
        let text = try String(contentsOf: atlas.appendingPathComponent("anatomy/posterior.yaml"), encoding: .utf8)
            .components(separatedBy: "\n")[line - 1]
        let column = text.distance(from: text.startIndex, to: text.range(of: "psiss")!.lowerBound) + 1
        #expect(d.location.file.hasSuffix("anatomy/posterior.yaml"))
        #expect(d.location.line == line && d.location.column == column, "\(d)")
        #expect(d.message.contains("unknown landmark 'psiss'") && d.message.contains("did you mean 'psis'"), "\(d)")
    }

    @Test func unknownPatternIDNamesItsPlace() throws {
        let (atlas, found) = try diagnostics(editing: "anatomy/posterior.yaml", replacing: "patterns: [quadratus-lumborum]",
                                             with: "patterns: [quadratus-lumborum, gluteus-maximum]")
        #expect(found.count == 1, "\(found.map(\.description))")
        let d = try #require(found.first)
        #expect(d.location.file.hasSuffix("anatomy/posterior.yaml"))
        #expect(d.location.line == (try TestAtlas.line(of: "gluteus-maximum]", in: atlas, "anatomy/posterior.yaml")))
        #expect(d.location.column > 20, "\(d)")
        #expect(d.message.contains("unknown pattern 'gluteus-maximum' (did you mean 'gluteus-maximus'?)"), "\(d)")
    }

    @Test func badDepthKindAndFibreCount() throws {
        let atlas = try TestAtlas.copy()
        try TestAtlas.edit(atlas, "anatomy/lateral.yaml", replacing: "    depth: deep\n", with: "    depth: hidden\n")
        try TestAtlas.edit(atlas, "anatomy/lateral.yaml", replacing: "    kind: tendon\n", with: "    kind: bone\n")
        try TestAtlas.edit(atlas, "anatomy/lateral.yaml", replacing: "      count: 7\n", with: "      count: 2.5\n")
        let found = AtlasLoader.validate(directory: atlas)
        #expect(found.count == 3, "\(found.map(\.description))")
        #expect(found.allSatisfy { $0.location.file.hasSuffix("anatomy/lateral.yaml") && $0.location.line > 1 })
        #expect(found.contains { $0.message.contains("found 'hidden'") })
        #expect(found.contains { $0.message.contains("found 'bone'") })
        #expect(found.contains { $0.message.contains("fibres.count") })
    }

    @Test func midlineBonesMustStartAndEndOnTheMidline() throws {
        let (atlas, found) = try diagnostics(editing: "anatomy/posterior.yaml", replacing: "- l5-spinous + (0, 17)\n",
                                             with: "- l5-spinous + (4, 17)\n")
        #expect(found.count == 1, "\(found.map(\.description))")
        #expect(found.first?.message.contains("midline bone") == true)
        _ = atlas
    }

    @Test func unknownKeyInAMuscle() throws {
        let (_, found) = try diagnostics(editing: "anatomy/anterior.yaml", replacing: "    depth: deep\n",
                                         with: "    depth: deep\n    colour: red\n")
        #expect(found.count == 1 && found.first?.message.contains("unknown key 'colour' in a muscle") == true,
                "\(found.map(\.description))")
    }
}

/// Every muscle the anatomy layer draws lies inside the body's outline, in every view and
/// on both sides (review 23:55: the side view's gluteus maximus ran over the buttock's
/// lower contour at the gluteal fold; the back view's biceps tendon ran past the knee).
@Suite("Muscles inside the body")
struct MusclesInsideTheBodyTests {
    /// The distance from `p` to the nearest point of the closed polyline `ring`.
    static func distance(_ p: Point, to ring: [Point]) -> Double {
        zip(ring, ring.dropFirst() + ring.prefix(1)).map { a, b in
            let d = b - a, length = d.x * d.x + d.y * d.y
            let t = length == 0 ? 0 : max(0, min(1, ((p.x - a.x) * d.x + (p.y - a.y) * d.y) / length))
            return p.distance(to: Point(a.x + t * d.x, a.y + t * d.y))
        }.min() ?? .infinity
    }

    @Test(arguments: [ViewID.posterior, .anterior, .lateralRight, .lateralLeft])
    func musclesStayInsideTheOutline(view: ViewID) throws {
        let atlas = try TestAtlas.load()
        let body = try #require(atlas.view(view))
        let dump = GeometryDump(view: body, patterns: atlas.patterns, sides: [.left, .right], anatomy: atlas.anatomy)
        let outline = dump.view.outline.map { Point($0.x, $0.y) }
        var checked = 0
        for pattern in dump.patterns {
            for muscle in pattern.muscles {
                checked += 1
                // Half a millimetre of slack for flattening the curves.
                let outside = muscle.points.map { Point($0.x, $0.y) }
                    .filter { !Polygon.contains(outline, $0) && Self.distance($0, to: outline) > 0.5 }
                #expect(outside.isEmpty, "\(view.rawValue): \(pattern.id) (\(pattern.side)) \(muscle.id) runs outside the body at \(outside.prefix(3))")
            }
        }
        #expect(checked > 0, "muscles were drawn in the \(view.rawValue) view")
    }

    /// The foot's bones (issue 12, review item 5) lie inside the foot's outline, in the views
    /// that draw them: every bone below the ankle, flattened, with half a millimetre of slack.
    @Test(arguments: [ViewID.posterior, .anterior, .lateralRight])
    func footBonesStayInsideTheOutline(view: ViewID) throws {
        let atlas = try TestAtlas.load()
        let body = try #require(atlas.view(view))
        let outline = GeometryDump(view: body, patterns: [], sides: [.right], anatomy: atlas.anatomy).view.outline.map { Point($0.x, $0.y) }
        let ankle = try atlas.sideLandmark("lateral-malleolus", view).y - 25
        let sign = view.screenSign(for: .right)
        let bones = try #require(atlas.anatomy.views[view.patternView]?.bones).filter { ($0.path.bounds?.minY ?? 0) > ankle }
        #expect(!bones.isEmpty, "no foot bones in the \(view.rawValue) view")
        for bone in bones {
            let outside = bone.path.polylines(segmentsPerCurve: 16).joined().map { Point($0.x * sign, $0.y) }
                .filter { !Polygon.contains(outline, $0) && Self.distance($0, to: outline) > 0.5 }
            #expect(outside.isEmpty, "\(view.rawValue): \(bone.id) runs outside the foot at \(outside.prefix(3))")
        }
    }
}
