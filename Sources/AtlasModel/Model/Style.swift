/// An sRGB colour with alpha, components 0...1.
public struct Color: Sendable, Equatable, Codable {
    public var r: Double, g: Double, b: Double, a: Double

    public init(_ r: Double, _ g: Double, _ b: Double, _ a: Double = 1) {
        self.r = r; self.g = g; self.b = b; self.a = a
    }

    /// From a hex string `#RRGGBB` or `#RRGGBBAA`.
    public init?(hex: String) {
        var text = hex
        if text.hasPrefix("#") { text.removeFirst() }
        guard text.count == 6 || text.count == 8, let value = UInt64(text, radix: 16) else { return nil }
        let full = text.count == 6 ? value << 8 | 0xFF : value
        self.init(Double((full >> 24) & 0xFF) / 255, Double((full >> 16) & 0xFF) / 255,
                  Double((full >> 8) & 0xFF) / 255, Double(full & 0xFF) / 255)
    }

    public func with(alpha: Double) -> Color { Color(r, g, b, alpha) }

    /// Relative luminance-like lightness (Rec. 709 weights on sRGB values).
    public var lightness: Double { 0.2126 * r + 0.7152 * g + 0.0722 * b }
}

/// How a dermatome root or radicular zone is textured: each root needs its own texture so
/// that neighbours differ without colour.
public struct HatchStyle: Sendable, Equatable, Codable {
    public enum Texture: String, Sendable, CaseIterable, Codable {
        case lines, crossed, dots
        /// Short staggered dashes: a broken hatch that no continuous hatch is mistaken for.
        case dashes
        /// Small open rings on a staggered grid: unlike dots (stipple), dashes (a nerve
        /// running deep) and any hatch.
        case rings
    }

    public var color: Color
    public var tint: Color
    public var angleDegrees: Double
    public var texture: Texture = .lines
    /// The texture and angle of a "felt by some" area (used by the entrapment family, whose
    /// two tiers are both hatched): its own look, so a greyscale print never reads it as a
    /// nerve-root hatch.
    public var someTexture: Texture = .dashes
    public var someAngleDegrees: Double = -20
}

/// Every colour, texture and size the renderer uses. Sizes are in millimetres of the body
/// (they scale with the picture), except where named as a fraction of the text unit.
public struct Style: Sendable, Equatable, Codable {
    public var bodyFill = Color(1, 1, 1)
    public var outline = Color(hex: "#2B2B2B")!
    public var outlineWidth = 2.6
    public var contour = Color(hex: "#8A8A8A")!
    public var contourWidth = 1.3
    public var crease = Color(hex: "#6E6E6E")!
    public var creaseWidth = 1.5

    /// Essential zones: solid and dark (Travell & Simons' solid red).
    public var essential = Color(hex: "#C0392B")!
    /// Spillover zones: a pale tint with dots of the essential colour (T&S stipple).
    public var spilloverTint = Color(hex: "#F7D9D3")!
    public var spilloverDot = Color(hex: "#B03A2E")!
    public var stippleSpacing = 7.0
    public var stippleRadius = 1.7
    /// A joint map's middle tier ("about half of patients"): a deeper tint and closer, larger
    /// dots, so it reads apart from "some patients" in colour and in greyscale.
    public var halfTint = Color(hex: "#ECAFA3")!
    public var halfDot = Color(hex: "#8E2A20")!
    public var halfStippleSpacing = 3.8
    public var halfStippleRadius = 1.6
    /// A joint map's rarest tier ("a few patients"): the "some" tint and dots, spread further.
    public var fewStippleSpacing = 12.0
    public var fewStippleRadius = 1.5

