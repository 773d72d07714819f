/// The names a user may give a view: its id, or the word the charts print for it.
extension ViewID {
    /// `back`, `front`, `right` and `left`, as the printed charts label the views (and `soles`).
    public static let plainNames: [String: ViewID] = [
        "back": .posterior, "front": .anterior, "right": .lateralRight, "left": .lateralLeft, "soles": .plantar,
    ]

    /// The view a user means by `name` (an id or a plain name, any case).
    public init?(named name: String) {
        let key = name.lowercased()
        guard let view = ViewID(rawValue: key) ?? Self.plainNames[key] else { return nil }
        self = view
    }

    /// Every name `init(named:)` accepts, ids first.
    public static var acceptedNames: [String] { withSoles.map(\.rawValue) + plainNames.keys.sorted() }
}
