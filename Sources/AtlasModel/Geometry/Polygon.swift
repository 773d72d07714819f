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

    /// True when two non-adjacent edges of the closed polygon cross.
    public static func selfIntersects(_ polyline: [Point]) -> Bool {
        let points = polyline.count > 1 && polyline.first == polyline.last ? Array(polyline.dropLast()) : polyline
        let n = points.count
        guard n > 3 else { return false }
        func cross(_ o: Point, _ a: Point, _ b: Point) -> Double {
            (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)
        }
        for i in 0..<(n - 2) {
            let a1 = points[i], a2 = points[(i + 1) % n]
            for j in (i + 2)..<n where !(i == 0 && j == n - 1) {
                let b1 = points[j], b2 = points[(j + 1) % n]
                let d1 = cross(b1, b2, a1), d2 = cross(b1, b2, a2)
                let d3 = cross(a1, a2, b1), d4 = cross(a1, a2, b2)
                if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
                    return true
                }
            }
        }
        return false
    }
}
