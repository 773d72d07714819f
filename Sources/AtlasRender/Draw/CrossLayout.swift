import AtlasModel
import Foundation

/// Where a panel's trigger-point X marks are drawn, so that no two of them touch.
///
/// Every X keeps its full size (the legend's X), so it stays legible. A mark that would
/// touch one already placed is nudged, the least distance that clears it, to a spot still
/// on its own muscle (inside it, or at its edge with the X's arms over it: a small muscle
/// seen whole, such as the quadratus lumborum in a whole-body handout, holds four marks only
/// that way); only when the muscle has no room left is it set off beside it, with a thin
/// leader back to the true spot. An X also stays on the body: one whose arms would cross the
/// body's outline (a trigger point under the iliac crest, at the body's edge in a small
/// figure panel, where the X is large beside the body) is moved in the least distance that
/// clears the outline. Marks are placed in the order given, so the
/// layout is the same on every run. Two trigger points of different patterns at one spot
/// (a composite and its part) get one mark.
struct CrossLayout: Sendable, Equatable {
    /// One X: where it is drawn and the trigger point it stands for.
    struct Mark: Sendable, Equatable {
        var at: Point
        var spot: Point
        /// Drawn away from its muscle: a leader joins it to `spot`.
        var leader: Bool { at != spot && offMuscle }
        var offMuscle = false
    }

    /// One trigger point to place, in pixels: its pattern and the outline of its muscle
    /// (nil when no muscle outline holds it).
    struct Spot: Sendable {
        var point: Point
        var pattern: String
        var muscle: [Point]?
    }

    var marks: [Mark]
    var size: Double
    var width: Double

    var points: [Point] { marks.map(\.at) }

    /// Half the width of one X's ink box: the arm, then the round cap of its white halo
    /// (drawn 2.2 times the stroke width, see `SceneDrawer.drawCross`).
    static func reach(size: Double, width: Double) -> Double { size / 2 + 1.1 * width }

    /// Half the width of an X's black arms alone (round caps), without the halo.
    static func armReach(size: Double, width: Double) -> Double { size / 2 + 0.5 * width }

    /// The least centre-to-centre distance, along x or along y, at which two marks' halos
    /// stand apart with a clear gap of half an X between them (a third still read as touching
    /// at 800 px: two gluteus maximus marks in why-leg-pain).
    static func clearance(size: Double, width: Double) -> Double { 2 * reach(size: size, width: width) + size / 2 }

    var clearance: Double { Self.clearance(size: size, width: width) }

    init(marks: [Mark], size: Double, width: Double) {
        self.marks = marks
        self.size = size
        self.width = width
    }

    /// `body` is the body's outline in pixels (its closed polylines; empty: no such limit).
    init(_ spots: [Spot], size: Double, width: Double, body: [[Point]] = []) {
        self.size = size
        self.width = width
        let clear = Self.clearance(size: size, width: width)
        func apart(_ a: Point, _ b: Point) -> Double { Self.room(a, [b]) }
        // Inside the body with the X's black arms clear of the outline (its white halo may
        // touch it: moving further in pushed a crowded X off its zone onto bare skin).
        func onBody(_ q: Point) -> Bool {
            body.isEmpty || (Callouts.contains(q, body) && body.allSatisfy { Self.edgeDistance(q, $0) >= Self.armReach(size: size, width: width) })
        }
        var kept: [Spot] = []
        for spot in spots where !kept.contains(where: {
            apart($0.point, spot.point) < 1 || ($0.pattern != spot.pattern && apart($0.point, spot.point) < size / 2)
        }) { kept.append(spot) }

        var placed: [Mark] = []
        for spot in kept {
            let others = placed.map(\.at)
            if Self.room(spot.point, others) >= clear, onBody(spot.point) { placed.append(Mark(at: spot.point, spot: spot.point)); continue }
            if let muscle = spot.muscle,
               let p = Self.nearestClear(spot.point, clear: clear, from: others, on: muscle, reach: size / 2, allowed: onBody) {
                placed.append(Mark(at: p, spot: spot.point))
            } else if let p = Self.nearestClear(spot.point, clear: clear, from: others, on: nil, reach: 0, allowed: onBody) {
                placed.append(Mark(at: p, spot: spot.point, offMuscle: spot.muscle != nil))
            } else {
                placed.append(Mark(at: spot.point, spot: spot.point))
            }
        }
        marks = placed
    }

    /// The clear spot nearest `p` (rings of growing radius, 32 directions each), on `muscle`
    /// when one is given: inside it, or within `reach` of its edge. On a ring, a spot inside
    /// the muscle before one at its edge, then the direction that leaves the most room.
    private static func nearestClear(_ p: Point, clear: Double, from others: [Point], on muscle: [Point]?, reach: Double,
                                     allowed: (Point) -> Bool) -> Point? {
        let step = clear / 10
        for ring in 1...40 {
            let radius = step * Double(ring)
            var best: (point: Point, inside: Bool, room: Double)? = nil
            for k in 0..<32 {
                let angle = Double(k) * Double.pi / 16
                let q = Point(p.x + radius * cos(angle), p.y + radius * sin(angle))
                let space = room(q, others)
                guard space >= clear, allowed(q) else { continue }
                let inside = muscle.map { Polygon.contains($0, q) } ?? true
                guard inside || muscle.map({ edgeDistance(q, $0) <= reach }) ?? false else { continue }
                if let best, (best.inside && !inside) || (best.inside == inside && space <= best.room + 1e-9) { continue }
                best = (q, inside, space)
            }
            if let best { return best.point }
        }
        return nil
    }

    /// The distance from `p` to the nearest edge of the closed polygon.
    static func edgeDistance(_ p: Point, _ polygon: [Point]) -> Double {
        var nearest = Double.infinity
        for i in polygon.indices {
            let a = polygon[i], b = polygon[(i + 1) % polygon.count]
            let d = b - a, lengthSquared = d.x * d.x + d.y * d.y
            let t = lengthSquared > 0 ? min(1, max(0, ((p.x - a.x) * d.x + (p.y - a.y) * d.y) / lengthSquared)) : 0
            nearest = min(nearest, p.distance(to: Point(a.x + d.x * t, a.y + d.y * t)))
        }
        return nearest
    }

    /// The distance, along x or y whichever is larger, from `p` to the nearest of `others`.
    private static func room(_ p: Point, _ others: [Point]) -> Double {
        others.map { max(abs($0.x - p.x), abs($0.y - p.y)) }.min() ?? .infinity
    }
}

extension CrossLayout {
    /// The layout of a panel's X marks: each trigger point in pixels with the outline of its
    /// pattern's muscle that holds it (the anatomy layer's muscle or the pattern's own).
    static func of(_ panel: ScenePanel, size: Double, width: Double) -> CrossLayout {
        var spots: [Spot] = []
        for placed in panel.patterns {
            let outlines = (panel.anatomy?.muscles.filter { $0.patterns.contains(placed.pattern.id) }.map(\.path) ?? [])
                + placed.muscles.map(\.path)
            let polygons = outlines.flatMap { $0.polylines() }
            for trp in placed.triggerPoints {
                let muscle = polygons.first { Polygon.contains($0, trp.point) }
                spots.append(Spot(point: panel.toPixels(trp.point), pattern: placed.pattern.id, muscle: muscle?.map(panel.toPixels)))
            }
        }
        let body = panel.view.outline.polylines(segmentsPerCurve: 10).map { $0.map(panel.toPixels) }
        return CrossLayout(spots, size: size, width: width, body: body)
    }
}
