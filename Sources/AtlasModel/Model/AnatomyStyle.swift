/// How the bones and muscles under the zones are drawn: faint, so that the zones stay the
/// strongest element. Sizes are millimetres of the body.
public struct AnatomyStyle: Sendable, Equatable, Codable {
    /// False leaves the layer out (`anatomy: {show: false}` in a style, or `--no-anatomy`).
    public var show = true
    /// Bones: a faint warm grey outline with a very light fill.
    public var boneFill = Color(hex: "#F5F2ED")!
    public var boneLine = Color(hex: "#C2B7AA")!
    public var boneLineWidth = 1.0
    /// Muscles: a faint muted red-brown, with fine lines along the fibres.
    public var muscleFill = Color(hex: "#B07A62")!.with(alpha: 0.16)
    public var muscleLine = Color(hex: "#9A6450")!.with(alpha: 0.55)
    public var muscleLineWidth = 1.0
    public var fibre = Color(hex: "#9A6450")!.with(alpha: 0.35)
    public var fibreWidth = 0.6
    /// Tendinous sheets (the iliotibial band): paler than muscle.
    public var tendonFill = Color(hex: "#C9B8A6")!.with(alpha: 0.22)

    public init() {}
}
