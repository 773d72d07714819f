import AtlasModel

/// What makes two matches the same source for the reader: the pattern, and the patterns it
/// includes or is included in (a muscle and its own trigger points).
struct SourceKey: Sendable, Equatable {
    var id: String
    var includes: [String]

    init(id: String, includes: [String] = []) {
        self.id = id
        self.includes = includes
    }

    init(mask: PatternMask) { self.init(id: mask.pattern.id, includes: mask.pattern.includes) }

    /// The same pattern (on any side), or one includes the other.
    func sameSource(as other: SourceKey) -> Bool {
        id == other.id || includes.contains(other.id) || other.includes.contains(id)
    }
}

/// Orders a ranking so that its first entries are different sources: a match that repeats
/// an earlier one (the same pattern on another side, or a muscle and one of its own
/// trigger points) moves after the distinct ones, keeping its order among the repeats.
/// A reader scanning the top three then sees three candidate sources, not one muscle three
/// times; the repeats stay in the list, for the side and trigger-point detail.
enum DistinctSources {
    /// The indices of `keys` (ranked best first) in the order to show.
    static func order(_ keys: [SourceKey]) -> [Int] {
        var distinct: [Int] = [], repeats: [Int] = []
        for (index, key) in keys.enumerated() {
            if distinct.contains(where: { keys[$0].sameSource(as: key) }) { repeats.append(index) } else { distinct.append(index) }
        }
        return distinct + repeats
    }
}
