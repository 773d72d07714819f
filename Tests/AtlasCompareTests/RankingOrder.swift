import AtlasCompare
import AtlasModel

/// The documented order of a ranking: the first three are different sources (the first the
/// likeliest, or the lead of a clearly best combination; the next two the sources that with
/// it most probably name every source, `SourceSet`); after them, the other different
/// sources by confidence, then the repeats (the same pattern on another side, or a muscle
/// beside its own trigger point), by confidence.
enum RankingOrder {
    static func isDistinctSourcesFirst(_ matches: [(id: String, confidence: Double)], atlas: Atlas) -> Bool {
        func same(_ a: String, _ b: String) -> Bool {
            a == b || (atlas.pattern(a)?.includes.contains(b) ?? false) || (atlas.pattern(b)?.includes.contains(a) ?? false)
        }
        var distinct: [(id: String, confidence: Double)] = [], repeats: [Double] = []
        var inRepeats = false
        for match in matches {
            let repeated = distinct.contains { same($0.id, match.id) }
            if repeated { inRepeats = true; repeats.append(match.confidence) } else {
                if inRepeats { return false }
                distinct.append(match)
            }
        }
        let led = min(3, matches.count)
        guard distinct.count >= led else { return false }
        let confidences = distinct.dropFirst(led).map(\.confidence)
        return confidences == confidences.sorted(by: >) && repeats == repeats.sorted(by: >)
    }
}
