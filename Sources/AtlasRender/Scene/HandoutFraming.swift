import AtlasModel

/// What part of the body a handout's pictures frame, and how wide each view's panel is.
///
/// A pattern that lies wholly below the waist is framed waist to toes, so the leg it runs
/// down is drawn large; one that reaches the low back above the pelvis (quadratus lumborum,
/// the lumbar facets, the disc, iliopsoas, the L5 root) is framed from the lower chest to
/// the toes (`trunkAbove` over its highest zone), so the reader sees where on the back it
/// starts and the leg is still large: the whole body drew those patterns about two thirds
/// the size. Only a pattern reaching the shoulders would get the whole body. Each panel is
/// as wide as the body it frames (the hanging arms left out of both close frames), measured
/// from the outline, so the pictures stay right when the outlines are redrawn.
struct HandoutFraming {
    struct Span {
        var view: ViewID
        /// The body's horizontal extent in the frame, padded (atlas millimetres, screen x).
        var minX: Double, maxX: Double
        var width: Double { maxX - minX }
    }

    /// The frame's top and bottom in atlas millimetres (the same for every panel).
    let top: Double, bottom: Double
    let lowerQuarter: Bool
    /// Head to toes (a pattern reaching the shoulders); otherwise a close frame without the arms.
    let whole: Bool
    let spans: [Span]

    /// Atlas millimetres left beside the body in each panel.
    static let padding = 12.0
    /// How far above the iliac crest a zone, nerve or trigger point may reach and still count as
    /// below the waist (the crest itself carries gluteus medius' zones).
    static let waistAboveCrest = 20.0
    /// Room above the highest zone in a waist-to-toe frame.
    static let headroom = 40.0
    /// Body above the highest zone of a pattern on the back: enough of the trunk (the lower
    /// ribs and the waist) to say where on the back the pattern starts.
    static let trunkAbove = 90.0
    /// Above this height (atlas mm from the vertex; the armpits) a frame would show the arms
    /// beside the trunk, which a close frame leaves out: the whole body is drawn instead.
    static let highestTrunkTop = 430.0

    /// The highest zone, nerve or trigger point of `patterns` in `views` (atlas mm), and the
    /// height above which a pattern no longer counts as below the waist.
    static func reach(views: [ViewID], patterns: [Pattern], side: Side, atlas: Atlas) -> (highest: Double, waist: Double) {
        let placed = views.flatMap { view in patterns.compactMap { $0.placed(in: view, side: side) } }
        let tops = placed.flatMap {
            ($0.zones.map(\.path) + $0.nerves.map(\.path)).compactMap(\.bounds).map(\.minY) + $0.triggerPoints.map(\.point.y)
        }
        let crest = atlas.view(.posterior)?.landmark("iliac-crest")?.point.y ?? BodyRegion.lowerQuarter.box.minY + 36
        return (tops.min() ?? crest, crest - Self.waistAboveCrest)
    }

    /// True when everything `patterns` draw in `views` lies below the waist: waist to toes
    /// frames them large (handouts; `render --all`).
    static func belowWaist(views: [ViewID], patterns: [Pattern], side: Side, atlas: Atlas) -> Bool {
        let reach = reach(views: views, patterns: patterns, side: side, atlas: atlas)
        return reach.highest >= reach.waist
    }

