import AtlasModel

/// A colour laid translucently so that on a given ground it shows exactly a wanted colour:
/// a stipple zone's tint keeps its look on bare skin while what lies beneath (the muscle and
/// its fibres) still shows through it, under the zone.
enum Glaze {
    /// The least opacity: what lies beneath shows at no more than 1 - this.
    static let minimumOpacity = 0.6

    /// The colour and opacity that give `tint` when laid over `ground`. An opacity as low as
    /// `minimumOpacity` where the channels allow it; a tint already translucent, or one that
    /// no translucent colour can give on this ground, is returned as it is.
    static func over(_ ground: Color, giving tint: Color) -> Color {
        guard tint.a >= 1 else { return tint }
        let pairs = [(ground.r, tint.r), (ground.g, tint.g), (ground.b, tint.b)]
        // Each channel c = g + (x - g) * a with x in 0...1 needs a >= (g - c) / g when the tint
        // is darker than the ground, (c - g) / (1 - g) when lighter.
        var opacity = minimumOpacity
        for (g, c) in pairs {
            if c < g { opacity = max(opacity, (g - c) / g) }
            if c > g { opacity = max(opacity, (c - g) / (1 - g)) }
        }
        guard opacity < 1 else { return tint }
        func channel(_ g: Double, _ c: Double) -> Double { min(1, max(0, g + (c - g) / opacity)) }
        return Color(channel(ground.r, tint.r), channel(ground.g, tint.g), channel(ground.b, tint.b), opacity)
    }
}
