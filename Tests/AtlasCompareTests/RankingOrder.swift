import AtlasCompare
import AtlasModel

/// The documented order of a ranking: different sources first, by confidence, then the
/// repeats (the same pattern on another side, or a muscle beside its own trigger point), by
/// confidence. The sources of a best explanation of two or three (`pair`) lead the list when
/// that explanation is clearly the best (`PatternScorer.combinationFirst`); otherwise they
/// keep their confidence order.
enum RankingOrder {
    static func isDistinctSourcesFirst(_ matches: [(id: String, confidence: Double)], atlas: Atlas, pair: [String] = []) -> Bool {
        var matches = matches
        var led: [(id: String, confidence: Double)] = []
        if pair.count > 1, Set(matches.prefix(pair.count).map(\.id)) == Set(pair) {
            // The pair leads: the rest follows in the documented order.
            led = Array(matches.prefix(pair.count))
            matches.removeFirst(pair.count)
        }
        func same(_ a: String, _ b: String) -> Bool {
            a == b || (atlas.pattern(a)?.includes.contains(b) ?? false) || (atlas.pattern(b)?.includes.contains(a) ?? false)
        }
        var distinct = led, repeats: [Double] = []
        var inRepeats = false
        for match in matches {
            let repeated = distinct.contains { same($0.id, match.id) }
            if repeated { inRepeats = true; repeats.append(match.confidence) } else {
                if inRepeats { return false }
                distinct.append(match)
            }
        }
        let confidences = distinct.dropFirst(led.count).map(\.confidence)
        return confidences == confidences.sorted(by: >) && repeats == repeats.sorted(by: >)
    }
}
