import AtlasModel

/// Words for a render whose patterns show in none of the views asked for.
public enum RenderViews {
    /// "nothing of gluteus-medius-trp1 shows in the left side view for the right side; add --side left".
    public static func nothingShown(_ patterns: [Pattern], views: [ViewID], sides: [Side], atlas: Atlas) -> String {
        let names = views.map { (atlas.view($0)?.label ?? $0.rawValue).lowercased() }
        let sideText = sides.count > 1 ? "either side" : "the \(sides.map(\.rawValue).joined()) side"
        let message = "nothing of \(patterns.map(\.id).joined(separator: ", ")) shows in the "
            + "\(names.joined(separator: ", ")) view\(views.count > 1 ? "s" : "") for \(sideText)"
        // A lateral view shows only its own side: the usual slip is a side left at its default.
        let lateralSides = Set(views.compactMap(\.onlySide))
        if views.allSatisfy({ $0.onlySide != nil }), lateralSides.count == 1, let side = lateralSides.first, !sides.contains(side),
           views.contains(where: { v in patterns.contains { $0.placed(in: v, side: side) != nil } }) {
            return message + "; add --side \(side.rawValue)"
        }
        let shown = ViewID.withSoles.filter { v in patterns.contains { p in sides.contains { p.placed(in: v, side: $0) != nil } } }
        guard !shown.isEmpty else { return message }
        return message + "; it shows in --view " + shown.map(\.rawValue).joined(separator: ", ")
    }
}
