import AtlasModel

/// Muscle pictures (`MuscleInsets`) in a row of their own under a render's panels, each under
/// the panel of its view, in a thin frame with its caption below: beside the pattern, never
/// on it, and never over text.
struct MuscleInsetRow {
    var panels: [ScenePanel] = []
    var texts: [SceneText] = []
    var boxes: [SceneBox] = []
    /// The row's height in pixels (zero without insets).
    var height = 0.0
    /// Where the row starts, in pixels.
    var top = 0.0
    /// The widest run of panels with no picture under them, left to right in pixels: the part
    /// of the row that would stay white (under the back view, when the side view's picture
    /// stands under the side view). Nil when every panel has a picture.
    var blank: (minX: Double, maxX: Double)?

    /// No row.
    init() {}

    /// The frame drawn round a muscle picture, so it reads as a picture apart, not a body part.
    static func frameBox(_ frame: Rect, padding: Double) -> SceneBox {
        SceneBox(frame: Rect(minX: frame.minX - padding, minY: frame.minY - padding, maxX: frame.maxX + padding, maxY: frame.maxY + padding),
                 fill: Color(1, 1, 1), stroke: Color(hex: "#B5B5B5")!)
    }

    /// The row starting at `top`. A picture is at most two and a half times its panel's
    /// scale, as tall as a third of its panel, and as wide as its share of the panel's width.
    init(_ insets: [MuscleInset], under parents: [ScenePanel], top: Double, captionSize: Double, atlas: Atlas, measure: TextMeasurer) {
        guard !insets.isEmpty else { return }
        self.top = top
        let pad = captionSize * 0.5
        // Each picture's size and centre first: they stand on one line, their captions level.
        var sized: [(inset: MuscleInset, centre: Double, width: Double, height: Double, slot: Double)] = []
        let groups = Dictionary(grouping: insets.indices) { index in parents.firstIndex { $0.view.id == insets[index].view } ?? 0 }
        for (parentIndex, members) in groups.sorted(by: { $0.key < $1.key }) where parents.indices.contains(parentIndex) {
            let parent = parents[parentIndex]
            let slot = parent.frame.width / Double(members.count)
            for (order, index) in members.enumerated() {
                let inset = insets[index]
                let room = slot * 0.9 - 2 * pad
                let tallest = max(parent.frame.height * 0.3, 240)
                let k = min(room / inset.box.width, tallest / inset.box.height, parent.scale * 2.5)
                sized.append((inset, parent.frame.minX + slot * (Double(order) + 0.5), inset.box.width * k, inset.box.height * k, slot))
            }
        }
        let base = top + pad + (sized.map(\.height).max() ?? 0)
        var bottom = top
        for item in sized {
            let frame = Rect(minX: item.centre - item.width / 2, minY: base - item.height, maxX: item.centre + item.width / 2, maxY: base)
            guard let panel = MuscleInsets.panel(item.inset, atlas: atlas, frame: frame) else { continue }
            panels.append(panel)
            boxes.append(Self.frameBox(frame, padding: pad))
            let caption = SceneText(text: item.inset.caption, at: Point(item.centre, base + pad * 2.2), size: captionSize, alignment: .center,
                                    width: item.slot * 0.92)
            texts.append(caption)
            bottom = max(bottom, measure.box(of: caption).maxY)
        }
        height = bottom - top + captionSize
        blank = Self.widestBlank(parents, pictured: Set(groups.keys))
    }

    /// The widest run of consecutive panels whose index is not in `pictured`.
    static func widestBlank(_ parents: [ScenePanel], pictured: Set<Int>) -> (minX: Double, maxX: Double)? {
        var best: (minX: Double, maxX: Double)?
        var run: (minX: Double, maxX: Double)?
        for (index, parent) in parents.enumerated() {
            guard !pictured.contains(index) else { run = nil; continue }
            run = (run?.minX ?? parent.frame.minX, parent.frame.maxX)
            if let current = run, current.maxX - current.minX > (best.map { $0.maxX - $0.minX } ?? 0) { best = current }
        }
        return best
    }
}
