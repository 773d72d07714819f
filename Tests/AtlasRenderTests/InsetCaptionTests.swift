import AtlasModel
@testable import AtlasRender
import Foundation
import Testing

/// A muscle picture's caption never claims trigger points the picture does not show (review
/// 2110: the gluteus medius picture showed the side view with TrP2 and TrP3 under "Gluteus
/// medius and its trigger points"; TrP1 is seen only from behind). The caption is read as a
/// reader reads it and checked against the X marks the picture draws.
@Suite("Muscle picture captions")
struct InsetCaptionTests {
    static let atlas = try! RenderTestAtlas.load()

    /// Every muscle picture the atlas could draw: each trigger-point pattern in each view that
    /// shows its muscle.
    static var pictures: [MuscleInset] {
        atlas.patterns.filter { $0.family == .myofascial }.flatMap { pattern in
            [ViewID.posterior, .anterior, .lateralRight, .lateralLeft].compactMap { view in
                pattern.placed(in: view, side: view == .lateralLeft ? .left : .right)
                    .flatMap { MuscleInsets.inset(for: $0, anatomy: atlas.anatomy, phrases: Phrasebook()) }
            }
        }
    }

    @Test func captionClaimsOnlyWhatThePictureShows() throws {
        var checked = 0, partial = 0
        for inset in Self.pictures {
            let caption = inset.caption, pattern = inset.pattern.pattern
            let shown = inset.pattern.triggerPoints
            let shownLabels = Set(shown.compactMap(\.label))
            let allLabels = Set(pattern.triggerPoints.compactMap(\.label))
            let unlabelled = Dictionary(grouping: pattern.triggerPoints.filter { $0.label == nil }, by: \.view).values.map(\.count).max() ?? 0
            let showsAll = allLabels.isSubset(of: shownLabels) && shown.filter { $0.label == nil }.count >= unlabelled
            let claimsAll = caption.contains("its trigger point") || caption.contains("their trigger point")
            if claimsAll {
                #expect(showsAll, "\(pattern.id), \(inset.view): '\(caption)' but the picture shows \(shownLabels.sorted()) of \(allLabels.sorted())")
            }
            if !shown.isEmpty, !showsAll {
                partial += 1
                #expect(!claimsAll, "\(pattern.id), \(inset.view): '\(caption)'")
                // What the picture shows is named before "seen"; each one it leaves out is named
                // after it, with where to look.
                let (named, rest) = try #require(Self.split(caption), "\(pattern.id): '\(caption)'")
                for label in shownLabels { #expect(named.contains(label), "\(pattern.id): '\(caption)' does not name \(label)") }
                for label in allLabels.subtracting(shownLabels) {
                    #expect(!named.contains(label), "\(pattern.id): '\(caption)' names \(label) as shown")
                    #expect(rest.contains("\(label)") && rest.contains("see"), "\(pattern.id): '\(caption)' does not say where \(label) is")
                }
            }
            checked += 1
        }
        #expect(checked > 20)
        #expect(partial > 0, "no picture leaves a trigger point out: the test checks nothing")
    }

    /// The caption's part before "seen" and after it.
    static func split(_ caption: String) -> (String, String)? {
        guard let seen = caption.range(of: ", seen ") else { return nil }
        return (String(caption[..<seen.lowerBound]), String(caption[seen.upperBound...]))
    }

    /// The composite's picture in its render and its handout, word for word.
    @Test func gluteusMediusNamesTheOneItLeavesOut() throws {
        let pattern = try #require(Self.atlas.pattern("gluteus-medius"))
        var request = ChartRequest(kind: .render, views: [.posterior, .lateralRight])
        request.patterns = [pattern]
        let scene = try ChartBuilder.scene(request, atlas: Self.atlas)
        let inset = try #require(scene.panels.first { $0.inset })
        let expected = "Gluteus medius with TrP2 and TrP3, seen from the right side; TrP1: see back view"
        #expect(inset.view.id == .lateralRight)
        #expect(scene.texts.contains { $0.text == expected }, "\(scene.texts.map(\.text).filter { $0.contains("seen") })")
        let handout = try HandoutBuilder.scene(HandoutRequest(patterns: [pattern]), atlas: Self.atlas)
        #expect(handout.texts.contains { $0.text == expected })
    }
}
