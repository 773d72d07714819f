import Foundation

/// A projective map of the plane: how a printed page lands in a scan or a phone photo taken
/// at an angle, and back. Acts on points as a 3x3 matrix on (x, y, 1).
public struct Homography: Sendable, Equatable {
    /// Row-major 3x3, normalised so that the last entry is 1 where possible.
    public var matrix: [Double]

    public init(matrix: [Double]) {
        precondition(matrix.count == 9, "a homography has 9 entries")
        // Why: a homography is only defined up to scale; fixing h33 = 1 makes equal maps
        // compare equal. Skipped when h33 is (nearly) zero, i.e. the origin maps to infinity.
        let last = matrix[8], largest = matrix.map(abs).max() ?? 0
        if last.isFinite, abs(last) > 1e-12 * largest, last != 1 {
            self.matrix = matrix.map { $0 / last }
        } else {
            self.matrix = matrix
        }
    }

    public static let identity = Homography(matrix: [1, 0, 0, 0, 1, 0, 0, 0, 1])

    /// Least-squares fit (normalised DLT, Hartley normalisation of both point sets) mapping from[i] to to[i]; nil when fewer than 4 pairs, counts differ, or the points are degenerate (3 collinear of 4, coincident...).
    ///
    /// Solves for the eight entries with h33 = 1 in normalised coordinates, where each set is
    /// centred and scaled to a mean distance of sqrt(2) so that the system is well conditioned.
    /// (h33 = 1 there only excludes maps that send the centroid of `from` to infinity.)
    public init?(from: [Point], to: [Point]) {
        guard from.count >= 4, from.count == to.count,
              let source = Normalisation(from), let target = Normalisation(to) else { return nil }
        // Each pair gives two rows of A h = b:
        //   x' (h31 x + h32 y + 1) = h11 x + h12 y + h13, and likewise for y'.
        // Accumulated straight into the normal equations AᵀA h = Aᵀb.
        var ata = [Double](repeating: 0, count: 64), atb = [Double](repeating: 0, count: 8)
        func add(_ row: [Double], _ rhs: Double) {
            for i in 0..<8 where row[i] != 0 {
                atb[i] += row[i] * rhs
                for j in 0..<8 { ata[i * 8 + j] += row[i] * row[j] }
            }
        }
        for (a, b) in zip(from, to) {
            let p = source.apply(a), q = target.apply(b)
            add([p.x, p.y, 1, 0, 0, 0, -p.x * q.x, -p.y * q.x], q.x)
            add([0, 0, 0, p.x, p.y, 1, -p.x * q.y, -p.y * q.y], q.y)
        }
        guard let h = Homography.solve(ata, atb) else { return nil }
        let normalised = Homography(matrix: h + [1])
        // Why: with 3 of 4 points collinear the system can still have a solution, but it is a
        // singular matrix (it squashes the plane onto a line), which is no use as a map.
        let size = normalised.matrix.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard abs(normalised.determinant) > 1e-9 * size * size * size else { return nil }
        self = source.homography.then(normalised).then(target.inverse)
    }

    /// p -> R*s*p + t, with R a rotation by `rotation` radians from +x toward +y
    /// (clockwise on screen, where y grows downward).
    public init(scale: Double, rotation: Double /* radians */, translation: Point) {
        let c = scale * cos(rotation), s = scale * sin(rotation)
        self.init(matrix: [c, -s, translation.x, s, c, translation.y, 0, 0, 1])
    }

    /// The image of `p`; non-finite for points on the line that maps to infinity.
    public func apply(_ p: Point) -> Point {
        let m = matrix
        let w = m[6] * p.x + m[7] * p.y + m[8]
        return Point((m[0] * p.x + m[1] * p.y + m[2]) / w, (m[3] * p.x + m[4] * p.y + m[5]) / w)
    }

