import AtlasModel

/// The outline of a pattern's zones drawn in one tone, rounded where its pieces meet, as a
/// plate's artist draws one area in one stroke.
///
/// Filled as they are (one path, nonzero winding: a vector union, no raster), pieces that meet
/// at an angle leave the corner where one piece's edge runs into another's: in gluteus
/// medius, TrP3's band over the sacrum stops square against the medial edge of TrP2's buttock
/// and thigh zone, and in one tone the union read as a blocky L with right-angle steps below
/// the sacrum (review 2110). Here the pieces are laid on a fine grid, blurred and cut at half
/// height: an inner corner fills with a round of about `radius` millimetres, while a straight edge stays
/// where it was. The result is drawn together with the pieces, so nothing a piece covers is
/// lost (the blur alone would shave a narrow tip or an outer corner): only inner corners and
/// narrow notches between pieces are filled.
enum RoundedUnion {
    /// Grid cell, atlas millimetres.
    static let cell = 1.0
    /// The blur: three box passes of this half-width (cells), about a Gaussian of 12.5 mm. At
    /// 6 mm the steps under the gluteus medius sacral band kept their corners; at 12 mm they
    /// read as one curve, and the notch between TrP3's band and TrP2's zone in the side view
    /// only begins to fill.
    static let radius = 12

    /// The rounded outline of the union of `path`'s closed subpaths (every subpath counter-
    /// clockwise, as `ZoneUnion` merges them), or nil when there is nothing to round.
    static func outline(of path: BezierPath) -> BezierPath? {
        let rings = path.polylines(segmentsPerCurve: 8).filter { $0.count > 2 }
        guard rings.count > 1, let bounds = Rect(bounding: rings.flatMap { $0 }) else { return nil }
        let pad = Double(radius * 4) * cell
        let origin = Point(bounds.minX - pad, bounds.minY - pad)
        let nx = Int(((bounds.width + 2 * pad) / cell).rounded(.up)) + 1
        let ny = Int(((bounds.height + 2 * pad) / cell).rounded(.up)) + 1
        var grid = Grid(nx: nx, ny: ny)
        grid.fill(rings, origin: origin, cell: cell)
        for _ in 0..<3 { grid.blurRows(radius); grid.blurColumns(radius) }
        let loops = grid.contours(level: 0.5).filter { $0.count > 8 }
        guard !loops.isEmpty else { return nil }
        var elements: [PathElement] = []
        for loop in loops {
            // Every third crossing (about 2-3 mm apart) through a smooth spline: no grid steps.
            let knots = stride(from: 0, to: loop.count, by: 3).map { i in
                SplineKnot(Point(origin.x + loop[i].x * cell, origin.y + loop[i].y * cell))
            }
            elements += Spline.path(through: knots, closed: true).elements
        }
        return ZoneUnion.counterClockwise(BezierPath(elements))
    }

    /// Coverage values on a grid of cell centres (x right, y down), row by row.
    struct Grid {
        let nx: Int, ny: Int
        var values: [Double]

        init(nx: Int, ny: Int) {
            self.nx = nx
            self.ny = ny
            values = Array(repeating: 0, count: nx * ny)
        }

        /// 1 in every cell whose centre lies inside one of `rings` (each ring filled even-odd).
        mutating func fill(_ rings: [[Point]], origin: Point, cell: Double) {
            for j in 0..<ny {
                let y = origin.y + Double(j) * cell
                for ring in rings {
                    var xs: [Double] = []
                    for (a, b) in zip(ring, ring.dropFirst() + [ring[0]]) where (a.y <= y) != (b.y <= y) {
                        xs.append(a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x))
                    }
                    xs.sort()
                    for k in stride(from: 0, to: xs.count - 1, by: 2) {
                        let from = max(0, Int(((xs[k] - origin.x) / cell).rounded(.up)))
                        let to = min(nx - 1, Int(((xs[k + 1] - origin.x) / cell).rounded(.down)))
                        guard from <= to else { continue }
                        for i in from...to { values[j * nx + i] = 1 }
                    }
                }
            }
        }