    init(views: [ViewID], patterns: [Pattern], side: Side, atlas: Atlas) {
        let bodies = views.compactMap { atlas.view($0) }
        let highest = Self.reach(views: views, patterns: patterns, side: side, atlas: atlas).highest
        let outlines = bodies.filter { $0.id != .plantar }.map(\.bounds)
        let bodyTop = outlines.map(\.minY).min() ?? 0
        let bodyBottom = (outlines + bodies.map(\.bounds)).map(\.maxY).max() ?? BodyRegion.full.box.maxY
        lowerQuarter = Self.belowWaist(views: views, patterns: patterns, side: side, atlas: atlas)
        let trunkTop = highest - Self.trunkAbove
        whole = !lowerQuarter && trunkTop < Self.highestTrunkTop
        var top = lowerQuarter ? min(BodyRegion.lowerQuarter.box.minY, highest - Self.headroom) : whole ? bodyTop - Self.padding : trunkTop
        let bottom = bodyBottom + Self.padding / 2
        self.bottom = bottom
        // A close frame whose top cut through the side view's folded forearms showed a stray
        // rounded fragment at the panel's corner (quadratus lumborum): the top rises to take
        // the forearms in whole, and that panel widens to hold them.
        if !whole {
            let folded = bodies.compactMap { Self.foldedForearms(of: $0, top: top, bottom: bottom) }
            if let highestArm = folded.map(\.minY).min() { top = min(top, highestArm - Self.padding / 2) }
        }
        self.top = top
        let whole = whole
        spans = bodies.map { body in
            var (minX, maxX) = Self.extent(of: body, top: top, bottom: bottom, leavingOutArms: !whole)
            if !whole, let arm = Self.foldedForearms(of: body, top: top, bottom: bottom) {
                (minX, maxX) = (min(minX, arm.minX), max(maxX, arm.maxX))
            }
            return Span(view: body.id, minX: minX - Self.padding, maxX: maxX + Self.padding)
        }
    }

    /// The outline of a folded arm (one whose area ends above the waist, as the side views'
    /// crossed forearms; a hanging arm reaches the hips) where it stands out of the trunk, as
    /// its box (atlas mm); nil when no such arm shows below `top`. The drawn outline, not the
    /// arm's wider keep-clear area: a top lifted to that area's edge reached the armpits of the
    /// back and front views, whose hollows then showed as hooks at the panels' corners.
    static func foldedForearms(of body: BodyView, top: Double, bottom: Double) -> Rect? {
        let crest = body.landmark("iliac-crest")?.point.y ?? BodyRegion.lowerQuarter.box.minY + 36
        let (trunkMin, trunkMax) = extent(of: body, top: top, bottom: bottom, leavingOutArms: true)
        let folded = body.arms.map { $0.polylines().flatMap { $0 } }.filter { (($0.map(\.y).max()) ?? .infinity) < crest }
        let out = body.outline.polylines(segmentsPerCurve: 16).flatMap { $0 }
            .filter { p in (p.x < trunkMin || p.x > trunkMax) && folded.contains { Polygon.contains($0, p) } }
        guard out.contains(where: { $0.y > top }) else { return nil }
        return Rect(bounding: out)
    }

    /// The sum of the panels' widths, atlas millimetres.
    var width: Double { spans.map(\.width).reduce(0, +) }
    var height: Double { bottom - top }

    /// The height of body drawn in the frame, atlas millimetres: the shortest over the
    /// whole-body views (the soles are a close-up of the feet, not a body).
    func bodyHeight(atlas: Atlas) -> Double {
        let heights = spans.filter { $0.view != .plantar }.compactMap { atlas.view($0.view)?.bounds }
            .map { min(bottom, $0.maxY) - max(top, $0.minY) }
        return heights.min() ?? height
    }

    /// The outline's horizontal extent between `top` and `bottom`; in a waist-to-toe frame
    /// without the arms, which the frame leaves out (it clips them).
    static func extent(of body: BodyView, top: Double, bottom: Double, leavingOutArms: Bool) -> (Double, Double) {
        let arms = leavingOutArms ? body.arms.map { $0.polylines().flatMap { $0 } } : []
        let xs = body.outline.polylines(segmentsPerCurve: 16).flatMap { $0 }
            .filter { $0.y >= top && $0.y <= bottom }
            .filter { p in !arms.contains { Polygon.contains($0, p) } }
            .map(\.x)
        guard let low = xs.min(), let high = xs.max() else { return (body.bounds.minX, body.bounds.maxX) }
        return (low, high)
    }

    /// Where each foot stands (screen x of its centre, atlas millimetres) for `side`: the
    /// middle of the outline's lowest part on that side of the midline.
    static func footCentre(of body: BodyView, side: Side) -> Double? {
        let sign = body.id.screenSign(for: side)
        let bottom = body.bounds.maxY
        let xs = body.outline.polylines(segmentsPerCurve: 16).flatMap { $0 }
            .filter { $0.y > bottom - 60 && $0.x * sign > 0 }.map(\.x)
        guard let low = xs.min(), let high = xs.max() else { return nil }
        return (low + high) / 2
    }
}
