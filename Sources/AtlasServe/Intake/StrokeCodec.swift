import AtlasCompare
import AtlasModel
import Foundation

/// Strokes as stored and exported: the API's own shape, so an export can be sent again.
enum StrokeCodec {
    static func encode(_ strokes: [DrawnStroke]) throws -> String {
        let shaped = strokes.map { s in
            DrawingRequest.StrokeRequest(view: s.view.rawValue, symptom: name(s.symptom), width: s.width,
                                         points: s.points.map { [$0.x, $0.y] })
        }
        return String(decoding: try JSONEncoder().encode(shaped), as: UTF8.self)
    }

    /// A stored drawing, checked again as a request (it passed once, so this only fails on
    /// a damaged database).
    static func decode(_ submission: Submission) throws -> CheckedDrawing {
        let strokes = try JSONDecoder().decode([DrawingRequest.StrokeRequest].self, from: Data(submission.strokes.utf8))
        return try DrawingRequest(chart: submission.chart, code: submission.code, strokes: strokes).checked()
    }

    static func name(_ symptom: Symptom) -> String {
        switch symptom {
        case .pain: "pain"
        case .numbness: "numbness"
        case .pinsAndNeedles: "tingling"
        }
    }
}
