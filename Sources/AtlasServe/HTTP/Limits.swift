/// What one request may carry. Generous for a real drawing, small enough that no request
/// can exhaust the server's memory or time.
enum Limits {
    /// A drawing's JSON: 100 000 points at about 20 bytes each, and room to spare.
    static let drawingBytes = 4 << 20
    /// An uploaded photo or scan (a 12 MP phone JPEG is 3 to 8 MB).
    static let imageBytes = 25 << 20
    /// A login or settings form.
    static let formBytes = 16 << 10
    static let strokes = 2000
    static let pointsPerStroke = 5000
    static let points = 100_000
    /// Pen width in body millimetres.
    static let penWidth = 2.0...80.0
    /// How far from the vertex a point may lie, in millimetres (the body is 1750 mm tall).
    static let coordinate = 2500.0
    static let codeLength = 2...24
}
