import AtlasModel

/// How a drawing's chart was found.
public enum RegistrationMethod: String, Sendable, Codable {
    /// By the printed corner marks and code: any rotation, perspective, crookedness.
    case cornerMarks = "corner-marks"
    /// By the printed body lines (scale and shift only): digital drawings and crops.
    case bodyOutline = "body-outline"
    /// Drawn on screen as strokes in atlas millimetres: nothing to find or line up.
    case strokes = "strokes"

    /// Words for the report.
    public var words: String {
        switch self {
        case .cornerMarks: "found by its corner marks"
        case .bodyOutline: "found by its body outline"
        case .strokes: "drawn on screen"
        }
    }
}

/// A drawing as read, placed on its chart, and how that was done.
struct PlacedDrawing {
    /// The pixels read: for a page found by its marks, the page put flat and evened out.
    let drawing: ClassifiedDrawing
    /// The chart's lines placed on `drawing`.
    let fit: TemplateFit
    let method: RegistrationMethod
    /// Corner marks found in the image (0 to 4).
    let marksFound: Int
    /// Why the corner marks were not used, when they were not.
    let miss: PageLocator.Miss?
    /// Page millimetres to pixels of the image as given, when the page was found by its
    /// corner marks (by its outline, the paper, and so its millimetres, are unknown).
    let pageToImage: Homography?
    /// For a page found by its marks: how far lining up the printed outline moved it from
    /// where the marks alone put it, at worst over the bodies, in page millimetres.
    let marksToOutline: Double?
    /// For a page found by its outline: how far it was turned to fit, clockwise, in degrees.
    let turnDegrees: Double
}

extension TemplateFit {
    /// Page millimetres (of the reference's chart) to drawing pixels.
    var pageToDrawing: Homography {
        let k = reference.pixelsPerMillimetre * similarity.scale
        let s = similarity
        return Homography(matrix: [k, 0, s.position.x - s.scale * s.pivot.x,
                                   0, k, s.position.y - s.scale * s.pivot.y,
                                   0, 0, 1])
    }
}
