/// Which dermatome map radicular territories are drawn from.
public enum DermatomeMapID: String, Sendable, CaseIterable, Codable {
    case classic
    case evidenceBased = "evidence-based"
}

/// A dermatome map: one pattern per root plus the map's unassigned gaps.
public struct DermatomeMap: Sendable, Equatable, Codable {
    public var id: DermatomeMapID
    public var name: String
    /// The root patterns (`dermatome-l5`...) and the whole map (`dermatomes`).
    public var patterns: [Pattern]
    public var gaps: [Zone]
}

/// The whole validated atlas.
public struct Atlas: Sendable, Equatable, Codable {
    public var version: String
    public var name: String
    public var views: [ViewID: BodyView]
    /// Muscle, joint, nerve and radicular patterns, sorted by id.
    public var patterns: [Pattern]
    public var dermatomeMaps: [DermatomeMapID: DermatomeMap]
    /// Declarative figures, sorted by id.
    public var figures: [Figure] = []
    /// Named styles from `styles/*.yaml` (`default`, `print-greyscale`...).
    public var styles: [String: Style] = [:]
    /// Phrasebooks from `text/*.yaml`, by language code.
    public var phrasebooks: [String: Phrasebook] = [:]
    /// Bones and muscles drawn under the zones (`anatomy/*.yaml`).
    public var anatomy = Anatomy()

    /// The phrasebook for a language (English is always there).
    public func phrasebook(_ language: String = "en") -> Phrasebook? {
        phrasebooks[language] ?? (language == "en" ? Phrasebook() : nil)
    }

    /// The named style, or the atlas default (or the built-in one).
    public func style(_ name: String? = nil) -> Style? {
        guard let name else { return styles["default"] ?? Style() }
        return styles[name]
    }

    public func view(_ id: ViewID) -> BodyView? { views[id] }

    /// Every pattern, with the dermatomes of the chosen map.
    public func allPatterns(dermatomeMap: DermatomeMapID = .evidenceBased) -> [Pattern] {
        patterns + (dermatomeMaps[dermatomeMap]?.patterns ?? [])
    }

    public func figure(_ id: String) -> Figure? { figures.first { $0.id == id } }

    public func pattern(_ id: String, dermatomeMap: DermatomeMapID = .evidenceBased) -> Pattern? {
        allPatterns(dermatomeMap: dermatomeMap).first { $0.id == id }
    }
}