    /// nil when singular
    public var inverse: Homography? {
        let m = matrix
        // The adjugate; dividing by the determinant is left to the normalisation in init.
        let adjugate = [
            m[4] * m[8] - m[5] * m[7], m[2] * m[7] - m[1] * m[8], m[1] * m[5] - m[2] * m[4],
            m[5] * m[6] - m[3] * m[8], m[0] * m[8] - m[2] * m[6], m[2] * m[3] - m[0] * m[5],
            m[3] * m[7] - m[4] * m[6], m[1] * m[6] - m[0] * m[7], m[0] * m[4] - m[1] * m[3],
        ]
        let size = m.map(abs).max() ?? 0
        let det = determinant
        guard det.isFinite, abs(det) > 1e-12 * size * size * size else { return nil }
        return Homography(matrix: adjugate.map { $0 / det })
    }

    /// First self, then other.
    public func then(_ other: Homography) -> Homography {
        let a = other.matrix, b = matrix
        var product = [Double](repeating: 0, count: 9)
        for row in 0..<3 {
            for column in 0..<3 {
                product[row * 3 + column] = (0..<3).reduce(0) { $0 + a[row * 3 + $1] * b[$1 * 3 + column] }
            }
        }
        return Homography(matrix: product)
    }

    /// The local scale (square root of the Jacobian determinant's magnitude) at a point: how many target units one source unit becomes there.
    public func localScale(at p: Point) -> Double {
        // For a projective map the Jacobian determinant is det(H) / w³, w = h31 x + h32 y + h33.
        let m = matrix
        let w = m[6] * p.x + m[7] * p.y + m[8]
        return (abs(determinant) / abs(w * w * w)).squareRoot()
    }

    var determinant: Double {
        let m = matrix
        return m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6])
            + m[2] * (m[3] * m[7] - m[4] * m[6])
    }

    /// Gaussian elimination with partial pivoting on an n x n system; nil when (nearly) singular.
    static func solve(_ matrix: [Double], _ rhs: [Double]) -> [Double]? {
        let n = rhs.count
        var a = matrix, b = rhs
        let largest = a.map(abs).max() ?? 0
        guard largest > 0 else { return nil }
        for column in 0..<n {
            let pivot = (column..<n).max { abs(a[$0 * n + column]) < abs(a[$1 * n + column]) }!
            guard abs(a[pivot * n + column]) > 1e-12 * largest else { return nil }
            if pivot != column {
                for k in 0..<n { a.swapAt(pivot * n + k, column * n + k) }
                b.swapAt(pivot, column)
            }
            for row in (column + 1)..<n {
                let factor = a[row * n + column] / a[column * n + column]
                guard factor != 0 else { continue }
                for k in column..<n { a[row * n + k] -= factor * a[column * n + k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in (row + 1)..<n { sum -= a[row * n + k] * x[k] }
            x[row] = sum / a[row * n + row]
        }
        return x
    }
}

/// Hartley normalisation: moves a point set's centroid to the origin and scales it to a mean
/// distance of sqrt(2), so the fit's equations have entries of similar size.
private struct Normalisation {
    var centroid: Point
    var scale: Double

    /// nil when all points coincide.
    init?(_ points: [Point]) {
        let n = Double(points.count)
        let centre = points.reduce(Point(0, 0), +) * (1 / n)
        let spread = points.reduce(0) { $0 + $1.distance(to: centre) } / n
        guard spread.isFinite, spread > 1e-12 * max(1, abs(centre.x), abs(centre.y)) else { return nil }
        centroid = centre
        scale = 2.0.squareRoot() / spread
    }

    func apply(_ p: Point) -> Point { (p - centroid) * scale }

    var homography: Homography {
        Homography(matrix: [scale, 0, -scale * centroid.x, 0, scale, -scale * centroid.y, 0, 0, 1])
    }

    var inverse: Homography {
        Homography(matrix: [1 / scale, 0, centroid.x, 0, 1 / scale, centroid.y, 0, 0, 1])
    }
}
