import AtlasModel
import Foundation

/// An open contour line (a crease, a muscle's border) drawn as a pen draws it on a plate: at
/// full width along most of its length and thinning over the last part at each end, so that
/// it fades into the skin instead of stopping bluntly like a cut wire.
enum TaperedStroke {
    /// The share of the line's length over which each end thins.
    static let taper = 0.25
    /// The width at the very ends, as a share of the full width.
    static let endWidth = 0.3

    /// The filled outline of the tapered line along `polyline` (pixels) at `width` pixels,
    /// or nil when the line is too short to taper or doubles back on itself (it is then
    /// stroked as usual).
    static func ribbon(_ polyline: [Point], width: Double) -> BezierPath? {
        let points = polyline.enumerated().filter { i, p in i == 0 || p.distance(to: polyline[i - 1]) > 1e-6 }.map(\.element)
        guard points.count >= 2 else { return nil }
        var along = [0.0]
        for (a, b) in zip(points, points.dropFirst()) { along.append(along.last! + a.distance(to: b)) }
        let length = along.last!
        guard length > 4 * width else { return nil }
        var left: [Point] = [], right: [Point] = []
        for (i, p) in points.enumerated() {
            let before = points[max(i - 1, 0)], after = points[min(i + 1, points.count - 1)]
            let d = after - before, norm = (d.x * d.x + d.y * d.y).squareRoot()
            guard norm > 1e-9 else { return nil }
            let normal = Point(-d.y / norm, d.x / norm)
            let half = halfWidth(at: along[i] / length, width: width)
            left.append(p + normal * half)
            right.append(p - normal * half)
        }
        var elements: [PathElement] = [.move(left[0])]
        elements += left.dropFirst().map { .line($0) }
        elements += right.reversed().map { .line($0) }
        elements.append(.close)
        return BezierPath(elements)
    }

    /// Half the line's width at `fraction` (0 to 1) of its length: full in the middle, easing
    /// down to `endWidth` of it at each end.
    static func halfWidth(at fraction: Double, width: Double) -> Double {
        let t = min(1, min(fraction, 1 - fraction) / taper)
        let eased = t * t * (3 - 2 * t)
        return width * (endWidth + (1 - endWidth) * eased) / 2
    }
}
