import AtlasModel

/// The stipple of a spillover zone: "felt by some" (the T&S stipple), or a joint map's
/// middle tier, "about half of patients", in a deeper tint with closer, larger dots.
struct StippleLook {
    let tint: Color
    let dot: Color
    let spacing: Double
    let radius: Double

    init(_ style: Style, aboutHalf: Bool) {
        tint = aboutHalf ? style.halfTint : style.spilloverTint
        dot = aboutHalf ? style.halfDot : style.spilloverDot
        spacing = aboutHalf ? style.halfStippleSpacing : style.stippleSpacing
        radius = aboutHalf ? style.halfStippleRadius : style.stippleRadius
    }
}
