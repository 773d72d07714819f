/// A pattern's geometry moved into one body view for one side, in screen millimetres.
public struct PlacedPattern: Sendable, Equatable {
    public var pattern: Pattern
    public var view: ViewID
    public var side: Side
    public var muscles: [Stroke]
    public var triggerPoints: [TriggerPoint]
    public var zones: [Zone]
    public var nerves: [Stroke]
    public var marks: [PatternMark] = []
    /// The marks drawn only in the framed muscle picture (`PatternMark.pictureOnly`).
    public var pictureMarks: [PatternMark] = []

    public var isEmpty: Bool { zones.isEmpty && triggerPoints.isEmpty && nerves.isEmpty && muscles.isEmpty }
}

extension Pattern {
    /// The pattern on `side` as it appears in `view`, or nil when that view cannot show it.
    public func placed(in view: ViewID, side: Side) -> PlacedPattern? {
        guard view.shows(side) else { return nil }
        let sign = view.screenSign(for: side)
        let flip: (Point) -> Point = { Point($0.x * sign, $0.y) }
        let patternView = view.patternView
        var placed = PlacedPattern(
            pattern: self, view: view, side: side,
            muscles: muscles.filter { $0.view == patternView }.map { var s = $0; s.path = s.path.map(flip); return s },
            triggerPoints: triggerPoints.filter { $0.view == patternView }.map { var t = $0; t.point = flip(t.point); return t },
            zones: zones.filter { $0.view == patternView }.map { var z = $0; z.path = z.path.map(flip); return z },
            nerves: nerves.filter { $0.view == patternView }.map { var s = $0; s.path = s.path.map(flip); return s },
            marks: marks.filter { $0.view == patternView && !$0.pictureOnly }.map { var m = $0; m.path = m.path.map(flip); return m })
        placed.pictureMarks = marks.filter { $0.view == patternView && $0.pictureOnly }.map { var m = $0; m.path = m.path.map(flip); return m }
        return placed.isEmpty ? nil : placed
    }
}
