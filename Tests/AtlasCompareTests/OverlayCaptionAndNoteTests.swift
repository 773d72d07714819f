@testable import AtlasCompare
import AtlasModel
import Testing

/// The overlay's panel numbers and the note on marks no pattern explains, without a painter.
@Suite("Overlay numbering and unexplained marks")
struct OverlayCaptionAndNoteTests {
    static func match(_ id: String, family: Family, confidence: Double) -> PatternMatch {
        PatternMatch(id: id, name: id, family: family, side: .right, score: 2, confidence: confidence, precision: 0.5,
                     essentialCoverage: 0.5, spilloverCoverage: nil, sensoryInside: nil, views: [])
    }

    @Test(arguments: [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"),
                      (22, "22nd"), (103, "103rd"), (111, "111th")])
    func ordinals(n: Int, words: String) {
        #expect(Phrase.ordinal(n) == words)
    }

    /// Panels are numbered in reading order; the best candidate of the other kind, added
    /// beyond the top, keeps its panel number and says where it ranks (the review saw
    /// panels numbered 1, 2, 3, 6).
    @Test func panelsAreNumberedInReadingOrderAndSayTheirRank() {
        let root = Self.match("radicular-l4", family: .radicular, confidence: 0.004)
        let fourth = OverlayScene.matchCaption(root, number: 4, rank: 6)
        #expect(fourth.hasPrefix("4. radicular-l4 (ranked 6th)\n"), "\(fourth)")
        #expect(fourth.contains("nerve root"))
        let first = OverlayScene.matchCaption(Self.match("piriformis", family: .myofascial, confidence: 0.9), number: 1, rank: 1)
        #expect(first.hasPrefix("1. piriformis\n"), "a panel in its own place needs no rank: \(first)")
    }

    static func explanation(share: Double) -> Explanation {
        Explanation(sources: [Explanation.Source(id: "hamstrings-medial", name: "Medial hamstrings", side: .right, family: .myofascial)],
                    shareExplained: share, confidence: 0.99)
    }

    /// A drawing that runs well past the best explanation says so: its chances only compare
    /// the atlas's patterns (the review saw ">99%" for medial hamstrings on a band to the
    /// ankle, half of it outside the pattern).
    @Test(arguments: [(0.44, true), (0.59, true), (0.6, false), (0.95, false)])
    func marksOutsideTheBestExplanationAreNamed(share: Double, noted: Bool) throws {
        let note = Report.unexplainedNote(Self.explanation(share: share))
        #expect((note != nil) == noted)
        if let note {
            #expect(note.hasPrefix("\(Int(((1 - share) * 100).rounded()))% of the marks lie outside"), "\(note)")
            #expect(note.contains("Medial hamstrings (right)"))
        }
        #expect(Report.unexplainedNote(nil) == nil)
    }
}
