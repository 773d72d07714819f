/// Plain polygon arithmetic on flattened paths, for validation and tests.
public enum Polygon {
    /// Signed area (shoelace); positive when the points run clockwise on screen (y down).
    public static func signedArea(_ points: [Point]) -> Double {
        guard points.count > 2 else { return 0 }
        var sum = 0.0
        for i in points.indices {
            let a = points[i], b = points[(i + 1) % points.count]
            sum += a.x * b.y - b.x * a.y
        }
        return sum / 2
    }

    /// Even-odd point-in-polygon test.
    public static func contains(_ points: [Point], _ p: Point) -> Bool {
        var inside = false
        var j = points.count - 1
        for i in points.indices {
            let a = points[i], b = points[j]
            if (a.y > p.y) != (b.y > p.y),
               p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
                inside.toggle()
            }
            j = i
        }
        return inside
    }

    /// True when two non-adjacent edges of the closed polygon cross. A sweep down the
    /// page: edges sorted by their top, each compared only with the edges that start before
    /// it ends and overlap it across (a body outline of 2000 points was 270 million
    /// instructions compared pair by pair; this is a few hundred thousand).
    public static func selfIntersects(_ polyline: [Point]) -> Bool {
        let points = polyline.count > 1 && polyline.first == polyline.last ? Array(polyline.dropLast()) : polyline
        let n = points.count
        guard n > 3 else { return false }
        func cross(_ o: Point, _ a: Point, _ b: Point) -> Double {
            (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
        }
        struct Edge {
            var index: Int
            var a: Point, b: Point
            var minX: Double, maxX: Double, minY: Double, maxY: Double
        }
        let edges = (0..<n).map { i -> Edge in
            let a = points[i], b = points[(i + 1) % n]
            return Edge(index: i, a: a, b: b, minX: min(a.x, b.x), maxX: max(a.x, b.x), minY: min(a.y, b.y), maxY: max(a.y, b.y))
        }.sorted { $0.minY < $1.minY }
        for k in edges.indices {
            let e = edges[k]
            var m = k + 1
            while m < edges.count, edges[m].minY <= e.maxY {
                let f = edges[m]
                m += 1
                guard f.minX <= e.maxX, e.minX <= f.maxX else { continue }
                let i = min(e.index, f.index), j = max(e.index, f.index)
                if j - i < 2 || (i == 0 && j == n - 1) { continue }  // neighbours share a corner
                let d1 = cross(f.a, f.b, e.a), d2 = cross(f.a, f.b, e.b)
                let d3 = cross(e.a, e.b, f.a), d4 = cross(e.a, e.b, f.b)
                if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
                    return true
                }
            }
        }
        return false
    }
}
