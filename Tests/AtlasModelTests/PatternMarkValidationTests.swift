import Foundation
import Testing
@testable import AtlasModel

/// The atlas keys of review 14:40: a zone's `tier: about-half` and a pattern's `marks`, each
/// misuse reported at its line, and a good mark read into the pattern.
@Suite("Zone tiers and pattern marks are validated")
struct PatternMarkValidationTests {
    static func probe(_ extra: String) -> String {
        """
        id: probe-pattern
        name: Probe
        family: articular
        description: A test pattern.
        sources: [Nobody 2026]
        fidelity: estimate
        zones:
          - view: posterior
            kind: essential
            points: [psis, "psis + (40, 0)", "psis + (40, 60)", "psis + (0, 60)"]
        \(extra)
        """
    }

    func problems(_ text: String) throws -> [Diagnostic] {
        let atlas = try TestAtlas.copy()
        try TestAtlas.write(atlas, "joints/probe.yaml", text)
        return AtlasLoader.validate(directory: atlas)
    }

    @Test func aGoodTierAndGoodMarksAreValid() throws {
        let found = try problems(Self.probe("""
          - view: posterior
            kind: spillover
            tier: about-half
            points: [psis, "psis + (40, 0)", "psis + (40, 60)"]
        marks:
          - view: posterior
            shape: ring
            at: greater-sciatic-notch
            label: notch
            legend: "Ring: the notch"
          - view: posterior
            shape: outline
            points: [ischial-tuberosity, "ischial-tuberosity + (20, 0)", "ischial-tuberosity + (10, 20)"]
            label: sitting bone
            legend: "Dashed: the sitting bone"
        """))
        #expect(found.isEmpty, "\(found.map(\.description))")
    }

    @Test func aTierOnAnEssentialZoneIsReported() throws {
        let found = try problems(Self.probe("").replacingOccurrences(of: "    kind: essential\n", with: "    kind: essential\n    tier: about-half\n"))
        #expect(found.count == 1 && found[0].location.line == 10 && found[0].message.contains("spillover zones only"),
                "\(found.map(\.description))")
    }

    @Test func anUnknownTierIsReported() throws {
        let found = try problems(Self.probe("""
          - view: posterior
            kind: spillover
            tier: most
            points: [psis, "psis + (40, 0)", "psis + (40, 60)"]
        """))
        #expect(found.count == 1 && found[0].message.contains("about-half"), "\(found.map(\.description))")
    }

    @Test func aRingWithoutACentreIsReported() throws {
        let found = try problems(Self.probe("""
        marks:
          - view: posterior
            shape: ring
            label: notch
            legend: "Ring: the notch"
        """))
        #expect(found.count == 1 && found[0].location.file.hasSuffix("joints/probe.yaml") && found[0].message.contains("needs 'at'"), "\(found.map(\.description))")
    }

    @Test func aRingRadiusOutOfRangeIsReported() throws {
        let found = try problems(Self.probe("""
        marks:
          - view: posterior
            shape: ring
            at: psis
            radius: 500
            label: notch
            legend: "Ring: the notch"
        """))
        #expect(found.count == 1 && found[0].location.file.hasSuffix("joints/probe.yaml") && found[0].message.contains("radius"), "\(found.map(\.description))")
    }

    @Test func aMarkWithoutALegendIsReported() throws {
        let found = try problems(Self.probe("""
        marks:
          - view: posterior
            shape: ring
            at: psis
            label: notch
        """))
        #expect(found.count == 1 && found[0].message.contains("legend"), "\(found.map(\.description))")
    }

    /// Fortin's area (a solid outline) and the pointing spot (a dot) are marks of their own.
    @Test func areaAndSpotMarksAreValidAndRead() throws {
        let text = Self.probe("""
        marks:
          - view: posterior
            shape: area
            points: [psis, "psis + (20, 0)", "psis + (20, 60)", "psis + (0, 60)"]
            label: area
            legend: "Solid outline: an area"
          - view: posterior
            shape: spot
            at: psis + (-4, 6)
            label: spot
            legend: "Dot: a spot"
        """)
        #expect(try problems(text).isEmpty)
        let atlas = try TestAtlas.copy()
        try TestAtlas.write(atlas, "joints/probe.yaml", text)
        let probe = try #require(try AtlasLoader.load(directory: atlas).pattern("probe-pattern"))
        #expect(probe.marks.map(\.shape) == [.area, .spot])
        // A spot is a small dot: 4 mm across by default, round the point given.
        let dot = try #require(probe.marks[1].path.bounds)
        #expect(abs(dot.width - 8) < 0.01 && abs(dot.center.x - (dot.minX + 4)) < 0.01)
    }

    @Test func aSpotWithoutAPointIsReported() throws {
        let found = try problems(Self.probe("""
        marks:
          - view: posterior
            shape: spot
            label: spot
            legend: "Dot: a spot"
        """))
        #expect(found.count == 1 && found[0].message.contains("spot mark needs 'at'"), "\(found.map(\.description))")
    }

    /// A tier is checked against the family: an entrapment has "common" (addendum 6), a joint
    /// map "about-half" and "few"; a muscle none. A tier the legend has no words for would be
    /// drawn and never explained.
    @Test func tiersFollowTheFamily() throws {
        func withTier(_ family: String, _ tier: String) throws -> [Diagnostic] {
            try problems(Self.probe("""
              - view: posterior
                kind: spillover
                tier: \(tier)
                points: [psis, "psis + (40, 0)", "psis + (40, 60)"]
            """).replacingOccurrences(of: "family: articular", with: "family: \(family)"))
        }
        #expect(try withTier("entrapment", "common").isEmpty)
        let joint = try withTier("articular", "common")
        #expect(joint.count == 1 && joint[0].message.contains("about-half") && joint[0].location.line == 13, "\(joint.map(\.description))")
        let entrapment = try withTier("entrapment", "about-half")
        #expect(entrapment.count == 1 && entrapment[0].message.contains("common"), "\(entrapment.map(\.description))")
        let muscle = try withTier("myofascial", "few")
        #expect(muscle.count == 1 && muscle[0].message.contains("not used by myofascial"), "\(muscle.map(\.description))")
    }
}
