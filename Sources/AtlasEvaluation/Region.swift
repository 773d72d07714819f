import AtlasModel

/// An area a patient means to mark, in image pixels: polygons filled by an even-odd scanline
/// of its own (never the comparison's mask rasteriser), kept as runs per row.
struct Region: Sendable {
    /// The polygons, image pixels.
    var polygons: [[Point]]
    let minY: Int
    /// Per row from `minY`: the inside spans [start, end) in x.
    var rows: [[(Double, Double)]]

    init(polygons: [[Point]], clip: ((Point) -> Bool)? = nil) {
        self.polygons = polygons
        let ys = polygons.flatMap { $0.map(\.y) }
        let top = Int((ys.min() ?? 0).rounded(.down)), bottom = Int((ys.max() ?? 0).rounded(.up))
        minY = top
        var rows: [[(Double, Double)]] = []
        for y in top..<max(top, bottom) {
            let cy = Double(y) + 0.5
            var spans: [(Double, Double)] = []
            for polygon in polygons {
                var xs: [Double] = []
                for i in polygon.indices {
                    let a = polygon[i], b = polygon[(i + 1) % polygon.count]
                    if (a.y <= cy) != (b.y <= cy) {
                        xs.append(a.x + (cy - a.y) / (b.y - a.y) * (b.x - a.x))
                    }
                }
                xs.sort()
                var k = 0
                while k + 1 < xs.count {
                    spans.append((xs[k], xs[k + 1]))
                    k += 2
                }
            }
            if let clip {
                // Keep the parts of each span the clip accepts, sampled every pixel.
                var kept: [(Double, Double)] = []
                for (s, e) in spans {
                    var start: Double?
                    var x = s
                    while x <= e {
                        let inside = clip(Point(x, cy))
                        if inside, start == nil { start = x }
                        if !inside, let st = start { kept.append((st, x)); start = nil }
                        x += 1
                    }
                    if let st = start { kept.append((st, e)) }
                }
                spans = kept
            }
            rows.append(spans)
        }
        self.rows = rows
    }

    var isEmpty: Bool { rows.allSatisfy(\.isEmpty) }

    /// Whether a point lies inside.
    func contains(_ p: Point) -> Bool {
        let row = Int(p.y.rounded(.down)) - minY
        guard row >= 0, row < rows.count else { return false }
        return rows[row].contains { p.x >= $0.0 && p.x < $0.1 }
    }

    /// Inside area, pixels.
    var area: Double { rows.reduce(0) { $0 + $1.reduce(0) { $0 + ($1.1 - $1.0) } } }

    /// The inside runs along the line through `origin` in direction `direction` (unit).
    func runs(along origin: Point, direction: Point, length: Double) -> [(Point, Point)] {
        var result: [(Point, Point)] = []
        var start: Point?
        var t = -length
        while t <= length {
            let p = origin + direction * t
            let inside = contains(p)
            if inside, start == nil { start = p }
            if !inside, let s = start { result.append((s, p)); start = nil }
            t += 1
        }
        if let s = start { result.append((s, origin + direction * length)) }
        return result
    }

    var bounds: Rect? { Rect(bounding: polygons.flatMap { $0 }) }
}