    /// Radicular zones: blue hatch on a pale blue tint, never solid red.
    public var radicular = HatchStyle(color: Color(hex: "#0B5FA5")!, tint: Color(hex: "#D6E6F5")!, angleDegrees: 45)
    public var hatchSpacing = 9.0
    public var hatchWidth = 2.2
    /// One hatch per dermatome root (Okabe-Ito hues, each at its own angle).
    public var roots: [String: HatchStyle] = [
        "L3": HatchStyle(color: Color(hex: "#007A5A")!, tint: Color(hex: "#D3EEE5")!, angleDegrees: 30, texture: .crossed),
        "L4": HatchStyle(color: Color(hex: "#2A7FB8")!, tint: Color(hex: "#D9ECF8")!, angleDegrees: 0),
        "L5": HatchStyle(color: Color(hex: "#0B4F8A")!, tint: Color(hex: "#C9DCEE")!, angleDegrees: 45),
        "S1": HatchStyle(color: Color(hex: "#1D6E8C")!, tint: Color(hex: "#D5E9F0")!, angleDegrees: -45),
        "S2": HatchStyle(color: Color(hex: "#B86E00")!, tint: Color(hex: "#FBE9CC")!, angleDegrees: 0),
    ]
    /// Dermatome maps: one flat fill per root, each a lightness step from the roots it
    /// borders, so neighbouring bands differ when printed in greyscale (hue only helps).
    public var dermatomeFills: [String: Color] = [
        "L1": Color(hex: "#E6E1CA")!, "L2": Color(hex: "#AD88BF")!, "L3": Color(hex: "#9EDAC6")!, "L4": Color(hex: "#347FB4")!,
        "L5": Color(hex: "#B2AEE0")!, "S1": Color(hex: "#F4E1EA")!, "S2": Color(hex: "#DE9541")!, "S3": Color(hex: "#AACD98")!,
    ]
    /// A light texture over a root's flat fill (`color`, `angle`, `texture`; its tint is not
    /// used), for a style whose fills alone leave two touching roots close in lightness (a
    /// greyscale print). None by default: a colour plate is flat.
    public var dermatomeTextures: [String: HatchStyle] = [:]
    /// The thin line between dermatome bands, and the root names printed in them.
    public var dermatomeBorder = Color(hex: "#3A3A3A")!
    public var dermatomeBorderWidth = 1.0
    public var dermatomeLabel = Color(hex: "#111111")!
    /// Peripheral nerve entrapment (piriformis / deep gluteal syndrome): its own crossed
    /// violet hatch, so it never reads as root pain (blue lines) or muscle referral (red).
    public var entrapment = HatchStyle(color: Color(hex: "#6A3D9A")!, tint: Color(hex: "#E8DDF3")!, angleDegrees: 60, texture: .crossed, someTexture: .rings, someAngleDegrees: -20)
    public var gap = HatchStyle(color: Color(hex: "#9A9A9A")!, tint: Color(hex: "#F2F2F2")!, angleDegrees: 135, texture: .dashes)

    public var nerve = Color(hex: "#F2D31B")!
    public var nerveEdge = Color(hex: "#4A3B00")!
    public var nerveWidth = 5.5
    public var nerveEdgeWidth = 1.4

    public var muscleFill = Color(hex: "#8C5A3C")!.with(alpha: 0.10)
    public var muscleLine = Color(hex: "#8C5A3C")!.with(alpha: 0.75)
    public var muscleLineWidth = 1.4
    /// The bones and muscles drawn under the zones.
    public var anatomy = AnatomyStyle()

    public var triggerPoint = Color(hex: "#111111")!
    public var triggerPointHalo = Color(1, 1, 1)
    public var triggerPointSize = 11.0
    public var triggerPointWidth = 3.0

    public var landmark = Color(hex: "#1F6F3F")!
    public var text = Color(hex: "#1A1A1A")!
    public var mutedText = Color(hex: "#555555")!
    public var fontFamily = "DejaVu Sans"

    /// Marks on a blank chart: pain, numbness, pins and needles.
    public var painMark = Color(hex: "#D62728")!
    public var numbnessMark = Color(hex: "#1F5FD6")!
    public var tinglingMark = Color(hex: "#1E9E3A")!

    public init() {}

    /// The flat fill of a root on a dermatome map (a root without one gets a light grey).
    public func dermatomeFill(forRoot label: String?) -> Color {
        label.flatMap { dermatomeFills[$0] } ?? Color(hex: "#D0D0D0")!
    }

    /// The colour a root's name is printed in on its band: the style's label colour, or
    /// white where that stands out more (a dark fill).
    public func dermatomeLabel(onRoot label: String?) -> Color {
        let fill = dermatomeFill(forRoot: label).lightness
        return fill - dermatomeLabel.lightness >= 1 - fill ? dermatomeLabel : Color(1, 1, 1, 1)
    }

    public func hatch(forRoot label: String?) -> HatchStyle {
        label.flatMap { roots[$0] } ?? radicular
    }

    public static let `default` = Style()
}
