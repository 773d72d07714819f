import Foundation
import Testing
@testable import AtlasModel

/// Geometry of the atlas's bones and muscles for tests that check shapes without pixels.
enum AnatomyGeometry {
    /// The outline of bone or muscle `id` in `view`, flattened to a closed ring.
    static func ring(_ atlas: Atlas, _ id: String, _ view: PatternView,
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Point] {
        let shape = atlas.anatomy.views[view]?.bones.first { $0.id == id }?.path
            ?? atlas.anatomy.views[view]?.muscles.first { $0.id == id }?.path
        let path = try #require(shape, "no \(id) in the \(view.rawValue) view", sourceLocation: sourceLocation)
        return try #require(path.polylines(segmentsPerCurve: 24).first, sourceLocation: sourceLocation)
    }

    /// Where a closed ring crosses the level y, from left to right.
    static func crossings(_ ring: [Point], atY y: Double) -> [Double] {
        zip(ring, ring.dropFirst() + ring.prefix(1)).compactMap { a, b in
            (a.y - y) * (b.y - y) < 0 ? a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x) : nil
        }.sorted()
    }
}

/// A suite that checks the atlas's anatomy on geometry: `ring` and `crossings` read its atlas.
protocol AnatomyGeometryChecks {
    var atlas: Atlas { get }
}

extension AnatomyGeometryChecks {
    func ring(_ id: String, _ view: PatternView, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [Point] {
        try AnatomyGeometry.ring(atlas, id, view, sourceLocation: sourceLocation)
    }

    func crossings(_ ring: [Point], atY y: Double) -> [Double] { AnatomyGeometry.crossings(ring, atY: y) }
}
