/// What a mark on a pain drawing means, read from its colour (the template's printed key).
public enum Symptom: String, Sendable, CaseIterable, Codable {
    case pain
    case numbness
    case pinsAndNeedles = "pins-and-needles"

    /// Plain words for summaries.
    public var words: String {
        switch self {
        case .pain: "pain"
        case .numbness: "numbness"
        case .pinsAndNeedles: "pins and needles"
        }
    }

    /// Numbness and pins and needles are sensory symptoms: evidence for nerve-root pain.
    public var isSensory: Bool { self != .pain }
}

/// What one pixel of a drawing shows.
enum PixelKind: UInt8 {
    case paper = 0
    /// Printed lines and text: dark or grey, without colour.
    case ink = 1
    case pain = 2
    case numbness = 3
    case pinsAndNeedles = 4
    /// Grey ink dark enough to be a pen or pencil stroke's core (luma below `darkLuma`): the
    /// only grey that can be read as a dark-stroke mark. Paper evened out a little too bright
    /// beside a shadow, or the blurred fringe of a stroke in a photo, is grey but lighter.
    case darkInk = 5

    /// Luma below which grey ink is `darkInk`: a pencil's core (about 100 to 150 in a photo) and
    /// a pen's are darker, a shadow's rim left on evened-out paper (190 and up) is lighter.
    static let darkLuma = 180

    /// Printed or drawn grey of any darkness.
    var isInk: Bool { self == .ink || self == .darkInk }

    var symptom: Symptom? {
        switch self {
        case .pain: .pain
        case .numbness: .numbness
        case .pinsAndNeedles: .pinsAndNeedles
        case .paper, .ink, .darkInk: nil
        }
    }

    /// Sorts a pixel by colour. The chart is printed in black and greys on white, so any
    /// clearly coloured pixel is a mark; its hue says which symptom. Red means pain, blue
    /// numbness, green pins and needles (the template's key); any other hue counts as pain,
    /// because a patient with one pen of another colour is marking where it hurts.
    static func of(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8) -> PixelKind {
        if red == green && green == blue && alpha == 255 {
            // Fast path: white paper and grey print, most of any chart.
            return red < 225 ? (Int(red) < darkLuma ? .darkInk : .ink) : .paper
        }
        var r = Int(red), g = Int(green), b = Int(blue)
        if alpha < 255 {
            // Transparent areas are paper: composite over white.
            let a = Int(alpha)
            r = (r * a + 255 * (255 - a)) / 255; g = (g * a + 255 * (255 - a)) / 255; b = (b * a + 255 * (255 - a)) / 255
        }
        let high = max(r, g, b), low = min(r, g, b)
        let chroma = high - low
        if chroma >= 50 { return hueKind(r, g, b, high: high, chroma: chroma) }
        // Anti-aliased thin lines of small charts are light grey: keep them as ink.
        if chroma < 30 && high < 225 { return (299 * r + 587 * g + 114 * b) / 1000 < darkLuma ? .darkInk : .ink }
        return .paper
    }

    private static func hueKind(_ r: Int, _ g: Int, _ b: Int, high: Int, chroma: Int) -> PixelKind {
        let c = Double(chroma)
        var hue: Double
        if high == r {
            hue = 60 * (Double(g - b) / c)
        } else if high == g {
            hue = 60 * (Double(b - r) / c + 2)
        } else {
            hue = 60 * (Double(r - g) / c + 4)
        }
        if hue < 0 { hue += 360 }
        switch hue {
        case 75..<175: return .pinsAndNeedles
        case 175..<265: return .numbness
        default: return .pain
        }
    }
}
