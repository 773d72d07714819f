import AtlasModel

/// Pieces of one zone drawn as one shape. A pattern may draw one area as several pieces that
/// overlap (a thigh piece and a calf piece meeting at the knee); filled one by one, their
/// translucent tints and textures add up where they overlap and draw a seam. Joined into
/// one path, every piece turning the same way, Cairo's nonzero winding rule fills and clips
/// the union once.
enum ZoneUnion {
    /// The zones of each pattern, pieces of the same kind, label and tier joined into one zone, in
    /// the order each kind and label first appears. `excluding` zones are left out.
    static func merged(_ placed: [PlacedPattern], excluding: [Zone] = []) -> [Zone] {
        placed.flatMap { merged($0.zones.filter { !excluding.contains($0) }) }
    }

    /// Pieces of the same kind and label in `zones` joined into one zone.
    static func merged(_ zones: [Zone]) -> [Zone] {
        var result: [Zone] = []
        for zone in zones {
            let piece = counterClockwise(zone.path)
            if let i = result.firstIndex(where: { $0.kind == zone.kind && $0.label == zone.label && $0.view == zone.view && $0.tier == zone.tier }) {
                result[i].path = result[i].path.appending(piece)
            } else {
                var first = zone
                first.path = piece
                result.append(first)
            }
        }
        return result
    }

    /// Every subpath of `path` turning the same way (positive area in the path's own
    /// coordinates), so that overlapping subpaths add to the winding number rather than cancel.
    static func counterClockwise(_ path: BezierPath) -> BezierPath {
        BezierPath(subpaths(path).flatMap { signedArea($0) < 0 ? reversed($0) : $0 })
    }

    static func subpaths(_ path: BezierPath) -> [[PathElement]] {
        var result: [[PathElement]] = []
        for element in path.elements {
            if case .move = element { result.append([element]) } else if result.isEmpty { result.append([element]) } else { result[result.count - 1].append(element) }
        }
        return result
    }

    static func signedArea(_ subpath: [PathElement]) -> Double {
        guard let polygon = BezierPath(subpath).polylines().first, polygon.count > 2 else { return 0 }
        var area = 0.0
        for (a, b) in zip(polygon, polygon.dropFirst() + [polygon[0]]) { area += a.x * b.y - b.x * a.y }
        return area / 2
    }

    /// The same subpath traced backwards: from its last point to its first, each curve with
    /// its control points swapped, closed again if it was closed.
    static func reversed(_ subpath: [PathElement]) -> [PathElement] {
        var points: [Point] = []          // the end point of each element, in order
        var segments: [PathElement] = []  // the elements after the move
        var closed = false
        for element in subpath {
            switch element {
            case .move(let p): points.append(p)
            case .line(let p): points.append(p); segments.append(element)
            case .curve(_, _, let p): points.append(p); segments.append(element)
            case .close: closed = true
            }
        }
        guard let last = points.last, points.count == segments.count + 1 else { return subpath }
        var result: [PathElement] = [.move(last)]
        for i in stride(from: segments.count - 1, through: 0, by: -1) {
            let start = points[i]
            switch segments[i] {
            case .curve(let c1, let c2, _): result.append(.curve(c2, c1, start))
            default: result.append(.line(start))
            }
        }
        if closed { result.append(.close) }
        return result
    }
}
