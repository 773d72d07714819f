/// One step of a path: the vocabulary shared by Cairo, SVG and PDF.
public enum PathElement: Sendable, Equatable, Codable {
    case move(Point)
    case line(Point)
    case curve(Point, Point, Point)
    case close
}

/// A path of straight and cubic Bézier segments in atlas millimetres.
public struct BezierPath: Sendable, Equatable, Codable {
    public var elements: [PathElement]

    public init(_ elements: [PathElement] = []) {
        self.elements = elements
    }

    public var isEmpty: Bool { elements.isEmpty }

    /// Every element's points mapped through `transform`.
    public func map(_ transform: (Point) -> Point) -> BezierPath {
        BezierPath(elements.map { element in
            switch element {
            case .move(let p): .move(transform(p))
            case .line(let p): .line(transform(p))
            case .curve(let a, let b, let c): .curve(transform(a), transform(b), transform(c))
            case .close: .close
            }
        })
    }

    /// Mirrored about x = 0.
    public var mirrored: BezierPath { map(\.mirrored) }

    public func appending(_ other: BezierPath) -> BezierPath {
        BezierPath(elements + other.elements)
    }

    /// The path as polylines (one per subpath), each curve cut into `segmentsPerCurve` pieces.
    /// Used for geometry checks (areas, containment); drawing uses the curves themselves.
    public func polylines(segmentsPerCurve: Int = 12) -> [[Point]] {
        var result: [[Point]] = []
        var current: [Point] = []
        for element in elements {
            switch element {
            case .move(let p):
                if current.count > 1 { result.append(current) }
                current = [p]
            case .line(let p):
                current.append(p)
            case .curve(let c1, let c2, let end):
                guard let start = current.last else { current = [end]; continue }
                for i in 1...segmentsPerCurve {
                    let t = Double(i) / Double(segmentsPerCurve)
                    let u = 1 - t
                    let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
                    current.append(Point(a * start.x + b * c1.x + c * c2.x + d * end.x,
                                         a * start.y + b * c1.y + c * c2.y + d * end.y))
                }
            case .close:
                if let first = current.first, current.last != first { current.append(first) }
            }
        }
        if current.count > 1 { result.append(current) }
        return result
    }

    /// The bounding box of the flattened path.
    public var bounds: Rect? { Rect(bounding: polylines().flatMap { $0 }) }
}
