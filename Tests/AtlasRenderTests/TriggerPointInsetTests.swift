import AtlasModel
@testable import AtlasRender
import Testing

/// No trigger point sits on or near the body's outline: an X there straddles the edge or is
/// pushed in off its spot (gluteus medius's front X at the iliac crest in the gluteal and
/// why-leg-pain figures, gluteus minimus's front X in its handout). Every trigger point lies
/// at least 4 mm (atlas millimetres) inside the outline of every view it is drawn in, on
/// either side.
@Suite("Trigger points inside the outline")
struct TriggerPointInsetTests {
    static let atlas = try! RenderTestAtlas.load()
    static let inset = 4.0

    @Test func everyTriggerPointStandsInsideTheOutline() throws {
        var checked = 0
        for pattern in Self.atlas.patterns {
            for viewID in ViewID.withSoles {
                guard let view = Self.atlas.view(viewID) else { continue }
                let outline = view.outline.polylines(segmentsPerCurve: 16)
                for side in Side.allCases {
                    guard let placed = pattern.placed(in: viewID, side: side) else { continue }
                    for point in placed.triggerPoints {
                        let p = point.point
                        let inside = Callouts.contains(p, outline)
                        let distance = outline.map { CrossLayout.edgeDistance(p, $0) }.min() ?? 0
                        #expect(inside && distance >= Self.inset,
                                "\(pattern.id) \(point.label ?? "X") in \(viewID.rawValue) (\(side)): \(inside ? "" : "outside, ")\(String(format: "%.1f", distance)) mm from the outline at \(p)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 20)
    }
}