        /// A running-sum box blur along each row (`stride` 1) or column (`stride` nx).
        private mutating func blur(count: Int, lines: Int, start: (Int) -> Int, step: Int, radius r: Int) {
            var line = Array(repeating: 0.0, count: count)
            let width = Double(2 * r + 1)
            for l in 0..<lines {
                let base = start(l)
                for k in 0..<count { line[k] = values[base + k * step] }
                var sum = 0.0
                for k in 0...min(r, count - 1) { sum += line[k] }
                for k in 0..<count {
                    values[base + k * step] = sum / width
                    if k + r + 1 < count { sum += line[k + r + 1] }
                    if k - r >= 0 { sum -= line[k - r] }
                }
            }
        }

        mutating func blurRows(_ r: Int) {
            let width = nx
            blur(count: nx, lines: ny, start: { $0 * width }, step: 1, radius: r)
        }

        mutating func blurColumns(_ r: Int) { blur(count: ny, lines: nx, start: { $0 }, step: nx, radius: r) }

        func value(_ i: Int, _ j: Int) -> Double { values[j * nx + i] }

        /// Closed contours at `level` (marching squares), in cell units, each a loop of points
        /// where the level crosses a grid edge. The grid's border is below the level (padded).
        func contours(level: Double) -> [[Point]] {
            // An edge crossing by id: 2 * (j * nx + i) for the edge right of corner (i, j),
            // + 1 for the edge below it.
            func crossing(_ id: Int) -> Point {
                let corner = id / 2, i = corner % nx, j = corner / nx
                let a = value(i, j), b = id % 2 == 0 ? value(i + 1, j) : value(i, j + 1)
                let f = (level - a) / (b - a)
                return id % 2 == 0 ? Point(Double(i) + f, Double(j)) : Point(Double(i), Double(j) + f)
            }
            var next: [Int: Int] = [:]
            for j in 0..<(ny - 1) {
                for i in 0..<(nx - 1) {
                    // Most cells lie wholly inside or outside: skip them before building anything
                    // (per-cell arrays here took a fifth of a one-picture run).
                    let corners = (value(i, j), value(i + 1, j), value(i + 1, j + 1), value(i, j + 1))
                    let first = corners.0 >= level
                    if (corners.1 >= level) == first, (corners.2 >= level) == first, (corners.3 >= level) == first { continue }
                    let top = 2 * (j * nx + i), left = top + 1
                    let bottom = 2 * ((j + 1) * nx + i), right = 2 * (j * nx + i + 1) + 1
                    let inside = [corners.0, corners.1, corners.2, corners.3].map { $0 >= level }
                    // The cell's edges going round it (top, right, bottom, left), each running from
                    // one corner to the next: where it goes from inside to outside the contour
                    // leaves, where it goes from outside to inside the contour enters.
                    let edges = [top, right, bottom, left]
                    let leaves = (0..<4).filter { inside[$0] && !inside[($0 + 1) % 4] }
                    guard !leaves.isEmpty else { continue }
                    let enters = (0..<4).filter { !inside[$0] && inside[($0 + 1) % 4] }
                    // From a leaving edge the contour goes to the next entering edge round the
                    // cell (cutting off outside corners) unless, in a saddle whose centre is
                    // outside, the inside corners are the ones cut off: then to the one before.
                    let centreInside = leaves.count == 1
                        || (value(i, j) + value(i + 1, j) + value(i + 1, j + 1) + value(i, j + 1)) / 4 >= level
                    for l in leaves {
                        let e = centreInside ? enters.min { ($0 - l + 4) % 4 < ($1 - l + 4) % 4 }!
                                             : enters.min { (l - $0 + 4) % 4 < (l - $1 + 4) % 4 }!
                        next[edges[l]] = edges[e]
                    }
                }
            }
            var loops: [[Point]] = []
            var seen: Set<Int> = []
            for start in next.keys.sorted() where !seen.contains(start) {
                var loop: [Point] = []
                var id = start
                while !seen.contains(id), let following = next[id] {
                    seen.insert(id)
                    loop.append(crossing(id))
                    id = following
                }
                if id == start, loop.count > 2 { loops.append(loop) }
            }
            return loops
        }
    }
}
