import AtlasCompare
import AtlasModel
import Foundation

/// `POST /api/drawings` as sent: `{"chart", "code", "strokes": [{"view", "symptom", "width",
/// "points": [[x, y], ...]}]}`, coordinates in the view's atlas millimetres.
struct DrawingRequest: Codable, Sendable {
    var chart: String
    var code: String
    var strokes: [StrokeRequest]

    struct StrokeRequest: Codable, Sendable {
        var view: String
        var symptom: String
        var width: Double
        var points: [[Double]]
    }
}

/// A drawing request that passed every check: its chart, intake code and strokes.
struct CheckedDrawing: Sendable {
    let chart: ChartChoice
    let code: String
    let strokes: [DrawnStroke]
}

extension DrawingRequest {
    /// Decodes the body, naming where malformed JSON goes wrong.
    static func decode(_ bytes: [UInt8]) throws(ClientError) -> DrawingRequest {
        do {
            return try JSONDecoder().decode(DrawingRequest.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw ClientError(.badRequest, "the drawing is not valid JSON of the expected shape: \(Self.explain(error))")
        } catch {
            throw ClientError(.badRequest, "the drawing is not valid JSON")
        }
    }

    private static func explain(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { key -> String in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return keys.isEmpty ? "the top level" : String(keys.drop(while: { $0 == "." }))
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context)
            return "\(at == "the top level" ? "" : at + ": ")missing \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)): wrong type (\(context.debugDescription))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "malformed JSON" : "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "malformed JSON"
        }
    }

    /// Checks the limits and names, in order, and says where the first problem lies.
    func checked() throws(ClientError) -> CheckedDrawing {
        guard let chart = ChartChoice(name: chart) else {
            throw ClientError(.unprocessableContent, "chart: \"\(chart)\" is not a chart; use one of \(ChartChoice.names)")
        }
        let code = code.trimmingCharacters(in: .whitespaces)
        guard Limits.codeLength.contains(code.count),
              code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }),
              code.contains(where: \.isNumber) else {
            throw ClientError(.unprocessableContent,
                              "code: an intake code is \(Limits.codeLength.lowerBound) to \(Limits.codeLength.upperBound) letters, digits and dashes with at least one digit (such as K7-2Q), never a name")
        }
        guard !strokes.isEmpty else { throw ClientError(.unprocessableContent, "strokes: nothing drawn; draw where you feel symptoms") }
        guard strokes.count <= Limits.strokes else {
            throw ClientError(.contentTooLarge, "strokes: \(strokes.count) strokes; at most \(Limits.strokes)")
        }
        let total = strokes.reduce(0) { $0 + $1.points.count }
        guard total <= Limits.points else { throw ClientError(.contentTooLarge, "strokes: \(total) points; at most \(Limits.points) in all") }
        var checked: [DrawnStroke] = []
        for (index, stroke) in strokes.enumerated() {
            checked.append(try stroke.checked(at: "strokes[\(index)]", chart: chart))
        }
        return CheckedDrawing(chart: chart, code: code, strokes: checked)
    }
}

extension DrawingRequest.StrokeRequest {
    func checked(at place: String, chart: ChartChoice) throws(ClientError) -> DrawnStroke {
        guard let view = ViewID(rawValue: view), chart.views.contains(view) else {
            let views = chart.views.map { view -> String in "\"\(view.rawValue)\"" }.joined(separator: ", ")
            throw ClientError(.unprocessableContent, "\(place).view: \"\(self.view)\" is not a view of this chart (\(views))")
        }
        let symptom: Symptom? = switch self.symptom {
        case "pain": .pain
        case "numbness": .numbness
        case "tingling", "pins-and-needles": .pinsAndNeedles
        default: nil
        }
        guard let symptom else {
            throw ClientError(.unprocessableContent, "\(place).symptom: \"\(self.symptom)\" is not one of \"pain\", \"numbness\", \"tingling\"")
        }
        guard width.isFinite, Limits.penWidth.contains(width) else {
            throw ClientError(.unprocessableContent,
                              "\(place).width: \(width) mm; a pen is \(Int(Limits.penWidth.lowerBound)) to \(Int(Limits.penWidth.upperBound)) mm wide")
        }
        guard !points.isEmpty else { throw ClientError(.unprocessableContent, "\(place).points: a stroke needs at least one point") }
        guard points.count <= Limits.pointsPerStroke else {
            throw ClientError(.contentTooLarge, "\(place).points: \(points.count) points; at most \(Limits.pointsPerStroke) per stroke")
        }
        var path: [Point] = []
        path.reserveCapacity(points.count)
        for (i, xy) in points.enumerated() {
            guard xy.count == 2, xy.allSatisfy({ $0.isFinite && abs($0) <= Limits.coordinate }) else {
                throw ClientError(.unprocessableContent,
                                  "\(place).points[\(i)]: a point is [x, y] in the view's millimetres, each within ±\(Int(Limits.coordinate))")
            }
            path.append(Point(xy[0], xy[1]))
        }
        return DrawnStroke(view: view, symptom: symptom, width: width, points: path)
    }
}
