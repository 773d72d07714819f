import AtlasCompare
import AtlasModel

/// The documented order of a ranking: different sources first, by confidence, then the
/// repeats (the same pattern on another side, or a muscle beside its own trigger point), by
/// confidence. The sources of a best explanation of two or three (`pair`) may swap places
/// among themselves (the strongest alone first).
enum RankingOrder {
    static func isDistinctSourcesFirst(_ matches: [(id: String, confidence: Double)], atlas: Atlas, pair: [String] = []) -> Bool {
        // Undo the swap: the pair's places hold its confidences, highest first.
        var matches = matches
        if pair.count > 1 {
            let places = matches.indices.filter { pair.contains(matches[$0].id) }
            let sorted = places.map { matches[$0].confidence }.sorted(by: >)
            for (place, confidence) in zip(places, sorted) { matches[place].confidence = confidence }
        }
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
        let confidences = distinct.map(\.confidence)
        return confidences == confidences.sorted(by: >) && repeats == repeats.sorted(by: >)
    }
}
