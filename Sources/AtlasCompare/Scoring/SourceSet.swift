/// Which candidates fill the second and third places of a ranking.
///
/// A reader takes the first three matches as "the sources are among these". The chance of
/// that is the posterior probability that every source of the true explanation is named
/// among the three: the sum of the shares of the explanations (one, two or three sources)
/// whose every source is one of the three, or the same source as one of them (the same
/// pattern on another side, a muscle and its own trigger point). Ranking by each
/// candidate's own chance (its marginal) does not maximise it: a look-alike of the first
/// source gathers that source's mass over many explanations, while the second source of a
/// likely pair counts only where the pair is whole. So the first match stays the likeliest
/// single candidate (as ranked), and the next two are the pair of distinct sources that,
/// with it, most probably contain every source; a tie keeps the confidence order.
enum SourceSet {
    /// One explanation considered: its sources (candidate indices) and posterior share.
    struct Hypothesis: Sendable, Equatable {
        var members: [Int]
        var share: Double
    }

    /// How many distinct sources after the first are tried for the second and third places.
    static let pool = 12

    /// `order` (candidate indices, distinct sources first, best first) with its second and
    /// third places taken by the two distinct sources that, with the first, most probably
    /// contain every source of the drawing. `keys[i]` says which source candidate `i` is.
    static func firstThree(_ order: [Int], keys: [SourceKey], hypotheses: [Hypothesis], pool: Int = Self.pool) -> [Int] {
        var distinct: [Int] = []
        for index in order {
            if distinct.contains(where: { keys[$0].sameSource(as: keys[index]) }) { break }
            distinct.append(index)
        }
        guard distinct.count > 3 else { return order }
        let first = distinct[0]
        let tried = Array(distinct.dropFirst().prefix(pool))
        // Per explanation, per source: whether the first names it, and which tried places do.
        var needs: [(share: Double, sources: [[Int]])] = []
        for hypothesis in hypotheses where hypothesis.share > 0 {
            var sources: [[Int]] = []
            var possible = true
            for member in hypothesis.members where !keys[first].sameSource(as: keys[member]) {
                let places = tried.indices.filter { keys[tried[$0]].sameSource(as: keys[member]) }
                if places.isEmpty { possible = false; break }
                sources.append(places)
            }
            if possible && sources.count <= 2 { needs.append((hypothesis.share, sources)) }
        }
        func chance(_ a: Int, _ b: Int) -> Double {
            needs.reduce(0) { total, need in
                need.sources.allSatisfy { $0.contains(a) || $0.contains(b) } ? total + need.share : total
            }
        }
        var best = (a: 0, b: 1), bestChance = chance(0, 1)
        for a in tried.indices {
            for b in tried.indices where b > a {
                let c = chance(a, b)
                // Only a clear gain moves the confidence order (sums of the same shares in
                // another order differ in the last digits).
                if c > bestChance + 1e-9 { best = (a, b); bestChance = c }
            }
        }
        let lead = [first, tried[best.a], tried[best.b]]
        return lead + order.filter { !lead.contains($0) }
    }
}
