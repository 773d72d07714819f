import AtlasModel

/// The geometry of a printable blank chart, in millimetres of the page: where the bodies go,
/// and the machine-readable marks that let `compare` find the page in a scan or a photo.
///
/// Four finder marks (a black square ring round a black square, like a QR code's corners)
/// sit near the page corners; a strip of square cells between the bottom two spells which
/// views and paper the chart is, with a checksum, so a drawing needs no flags. The drawing
/// and the reading of these marks both come from this one description.
public struct ChartSheet: Sendable, Hashable, CustomStringConvertible {
    public let views: [ViewID]
    public let paper: Paper

    public init(views: [ViewID], paper: Paper) {
        precondition(!views.isEmpty, "a chart shows at least one view")
        self.views = views
        self.paper = paper
    }

    /// The four views of the full chart, in page order.
    public static let fourViews: [ViewID] = [.posterior, .anterior, .lateralRight, .lateralLeft]
    /// Back and front side by side, large, on an upright page, with both soles in an inset
    /// between the lower legs (the feet of the large bodies are too small to mark a toe on).
    public static let backFront: [ViewID] = [.posterior, .anterior, .plantar]
    /// The back-and-front page as first printed, without the soles: still read from old
    /// prints, and the chart the web intake draws on.
    public static let backFrontWithoutSoles: [ViewID] = [.posterior, .anterior]

    /// The views a chart can show: all four, back and front (with or without the soles), or one.
    public static let viewChoices: [[ViewID]] = [fourViews, backFront, backFrontWithoutSoles] + fourViews.map { [$0] }

    /// Every chart the tool prints.
    public static let all: [ChartSheet] = Paper.allCases.flatMap { paper in viewChoices.map { ChartSheet(views: $0, paper: paper) } }

    /// The views as `template --view` spells them: `all`, `back-front` or the view's name.
    public var viewsName: String {
        switch views {
        case Self.fourViews: "all"
        case Self.backFront: "back-front"
        case Self.backFrontWithoutSoles: "back-front-without-soles"
        default: views.map(\.rawValue).joined(separator: "+")
        }
    }

    /// The views and the paper, as the code strip's caption and the report say them.
    public var name: String { "\(viewsName) \(paper.rawValue)" }

    /// The name of the chart's file in `render --all`: `template-back-front-a4`.
    public var fileStem: String { "template-\(viewsName)-\(paper.rawValue)" }

    public var description: String { name }

    /// The whole bodies on the page, in page order (the soles are an inset beside them).
    public var bodyViews: [ViewID] { views.filter { $0 != .plantar } }

    /// True when the page has a soles inset (the back-and-front chart).
    public var hasSoles: Bool { views.contains(.plantar) }

    /// Four bodies side by side need the page's long side across; two fit upright.
    public var isLandscape: Bool { bodyViews.count > 2 }

    public var pageWidth: Double { isLandscape ? paper.size.height : paper.size.width }
    public var pageHeight: Double { isLandscape ? paper.size.width : paper.size.height }

    // MARK: Finder marks

    /// One module of a finder mark; a mark is 7 modules across (ring 1, gap 1, centre 3).
    public static let module = 1.5
    /// From each page edge to a mark's centre: clear of a printer's unprintable border.
    public static let markerInset = 12.0

    /// Centres of the finder marks: top left, top right, bottom right, bottom left.
    public var markerCentres: [Point] {
        let a = Self.markerInset
        return [Point(a, a), Point(pageWidth - a, a), Point(pageWidth - a, pageHeight - a), Point(a, pageHeight - a)]
    }

    /// The squares a finder mark is painted with, largest first: black, white, black.
    public static func markerSquares(at centre: Point) -> [(Rect, black: Bool)] {
        [3.5, 2.5, 1.5].enumerated().map { index, half in
            let h = half * module
            return (Rect(minX: centre.x - h, minY: centre.y - h, maxX: centre.x + h, maxY: centre.y + h), index != 1)
        }
    }

    // MARK: Identity code

