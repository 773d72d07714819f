import Foundation
import Testing
@testable import AtlasModel

/// The side view's pelvis and gluteal muscles (anatomy review of 4 December): a pelvis that
/// reads as one (the head in its socket, the trochanter a trochanter, the obturator foramen a
/// rounded hole), gluteus minimus low on the ilium, gluteus maximus running down and forward
/// into the iliotibial band. Checked on geometry, in the side frame.
@Suite("Side-view pelvis and gluteal muscles")
struct SidePelvisTests {
    let atlas: Atlas
    init() throws { atlas = try TestAtlas.load() }

    func ring(_ id: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Point] {
        let bone = try #require(atlas.anatomy.views[.lateral]?.bones.first { $0.id == id }, "no \(id)", sourceLocation: sourceLocation)
        return try #require(bone.path.polylines(segmentsPerCurve: 24).first, sourceLocation: sourceLocation)
    }

    func muscle(_ id: String) throws -> Muscle {
        try #require(atlas.anatomy.views[.lateral]?.muscles.first { $0.id == id }, "no \(id) in the side view")
    }

    func centre(_ points: [Point]) throws -> Point { try #require(Rect(bounding: points)).center }

    /// The femoral head's circle, from its top, front and back: the neck leaves it below.
    static func headCircle(_ head: [Point]) throws -> (centre: Point, radius: Double) {
        let box = try #require(Rect(bounding: head))
        let radius = box.width / 2
        return (Point(box.center.x, box.minY + radius), radius)
    }

    /// The femoral head sits in the acetabulum's rim; the greater trochanter's top lies behind
    /// and below the head's top, so it never reads as a second head in the socket.
    @Test func headSitsInTheSocketAndTheTrochanterIsNotASecondHead() throws {
        let head = try ring("femoral-head"), rim = try ring("acetabulum"), femur = try ring("femur")
        let (headCentre, _) = try Self.headCircle(head)
        let rimCentre = try centre(rim)
        #expect(headCentre.distance(to: rimCentre) < 6, "the head's centre lies \(headCentre.distance(to: rimCentre)) mm off the socket's")
        let ball = head.filter { $0.y <= headCentre.y }
        let radius = ball.map { $0.distance(to: headCentre) }.reduce(0, +) / Double(ball.count)
        #expect((20...26).contains(radius), "a femoral head about 4.6 cm across (radius \(radius) mm)")
        let apex = try #require(femur.min { $0.y < $1.y })
        #expect(headCentre.x - apex.x >= 15, "the trochanter's apex lies only \(headCentre.x - apex.x) mm behind the head's centre")
        #expect(abs(apex.y - headCentre.y) <= 12, "the trochanter's apex is level with the head's centre (off by \(apex.y - headCentre.y) mm)")
        #expect(apex.y - (headCentre.y - radius) >= 12, "the trochanter rises nearly as high as the head's top")
    }

    /// Review 2110, item 2: the femoral head is one round ball, the neck leaving it in one
    /// line, never a second curve beside it (a separate neck drawn over the head had doubled
    /// its outline into a hook). Round the socket, where the outlines show (not under a bone
    /// drawn over them), no bone's line runs alongside another's 1-3.5 mm away for more than a
    /// few millimetres: lines meet or stand apart.
    @Test func femoralHeadIsOneRoundOutline() throws {
        let bones = try #require(atlas.anatomy.views[.lateral]?.bones)
        let head = try ring("femoral-head")
        let ball = try Self.headCircle(head)
        for p in head where p.y <= ball.centre.y {
            #expect(abs(p.distance(to: ball.centre) - ball.radius) <= 1.5, "the ball is not round at \(p)")
        }
        let socket = try #require(Rect(bounding: try ring("acetabulum")))
        let lines = bones.map { $0.path.polylines(segmentsPerCurve: 24) }
        let fills = bones.map { $0.lineOnly ? nil : $0.path.polylines(segmentsPerCurve: 24).first }
        // A piece of bone i's line shows unless a filled bone drawn after it covers it.
        func shows(_ p: Point, _ i: Int) -> Bool { !fills[(i + 1)...].contains { $0.map { Polygon.contains($0, p) } ?? false } }
        let near = { (p: Point) in p.x >= socket.minX - 8 && p.x <= socket.maxX + 8 && p.y >= socket.minY - 8 && p.y <= socket.maxY + 8 }
        var segments: [[(Point, Point)]] = Array(repeating: [], count: bones.count)
        for i in bones.indices {
            for line in lines[i] {
                segments[i] += zip(line, line.dropFirst()).filter { near($0.0) && shows($0.0.lerp(to: $0.1, 0.5), i) }
            }
        }
        func distance(_ p: Point, _ s: (Point, Point)) -> Double {
            let d = s.1 - s.0, length = d.x * d.x + d.y * d.y
            let t = length > 0 ? max(0, min(1, ((p.x - s.0.x) * d.x + (p.y - s.0.y) * d.y) / length)) : 0
            return p.distance(to: s.0 + d * t)
        }
        var longest = (0.0, "", Point(0, 0))
        for i in bones.indices {
            var run = 0.0
            for s in segments[i] {
                let mid = s.0.lerp(to: s.1, 0.5)
                let gap = bones.indices.filter { $0 != i }.flatMap { segments[$0] }.map { distance(mid, $0) }.min() ?? .infinity
                run = gap > 0.75 && gap < 3.5 ? run + s.0.distance(to: s.1) : 0
                if run > longest.0 { longest = (run, bones[i].id, mid) }
            }
        }
        #expect(longest.0 <= 4.5, "a line of \(longest.1) runs beside another for \(longest.0) mm round the socket, to \(longest.2)")
    }

    /// The greater trochanter is a rounded prominence of the femur, not a four-sided cap: its
    /// outline turns smoothly (no corner) from the back of the shaft over the apex to the front
    /// of the shaft, no line runs across it to set it off from the shaft, and the neck (the
    /// head's outline outside its ball) lies below the apex (the apex stands above the neck).
    @Test func trochanterIsARoundedProminenceAboveTheNeck() throws {
        let femur = try ring("femur"), head = try ring("femoral-head")
        let ball = try Self.headCircle(head)
        let neck = head.filter { $0.distance(to: ball.centre) > ball.radius + 1 }
        #expect(!neck.isEmpty, "no neck leaves the head")
        let trochanter = try atlas.sideLandmark("greater-trochanter", .lateralRight)
        let apex = try #require(femur.min { $0.y < $1.y })
        let top = femur.indices.filter { femur[$0].y < trochanter.y + 36 && abs(femur[$0].x - trochanter.x) < 40 }
        var sharpest = 0.0
        for i in top {
            let a = femur[(i + femur.count - 1) % femur.count], b = femur[i], c = femur[(i + 1) % femur.count]
            let turn = abs(remainder(atan2(c.y - b.y, c.x - b.x) - atan2(b.y - a.y, b.x - a.x), 2 * .pi)) * 180 / .pi
            sharpest = max(sharpest, turn)
        }
        #expect(sharpest < 30, "the trochanter's outline turns a corner of \(sharpest) degrees")
        let box = try #require(Rect(bounding: femur.filter { $0.y < trochanter.y + 36 && abs($0.x - trochanter.x) < 40 }))
        for bone in atlas.anatomy.views[.lateral]?.bones ?? [] where bone.lineOnly {
            let line = try #require(bone.path.polylines(segmentsPerCurve: 24).first)
            guard line.allSatisfy({ box.contains($0) }), let span = Rect(bounding: line) else { continue }
            #expect(span.width < box.width * 0.5, "\(bone.id) runs across the trochanter like a seam")
        }
        let neckTop = try #require(neck.map(\.y).min())
        #expect(neckTop > apex.y + 2, "the neck rises \(apex.y - neckTop) mm above the trochanter's apex")
    }

    /// The sacrum's dorsal surface shows its median crest (a tubercle for each segment, not a
    /// straight strip), and the coccyx reads as small separate pieces below the apex, curving
    /// forward, its tip the lowest.
    @Test func sacrumShowsItsCrestAndTheCoccyxItsPieces() throws {
        let sacrum = try ring("sacrum")
        let psis = try atlas.sideLandmark("psis", .lateralRight)
        let back = sacrum.filter { $0.y > psis.y - 25 && $0.y < psis.y + 36 && $0.x < psis.x - 5 }.sorted { $0.y < $1.y }
        var turns = 0
        for i in 1..<(back.count - 1) where (back[i].x - back[i - 1].x) * (back[i + 1].x - back[i].x) < 0 { turns += 1 }
        #expect(turns >= 4, "the dorsal surface has \(turns) bumps; the median crest's tubercles should show")
        let pieces = try (1...3).map { try ring("coccyx-\($0)") }
        let apex = try #require(sacrum.max { $0.y < $1.y })
        var last = apex
        for piece in pieces {
            let c = try centre(piece)
            #expect(c.y > last.y, "each piece of the coccyx lies below the one above")
            last = c
        }
        let tip = try #require(pieces.last?.max { $0.y < $1.y })
        #expect(tip.x > apex.x, "the coccyx curves forward")
    }

    /// The obturator foramen is a rounded hole below the socket, inside the hip bone.
    @Test func obturatorForamenIsARoundedHoleBelowTheSocket() throws {
        let bone = try #require(atlas.anatomy.views[.lateral]?.bones.first { $0.id == "obturator-foramen" })
        #expect(bone.kind == .hole)
        let foramen = try ring("obturator-foramen"), hip = try ring("hip-bone"), rim = try ring("acetabulum")
        #expect(foramen.allSatisfy { Polygon.contains(hip, $0) }, "the foramen lies inside the hip bone")
        let box = try #require(Rect(bounding: foramen))
        let socketBottom = try #require(rim.map(\.y).max())
        #expect(box.minY >= socketBottom, "the foramen lies below the socket")
        let aspect = box.width / box.height
        #expect((0.6...1.8).contains(aspect), "a rounded opening, not a slot (width/height \(aspect))")
        #expect(abs(Polygon.signedArea(foramen)) >= 800, "large enough to read as an opening")
    }

    /// The hip bone's landmarks: the ASIS on its outline, the border turning back under the
    /// AIIS (no straight front edge), the ischial tuberosity lowest, behind the trochanter.
    @Test func hipBoneShowsItsLandmarks() throws {
        let hip = try ring("hip-bone")
        let asis = try atlas.sideLandmark("asis", .lateralRight), trochanter = try atlas.sideLandmark("greater-trochanter", .lateralRight)
        let nearest = hip.map { $0.distance(to: asis) }.min() ?? .infinity
        #expect(nearest <= 6, "the ASIS lies \(nearest) mm from the outline")
        let underAIIS = hip.filter { $0.y > asis.y + 45 && $0.y < asis.y + 58 }.map(\.x).max() ?? .infinity
        #expect(asis.x - underAIIS >= 15, "under the AIIS the border turns back only \(asis.x - underAIIS) mm")
        let lowest = try #require(hip.max { $0.y < $1.y })
        #expect(lowest.x < trochanter.x - 10, "the ischial tuberosity lies behind the trochanter")
        #expect(lowest.y - trochanter.y >= 55, "the ischial tuberosity lies well below the trochanter")
    }

    /// Gluteus minimus lies low on the outer ilium, a fan opening upward (review rev3: a flat
    /// half-disc whose back fibres ran level along the socket's roof): its top on the lower
    /// two-thirds of the wing, below the crest; its back end at the top of the greater sciatic
    /// notch (level with the trochanter's apex); its fibres converging on the front of the
    /// trochanter, even the hindmost rising clearly from it; taller than two-thirds its width.
    @Test func gluteusMinimusIsAFanLowOnTheIlium() throws {
        let minimus = try muscle("gluteus-minimus")
        let outline = try #require(minimus.path.polylines(segmentsPerCurve: 24).first)
        let crest = try atlas.sideLandmark("iliac-crest", .lateralRight)
        let apex = try #require(try ring("femur").min { $0.y < $1.y })
        let box = try #require(Rect(bounding: outline))
        #expect((12...35).contains(box.minY - crest.y), "its top lies \(box.minY - crest.y) mm below the crest")
        #expect(box.height >= 0.7 * box.width, "a flat half-disc: \(box.width) mm wide, \(box.height) mm tall")
        let back = try #require(outline.min { $0.x < $1.x })
        #expect(back.y >= apex.y - 10, "its back end lies \(apex.y - back.y) mm above the trochanter's apex")
        var rises: [Double] = []
        for fibre in minimus.fibres {
            let line = try #require(fibre.polylines().first)
            let origin = try #require(line.first), end = try #require(line.last)
            #expect(end.x > apex.x + 10 && end.y > box.minY, "a fibre ends in front of the trochanter's apex")
            let rise = atan2(end.y - origin.y, abs(origin.x - end.x)) * 180 / .pi
            rises.append(rise)
        }
        #expect((rises.min() ?? 0) >= 28, "a fibre runs level to the trochanter: rises \(rises)")
        #expect(rises.contains { $0 >= 75 }, "no fibre runs up the middle of the fan: \(rises)")
    }

    /// Gluteus maximus: parallel fibres running down and forward, from the posterior crest
    /// into the iliotibial band; its top lies far behind its front (not an upright shield) and
    /// its thick lower border below the gluteal fold.
    @Test func gluteusMaximusRunsDownAndForwardIntoTheBand() throws {
        let maximus = try muscle("gluteus-maximus")
        let band = try #require(try muscle("iliotibial-band").path.polylines(segmentsPerCurve: 24).first)
        #expect(try muscle("iliotibial-band").patterns.contains("gluteus-maximus"), "the band is drawn with gluteus maximus")
        let outline = try #require(maximus.path.polylines(segmentsPerCurve: 24).first)
        var angles: [Double] = []
        for fibre in maximus.fibres {
            let line = try #require(fibre.polylines().first)
            let a = try #require(line.first), b = try #require(line.last)
            let angle = atan2(b.y - a.y, b.x - a.x) * 180 / .pi
            #expect(b.x > a.x && (15...60).contains(angle), "a fibre runs \(angle) degrees, not down and forward")
            angles.append(angle)
        }
        #expect((angles.max() ?? 0) - (angles.min() ?? 0) <= 25, "coarse parallel bundles, not a fan")
        let top = try #require(outline.min { $0.y < $1.y })
        let trochanter = try atlas.sideLandmark("greater-trochanter", .lateralRight)
        #expect(trochanter.x - top.x >= 50, "its top lies only \(trochanter.x - top.x) mm behind the trochanter")
        let lowest = try #require(outline.max { $0.y < $1.y })
        #expect(Polygon.contains(band, lowest), "its lowest fibres end in the iliotibial band")
        let fold = try atlas.sideLandmark("gluteal-fold", .lateralRight)
        #expect(lowest.y > fold.y + 30, "its lower border runs below the gluteal fold")
    }
}
