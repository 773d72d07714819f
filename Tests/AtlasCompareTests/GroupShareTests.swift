@testable import AtlasCompare
import AtlasModel
import Foundation
import Testing

/// The kind of source (nerve root, trapped nerve, muscle or joint) judged from the posterior
/// mass of each group, not from the single best candidate (no painter).
@Suite("Group shares: first match and verdict")
struct GroupShareTests {
    /// Candidate 0 is a trapped nerve, 1 and 2 are look-alike muscles, 3 a nerve root.
    static let groups: [SourceGroup] = [.entrapment, .referred, .referred, .root]

    @Test func theLikeliestGroupLeads() {
        // The trapped nerve beats each muscle alone (0.45 against 0.30 and 0.25) but the two
        // muscles together are likelier: the better muscle goes first, the rest keep order.
        let shares: [SourceGroup: Double] = [.entrapment: 0.45, .referred: 0.55, .root: 0.0]
        #expect(PatternScorer.likeliestGroupFirst([0, 1, 2, 3], groups: Self.groups, shares: shares) == [1, 0, 2, 3])
    }

    @Test func aFirstMatchOfTheLikeliestGroupStays() {
        let shares: [SourceGroup: Double] = [.entrapment: 0.6, .referred: 0.4]
        #expect(PatternScorer.likeliestGroupFirst([0, 1, 2, 3], groups: Self.groups, shares: shares) == [0, 1, 2, 3])
        // A tie is no reason to move anything.
        let tie: [SourceGroup: Double] = [.entrapment: 0.5, .referred: 0.5]
        #expect(PatternScorer.likeliestGroupFirst([0, 1, 2, 3], groups: Self.groups, shares: tie) == [0, 1, 2, 3])
        #expect(PatternScorer.likeliestGroupFirst([], groups: Self.groups, shares: shares) == [])
        #expect(PatternScorer.likeliestGroupFirst([0, 1], groups: Self.groups, shares: [:]) == [0, 1])
    }

    static func candidate(_ id: String, _ group: SourceGroup, _ confidence: Double) -> Leaning.Candidate {
        Leaning.Candidate(id: id, name: id, side: .right, group: group, confidence: confidence, logLikelihood: log(max(confidence, 1e-9)))
    }

    /// The verdict's odds are those of the groups: a root at 0.9 against the best muscle at
    /// 0.2 is 4.5 to 1 by candidates, but when muscles hold half the mass between them the
    /// groups are 1.8 to 1, which cannot tell.
    @Test func verdictOddsAreTheGroupsOdds() {
        let ranked = [Self.candidate("s1", .root, 0.9), Self.candidate("minimus", .referred, 0.2), Self.candidate("sij", .referred, 0.18)]
        let byCandidates = Leaning(ranked: ranked, reasons: [], onLowerBody: true)
        #expect(byCandidates.verdict == .radicular && byCandidates.strength == .leans, "\(byCandidates.words)")
        let byGroups = Leaning(ranked: ranked, reasons: [], onLowerBody: true, groupShares: [.root: 0.9, .referred: 0.5])
        #expect(byGroups.verdict == .undecided, "\(byGroups.words)")
        #expect(abs(byGroups.logRatio - log(0.9 / 0.5)) < 1e-9)
        let clear = Leaning(ranked: ranked, reasons: [], onLowerBody: true, groupShares: [.root: 0.99, .referred: 0.02])
        #expect(clear.verdict == .radicular && clear.strength == .clearly, "\(clear.words)")
    }

    /// The alternative named is the best candidate of the likeliest other group, even when a
    /// third group holds a better single candidate.
    @Test func theAlternativeIsFromTheLikeliestOtherGroup() {
        let ranked = [Self.candidate("minimus", .referred, 0.7), Self.candidate("sciatic", .entrapment, 0.2),
                      Self.candidate("s1", .root, 0.15), Self.candidate("l5", .root, 0.12)]
        let leaning = Leaning(ranked: ranked, reasons: [], onLowerBody: true,
                              groupShares: [.referred: 0.7, .entrapment: 0.2, .root: 0.27])
        #expect(leaning.alternative?.id == "s1", "\(leaning.words)")
    }
}
