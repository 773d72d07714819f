import AtlasModel

/// The stipple of a spillover zone: "felt by some" (the T&S stipple); a joint map's middle
/// tier, "about half of patients", in a deeper tint with closer, larger dots; or its rarest,
/// "a few patients", the "some" stipple spread further apart.
struct StippleLook {
    let tint: Color
    let dot: Color
    let spacing: Double
    let radius: Double

    init(_ style: Style, tier: SpilloverTier) {
        switch tier {
        case .aboutHalf, .common:  // common: an entrapment's tier, drawn by EntrapmentLook
            (tint, dot, spacing, radius) = (style.halfTint, style.halfDot, style.halfStippleSpacing, style.halfStippleRadius)
        case .some:
            (tint, dot, spacing, radius) = (style.spilloverTint, style.spilloverDot, style.stippleSpacing, style.stippleRadius)
        case .few:
            (tint, dot, spacing, radius) = (style.spilloverTint, style.spilloverDot, style.fewStippleSpacing, style.fewStippleRadius)
        }
    }
}