    /// Side of one code cell. Large enough to survive a blurred phone photo.
    public static let codeCell = 2.5
    /// Start guard (black, white), 8 data bits, 8 checksum bits, end guard (black, black):
    /// the guards differ, so a strip read backwards never checks out.
    public static let codeLength = 20

    /// The code cells, left to right, centred between the bottom finder marks.
    public var codeCells: [Rect] {
        let width = Double(Self.codeLength) * Self.codeCell
        let left = (pageWidth - width) / 2, top = pageHeight - Self.markerInset - Self.codeCell / 2
        return (0..<Self.codeLength).map { i in
            Rect(minX: left + Double(i) * Self.codeCell, minY: top, maxX: left + Double(i + 1) * Self.codeCell, maxY: top + Self.codeCell)
        }
    }

    /// Code format version, so a later layout can be told apart.
    static let codeVersion: UInt8 = 1

    /// What the 4 view bits of the data byte say, by value. Values are only ever added at the
    /// end, so every chart printed before still reads: 0 all four, 1 to 4 one view (the
    /// first charts' numbering), 5 back and front as first printed (no soles), 6 back and
    /// front with the soles inset.
    static let codedViews: [[ViewID]] = [fourViews] + fourViews.map { [$0] } + [backFrontWithoutSoles, backFront]

    /// The data byte: version (2 bits), paper (2 bits), views (4 bits, `codedViews`).
    var codeByte: UInt8 {
        let viewCode = UInt8(Self.codedViews.firstIndex(of: views) ?? 0)
        let paperCode = UInt8(Paper.allCases.firstIndex(of: paper) ?? 0)
        return Self.codeVersion << 6 | paperCode << 4 | viewCode
    }

    /// True for the black cells: the start guard, the data byte and its checksum (high bit
    /// first), the end guard.
    public var codeBits: [Bool] {
        let byte = codeByte, check = Self.crc8(byte)
        let data = (0..<8).map { byte >> (7 - $0) & 1 == 1 } + (0..<8).map { check >> (7 - $0) & 1 == 1 }
        return [true, false] + data + [true, true]
    }

    /// The chart a code spells, or nil when the guards or the checksum are wrong.
    public static func decode(_ bits: [Bool]) -> ChartSheet? {
        guard bits.count == codeLength, bits.prefix(2) == [true, false], bits.suffix(2) == [true, true] else { return nil }
        func byte(_ range: Range<Int>) -> UInt8 { range.reduce(0) { $0 << 1 | (bits[$1] ? 1 : 0) } }
        let data = byte(2..<10), check = byte(10..<18)
        guard check == crc8(data), data >> 6 == codeVersion else { return nil }
        let paperCode = Int(data >> 4 & 3), viewCode = Int(data & 15)
        guard paperCode < Paper.allCases.count, viewCode < codedViews.count else { return nil }
        return ChartSheet(views: codedViews[viewCode], paper: Paper.allCases[paperCode])
    }

    /// CRC-8 (polynomial 0x07) starting from 0xFF, so that a blank strip never checks out.
    static func crc8(_ byte: UInt8) -> UInt8 {
        var crc: UInt8 = 0xFF ^ byte
        for _ in 0..<8 { crc = crc & 0x80 != 0 ? crc << 1 ^ 0x07 : crc << 1 }
        return crc
    }

    // MARK: Bodies

    /// Left and right page margin of the content; the finder marks sit in it.
    public static let sideMargin = 20.0
    /// Top of the body panels, below the title, instructions and colour key.
    public static let panelsTop = 36.0
    /// Room below the panels: name and date, the note, the code.
    public static let panelsBottomRoom = 36.0

    /// The box each body panel reserves, in atlas millimetres. Back and front reserve less
    /// room round the body than the other charts, so that their bodies (and feet) are large.
    public var panelBox: Rect {
        isBackFront ? Rect(minX: -360, minY: -30, maxX: 360, maxY: 1770) : BodyRegion.full.box
    }

