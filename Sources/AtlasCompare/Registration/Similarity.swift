import AtlasModel

/// A uniform scale and a shift from reference template pixels to drawing pixels. The scale
/// acts about a fixed reference point (the bodies' centre), so that scale and shift are
/// independent during the search.
struct Similarity: Sendable, Equatable {
    var scale: Double
    /// The reference point the scale acts about.
    var pivot: Point
    /// Where the pivot lands in the drawing.
    var position: Point

    func apply(_ p: Point) -> Point {
        Point(position.x + (p.x - pivot.x) * scale, position.y + (p.y - pivot.y) * scale)
    }

    func invert(_ q: Point) -> Point {
        Point(pivot.x + (q.x - position.x) / scale, pivot.y + (q.y - position.y) / scale)
    }

    /// The same placement, with the scale acting about another reference point.
    func repivoted(to newPivot: Point) -> Similarity {
        Similarity(scale: scale, pivot: newPivot, position: apply(newPivot))
    }

    /// Where the reference page's top-left corner lands: the drawing's crop offset.
    var offset: Point { apply(Point(0, 0)) }
}
