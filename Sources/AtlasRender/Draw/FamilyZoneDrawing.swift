import AtlasModel

/// Zones whose look depends on the pattern rather than the zone kind alone: a nerve
/// entrapment draws its essential/spillover zones in its own crossed hatch, and a pattern
/// whose essential/spillover split is unconfirmed draws every zone in one middle tone.
enum ZoneTone: Equatable {
    /// Solid red / red stipple by kind (muscles, joints, discs), or hatch (roots, gaps).
    case byKind
    case entrapment
    case unsplit
    /// A disc's field with a soft edge (DiffuseZoneDrawing).
    case diffuse

    static func of(_ pattern: Pattern) -> ZoneTone {
        if pattern.family == .entrapment { return .entrapment }
        if pattern.family == .discogenic { return .diffuse }
        return pattern.splitConfirmed ? .byKind : .unsplit
    }

    /// The zones drawn by kind, in the usual red/stipple/hatch layers.
    static func byKindZones(_ placed: [PlacedPattern]) -> [Zone] {
        placed.filter { of($0.pattern) == .byKind }.flatMap(\.zones)
    }
}

extension SceneDrawer {
    /// Entrapment and unsplit zones, drawn over the stipple and under the root hatching.
    func drawPatternToneZones(_ placed: [PlacedPattern], scale s: Double, _ t: (Point) -> Point) {
        for pattern in placed {
            switch ZoneTone.of(pattern.pattern) {
            case .byKind: continue
            case .diffuse: drawDiffuseZones(pattern, scale: s, t)
            case .unsplit:
                // One tone, so one area: every piece as one path, its inner corners rounded.
                let pieces = ZoneUnion.merged(pattern.zones).map(\.path).reduce(BezierPath()) { $0.appending($1) }
                cr.fill(RoundedUnion.outline(of: pieces).map(pieces.appending) ?? pieces, Self.unsplitTone(style), t)
            case .entrapment:
                // Spillover first, so the core's denser hatch lies on top where they meet.
                let zones = ZoneUnion.merged(pattern.zones)
                let spillover = zones.filter { $0.kind == .spillover }.sorted { $0.tier.density < $1.tier.density }
                for zone in spillover + zones.filter({ $0.kind != .spillover }) {
                    let core = zone.kind != .spillover
                    let look = core ? EntrapmentLook.core(style) : EntrapmentLook(style, tier: zone.tier)
                    cr.fill(zone.path, look.tint, t)
                    cr.clipped(to: zone.path, t) {
                        Texture.fill(cr, look.hatch, box: bounds(zone.path, t), spacing: style.hatchSpacing * s * look.spacing,
                                     width: style.hatchWidth * s * look.width)
                    }
                    cr.stroke(zone.path, style.entrapment.color.with(alpha: core ? 0.85 : 0.5), width: 1.1 * s, t)
                }
            }
        }
    }

    /// One opaque tone halfway between solid and the body fill: the area is known, its split
    /// is not. Opaque, so overlapping zones never draw a darker band that looks like a border.
    static func unsplitTone(_ style: Style) -> Color {
        let e = style.essential, b = style.bodyFill
        return Color((e.r + b.r) / 2, (e.g + b.g) / 2, (e.b + b.b) / 2)
    }

    private func bounds(_ path: BezierPath, _ t: (Point) -> Point) -> Rect {
        let b = path.bounds ?? Rect(minX: 0, minY: 0, maxX: 0, maxY: 0)
        let a = t(Point(b.minX, b.minY)), c = t(Point(b.maxX, b.maxY))
        return Rect(minX: min(a.x, c.x), minY: min(a.y, c.y), maxX: max(a.x, c.x), maxY: max(a.y, c.y))
    }
}

extension HatchStyle {
    /// The lighter texture of a "some patients" area: the style's own "some" texture (dashes
    /// by default, never the root hatch), a little faded.
    var feltBySome: HatchStyle {
        var h = self
        h.texture = someTexture
        h.angleDegrees = someAngleDegrees
        h.color = color.with(alpha: color.a * 0.75)
        return h
    }
}

/// How an entrapment's zones are drawn: the core in the family's crossed hatch; "felt by
/// some" in its own lighter texture (rings by default), far apart on a half tint; "common"
/// (the back of the thigh, addendum 6) in the same texture closer together on a deeper tint,
/// between the two, as a joint's "about half" stipple lies between solid and "some".
struct EntrapmentLook {
    let tint: Color
    let hatch: HatchStyle
    /// Spacing and line width relative to the style's hatch.
    let spacing: Double
    let width: Double

    static func core(_ style: Style) -> EntrapmentLook {
        EntrapmentLook(tint: style.entrapment.tint, hatch: style.entrapment, spacing: 1, width: 1)
    }

    init(tint: Color, hatch: HatchStyle, spacing: Double, width: Double) {
        (self.tint, self.hatch, self.spacing, self.width) = (tint, hatch, spacing, width)
    }

    init(_ style: Style, tier: SpilloverTier) {
        let h = style.entrapment
        if tier == .common {
            self.init(tint: h.tint.with(alpha: h.tint.a * 0.8), hatch: h.feltBySome, spacing: 1.05, width: 0.8)
        } else {
            self.init(tint: h.tint.with(alpha: h.tint.a * 0.5), hatch: h.feltBySome, spacing: 1.6, width: 0.7)
        }
    }
}

extension SceneDrawer {
    /// In a nerve entrapment the trapped nerve and the muscle that traps it are the subject
    /// (review 1740, item 2): the core's hatch hid the sciatic trunk at the buttock and most of
    /// the piriformis. So, for entrapment patterns only, the pattern's deep nerve stretches
    /// (drawn here only) and its own muscles (again) lie over its fills, the nerve first and the muscle over it,
    /// so that the nerve is seen leaving under the muscle's lower border. Their fills are
    /// translucent: the hatch still shows through, and the legend's nerve and muscle lines stay
    /// true. Solid zones of other families are untouched (`zonesStayOnTop`).
    func drawEntrapmentSubject(_ panel: ScenePanel, nerves: NerveDrawer, scale s: Double, _ t: (Point) -> Point) {
        let trapped = panel.patterns.filter { $0.pattern.family == .entrapment }
        guard !trapped.isEmpty else { return }
        nerves.drawDeep(trapped.flatMap(\.nerves), scale: s, t)
        guard let anatomy = panel.anatomy else { return }
        let ids = Set(trapped.map(\.pattern.id))
        let drawer = AnatomyDrawer(cr: cr, style: style.anatomy, bed: style.bodyFill)
        for muscle in anatomy.muscles where muscle.kind == .muscle && !ids.isDisjoint(with: muscle.patterns) {
            drawer.drawMuscle(muscle, scale: s, t)
        }
    }
}