    /// The large upright back-and-front page, with or without its soles inset: both draw the
    /// two bodies in the same place, so a drawing on either registers alike.
    var isBackFront: Bool { bodyViews == Self.backFrontWithoutSoles }

    /// Room below the panels on this page (the back-and-front page packs its footer tighter).
    public var bottomRoom: Double { isBackFront ? 30 : Self.panelsBottomRoom }

    /// Left and right margin of the panels: the finder marks sit only in the corners, so the
    /// large back-and-front bodies may come closer to the edges than the text does.
    var panelSideMargin: Double { isBackFront ? 10 : Self.sideMargin }

    /// Room between neighbouring panels: the back's and the front's hands, near the panels'
    /// edges, would nearly touch without it.
    public var panelGap: Double { isBackFront ? 5 : 0 }

    /// Page millimetres per body millimetre (of the whole bodies; the soles have their own).
    public var scale: Double {
        let box = panelBox, n = Double(bodyViews.count)
        let byHeight = (pageHeight - Self.panelsTop - bottomRoom) / box.height
        let byWidth = (pageWidth - 2 * panelSideMargin - panelGap * (n - 1)) / (box.width * n)
        return min(byHeight, byWidth)
    }

    /// The soles' box in atlas units of the sole view (twice life size; the R and L above
    /// the toes included), as a chart of the soles frames them.
    public static var solesBox: Rect { ChartLayout.solesBox }

    /// Each panel's frame on the page, in millimetres: the bodies centred across the page,
    /// then the soles inset.
    public var panelFrames: [Rect] {
        let box = panelBox, n = Double(bodyViews.count)
        let w = box.width * scale, h = box.height * scale
        let step = w + panelGap
        let left = (pageWidth - w * n - panelGap * (n - 1)) / 2
        var frames = (0..<bodyViews.count).map { i in
            Rect(minX: left + Double(i) * step, minY: Self.panelsTop, maxX: left + Double(i) * step + w, maxY: Self.panelsTop + h)
        }
        if hasSoles, frames.count == 2 { frames.append(solesInset(between: frames[0], and: frames[1])) }
        return frames
    }

    /// The soles inset: in the white between the two bodies' lower legs, from below the
    /// hands to the level of the feet, as large as that room allows (the feet drawn there
    /// are about five times the size of the bodies' own).
    private func solesInset(between back: Rect, and front: Rect) -> Rect {
        // The outer edge of the calves is about 140 mm from the midline; the hands end
        // about 1125 mm below the vertex (a little room left round both).
        let legReach = 150 * scale
        let left = back.center.x + legReach, right = front.center.x - legReach
        let top = back.minY + (Self.solesTopBodyY - panelBox.minY) * scale
        let bottom = back.minY + (panelBox.maxY - panelBox.minY) * scale
        let box = Self.solesBox
        let s = min((right - left) / box.width, (bottom - top) / box.height)
        let w = box.width * s, h = box.height * s
        let x = (left + right - w) / 2
        return Rect(minX: x, minY: bottom - h, maxX: x + w, maxY: bottom)
    }

    /// Below this height (atlas mm from the vertex) the room between the lower legs is free
    /// for the soles: the hands end above it, and the side words stand just above it.
    static let solesTopBodyY = 1225.0

    /// Page millimetres per atlas unit in panel `index` (the soles inset has its own scale).
    public func scale(panel index: Int) -> Double {
        guard views[index] == .plantar else { return scale }
        return panelFrames[index].width / Self.solesBox.width
    }

    /// Where the atlas origin (the vertex) lands in a panel, in page millimetres.
    public func origin(panel index: Int) -> Point {
        let frame = panelFrames[index]
        if views[index] == .plantar {
            let s = scale(panel: index), box = Self.solesBox
            return Point(frame.center.x - box.center.x * s, frame.minY - box.minY * s)
        }
        return Point(frame.center.x + ChartLayout.centringShift(views[index]) * scale, frame.minY - panelBox.minY * scale)
    }
}
