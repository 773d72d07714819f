/// Every zone shows its source: where a pattern's zones appear in a view but its trigger
/// points lie in another, the view carries a marker at its edge ("TrP3: see side view").
public struct EdgeMarker: Sendable, Equatable {
    /// The trigger points pointed to, by label ("TrP3"), without repeats.
    public var labels: [String]
    /// The pattern views in which they are drawn.
    public var views: [PatternView]
}

extension Atlas {
    /// The single patterns a pattern is made of: its parts, recursively, or itself.
    public func leaves(of pattern: Pattern) -> [Pattern] {
        var seen: Set<String> = []
        func walk(_ p: Pattern) -> [Pattern] {
            guard seen.insert(p.id).inserted else { return [] }
            if p.includes.isEmpty { return [p] }
            return p.includes.compactMap { self.pattern($0) }.flatMap(walk)
        }
        return walk(pattern)
    }

    /// One marker per part that has zones in `view` but no trigger point there, while it
    /// has trigger points in other views.
    public func edgeMarkers(for pattern: Pattern, in view: PatternView) -> [EdgeMarker] {
        leaves(of: pattern).compactMap { part in
            guard part.zones.contains(where: { $0.view == view }),
                  !part.triggerPoints.contains(where: { $0.view == view }) else { return nil }
            let elsewhere = part.triggerPoints.filter { $0.view != view }
            guard !elsewhere.isEmpty else { return nil }
            var labels: [String] = []
            for point in elsewhere {
                let label = point.label ?? "Trigger point"
                if !labels.contains(label) { labels.append(label) }
            }
            return EdgeMarker(labels: labels, views: PatternView.allCases.filter { v in elsewhere.contains { $0.view == v } })
        }
    }
}
