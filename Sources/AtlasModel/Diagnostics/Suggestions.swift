/// "Did you mean" for anything a user names: pattern ids, views, figure and style names,
/// atlas keys. A name that starts what the user typed, or is a few typing slips away from
/// it (a letter wrong, missing, extra, or two letters swapped), is offered.
public enum Suggestions {
    /// The candidates worth offering for `typed`, best first (at most `limit`).
    public static func closest(to typed: String, among candidates: [String], limit: Int = 4) -> [String] {
        let word = typed.lowercased()
        guard !word.isEmpty else { return [] }
        let unique = Array(Set(candidates)).sorted()
        // A cut-short name: every candidate it begins (`gluteus-minimu` -> both parts).
        if word.count >= 3 {
            let extensions = unique.filter { $0.lowercased().hasPrefix(word) && $0.lowercased() != word }
            if !extensions.isEmpty { return Array(extensions.prefix(limit)) }
        }
        // Slips: the nearest names, if near enough for the length typed.
        let allowed = max(1, min(3, word.count / 4))
        let scored = unique.map { (name: $0, distance: distance(word, $0.lowercased())) }.filter { $0.distance <= allowed }
        guard let best = scored.map(\.distance).min() else { return [] }
        return Array(scored.filter { $0.distance == best }.map(\.name).prefix(limit))
    }

    /// ` (did you mean 'a' or 'b'?)`, or an empty string when nothing is close.
    public static func hint(for typed: String, among candidates: [String]) -> String {
        let names = closest(to: typed, among: candidates).map { "'\($0)'" }
        guard let last = names.last else { return "" }
        let list = names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " or " + last
        return " (did you mean \(list)?)"
    }

    /// Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`: the
    /// optimal-string-alignment form of the Damerau-Levenshtein distance.
    public static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a), t = Array(b)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var previous2 = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] { value = min(value, previous2[j - 2] + 1) }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[t.count]
    }
}
