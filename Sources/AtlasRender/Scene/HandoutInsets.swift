import AtlasModel

/// A handout's muscle pictures (`MuscleInsets`), set in the blank room its page leaves (the
/// column beside narrow pictures under the text, beside the legend, above the footer), so
/// that the body keeps its size and the text its page.
extension HandoutLayout {
    /// The muscle pictures this handout's pattern needs (none without the anatomy layer).
    static func insets(request: HandoutRequest, probe: [ScenePanel], atlas: Atlas) -> [MuscleInset] {
        guard request.anatomy, request.style.anatomy.show else { return [] }
        return MuscleInsets.needed(probe, anatomy: atlas.anatomy, phrases: request.phrases)
    }

    /// The largest close-up, relative to the pictures' scale, and the smallest kept. Still a
    /// close-up at 0.75: the frame holds the muscle and a hand's width round it, not the body;
    /// at 0.9 the long medial hamstrings' picture missed a 100 dpi page by a caption line.
    static let insetLargest = 2.2, insetSmallest = 0.75

    /// The blank under a lone muscle picture, as a share of the page's height, above which the
    /// picture is set in the middle of its hole (medius TrP1 left 18% under its picture).
    static let insetHoleCentred = 0.08

    /// How far a lone muscle picture in a tall hole may grow, relative to the pictures'
    /// scale: past `insetLargest`, into the hole's width (gluteus medius TrP1's picture, held
    /// to 2.2, left a fifth of its column and two bands of about a tenth of the page blank
    /// round it). Still a close-up: on the bundled handouts the column's width stops it first.
    static let insetLargestInHole = 3.5

    /// The blank, in millimetres, a lone picture filling a tall hole leaves above and below it.
    static let insetHoleGap = 6.0

    /// Adds the muscle pictures to `scene` in its blank room, as large as they fit (all at one
    /// scale); false when even the smallest do not fit (the scene is then unchanged).
    func placeInsets(_ scene: inout Scene) -> Bool {
        guard !insets.isEmpty else { return true }
        guard let pictureScale = scene.panels.first?.scale else { return false }
        var room = FreeSpace(area: Rect(minX: margin, minY: margin, maxX: width - margin, maxY: height - margin), cell: 1 * mm)
        for text in scene.texts { room.take(measure.box(of: text), clearance: 1.5 * mm) }
        for panel in scene.panels { room.take(panel.frame, clearance: 2 * mm) }
        for box in scene.boxes { room.take(box.frame, clearance: 2 * mm) }
        if let legend = scene.legend { room.take(usedLegend(legend), clearance: 2 * mm) }
        var k = pictureScale * Self.insetLargest
        while k >= pictureScale * Self.insetSmallest {
            if var placed = arrangeInsets(scale: k, in: room) {
                // A lone picture left in the middle of a tall hole grows into it while it fits.
                let hole = placed.inHole
                var larger = k * 1.05
                while hole, larger <= pictureScale * Self.insetLargestInHole, let grown = arrangeInsets(scale: larger, in: room) {
                    (placed, k) = (grown, larger)
                    larger *= 1.05
                }
                // Held by the column's width, it then runs on down to fill the hole.
                if hole, let taller = arrangeInsets(scale: k, in: room, fillingHole: true) { placed = taller }
                scene.panels += placed.pictures.map(\.panel)
                scene.boxes += placed.pictures.map(\.box)
                scene.texts += placed.pictures.map(\.caption)
                return true
            }
            k *= 0.95
        }
        return false
    }

    /// Every muscle picture at scale `k` (pixels per atlas millimetre) in `room`, each with its
    /// frame and caption, and whether a lone picture was set in the middle of a tall hole; nil
    /// when they do not all fit. `fillingHole`: a lone picture's frame runs on down until
    /// `insetHoleGap` is left above and below it (gluteus medius TrP1's frame cut across the
    /// greater trochanter, the muscle's insertion, over a band of blank).
    func arrangeInsets(scale k: Double, in room: FreeSpace, fillingHole: Bool = false)
        -> (pictures: [(panel: ScenePanel, box: SceneBox, caption: SceneText)], inHole: Bool)? {
        let pad = 1.5 * mm, captionSize = small * 1.1
        var space = room
        var placed: [(panel: ScenePanel, box: SceneBox, caption: SceneText)] = []
        var inHole = false
        for var inset in insets {
            var picture = (width: inset.box.width * k, height: inset.box.height * k)
            let captionWidth = max(picture.width + 2 * pad, 32 * mm)
            let captionHeight = height(inset.caption, size: captionSize, width: captionWidth)
            let outer = (width: max(picture.width + 2 * pad, captionWidth), height: picture.height + 2 * pad + 1 * mm + captionHeight)
            // Right of (after) the pattern where both sides have room, as a reader meets it.
            guard var spot = space.find(width: outer.width, height: outer.height, fromRight: true) else { return nil }
            // A lone picture at the top of a tall hole (between the text and a legend at the
            // column's foot) leaves the hole under it: set it in the middle instead. A small
            // gap under it reads as spacing and stays.
            let below = space.blankBelow(spot), gap = Self.insetHoleGap * mm
            if insets.count == 1, fillingHole, below > 2 * gap {
                let grow = below - 2 * gap
                spot = Rect(minX: spot.minX, minY: spot.minY + gap, maxX: spot.maxX, maxY: spot.maxY + gap + grow)
                picture.height += grow
                inset.box.maxY += grow / k
            } else if insets.count == 1, below > Self.insetHoleCentred * height {
                spot = Rect(minX: spot.minX, minY: spot.minY + below / 2, maxX: spot.maxX, maxY: spot.maxY + below / 2)
                inHole = true
            }
            let centre = spot.center.x
            let frame = Rect(minX: centre - picture.width / 2, minY: spot.minY + pad, maxX: centre + picture.width / 2,
                             maxY: spot.minY + pad + picture.height)
            guard let panel = MuscleInsets.panel(inset, atlas: atlas, frame: frame) else { return nil }
            let caption = SceneText(text: inset.caption, at: Point(centre, frame.maxY + pad + 1 * mm), size: captionSize,
                                    alignment: .center, color: style.text, width: captionWidth)
            placed.append((panel, MuscleInsetRow.frameBox(frame, padding: pad), caption))
            space.take(spot, clearance: 2 * mm)
        }
        return (placed, inHole)
    }

    /// The part of the legend's frame its entries take (a one-column legend leaves the rest of
    /// its row blank), laid out as `LegendDrawer` lays it out.
    func usedLegend(_ legend: SceneLegend) -> Rect {
        // The entries as drawn: the anatomy line is added after the page is laid out.
        let texts = drawnLegendEntries.map(\.text)
        let layout = LegendLayout(entries: drawnLegendEntries, size: legend.textSize, width: legend.frame.width) {
            measure.size($0, size: $1, width: $2)
        }
        let widest = texts.map { measure.size($0, size: legend.textSize).width }.max() ?? 0
        let used = Double(layout.columns - 1) * layout.columnWidth + legend.textSize * 2.8 + min(widest, layout.textWidth)
        return Rect(minX: legend.frame.minX, minY: legend.frame.minY, maxX: min(legend.frame.maxX, legend.frame.minX + used),
                    maxY: legend.frame.minY + max(layout.height, legend.frame.height))
    }
}
