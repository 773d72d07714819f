@testable import AtlasCompare
import Testing

/// Filling areas a patient outlined, on small hand-made grids (no painter): a body of 20 by
/// 30 cells in a 24 by 34 grid, two cells of paper around it.
@Suite("Outlined areas")
struct EnclosedAreaTests {
    static let width = 24, height = 34
    static let body: [Bool] = (0..<(width * height)).map { i in
        let x = i % width, y = i / width
        return x >= 2 && x < 22 && y >= 2 && y < 32
    }

    /// The marks of a rectangle's border, x0..<x1 by y0..<y1, without the cells `gap` drops.
    static func ring(_ x0: Int, _ x1: Int, _ y0: Int, _ y1: Int, gap: (Int, Int) -> Bool = { _, _ in false }) -> [Bool] {
        (0..<(width * height)).map { i in
            let x = i % width, y = i / width
            let onBorder = (x == x0 || x == x1 - 1) && y >= y0 && y < y1 || (y == y0 || y == y1 - 1) && x >= x0 && x < x1
            return onBorder && !gap(x, y) && body[i]
        }
    }

    static func filled(_ marks: [Bool]) -> [Bool] {
        Morphology.fillEnclosed(marks, width: width, height: height, within: body)
    }

    static func isFilled(_ out: [Bool], _ x: Int, _ y: Int) -> Bool { out[y * width + x] }

    @Test(arguments: [
        // A closed ring: filled by the flood.
        ("closed ring", 6, 16, 8, 20, 0, true),
        // A ring on the body's left edge that lost 8 of its 12 edge cells (marks on the printed
        // outline are left out): the border is still mostly marks, so it is filled.
        ("ring hugging the edge", 2, 12, 8, 20, 8, true),
        // A ring open along most of its left side and the edge far away: not an outline.
        ("ring missing half its left side", 6, 16, 8, 20, 10, false),
    ])
    func outlinedAreasAreFilled(name: String, x0: Int, x1: Int, y0: Int, y1: Int, missing: Int, fills: Bool) {
        let marks = Self.ring(x0, x1, y0, y1) { x, y in x == x0 && y > y0 && y <= y0 + missing }
        let out = Self.filled(marks)
        #expect(Self.isFilled(out, (x0 + x1) / 2, (y0 + y1) / 2) == fills, "\(name)")
    }

    @Test func aLineAcrossTheBodyFillsNeitherSide() {
        let line: [Bool] = (0..<(Self.width * Self.height)).map { i in i / Self.width == 15 && Self.body[i] }
        let out = Self.filled(line)
        #expect(out == line)
    }

    @Test func theMostlyEnclosedRuleNeedsItsShareOfMarkedBorder() {
        // A pocket against the body's edge, its left side lost: bordered by marks above and
        // below (7 cells each) and on the right (6), and by the body's edge (6).
        let marks = Self.ring(2, 10, 10, 18) { x, y in x == 2 && y > 10 && y < 17 }
        let pocketBorder = (marked: 20.0, edge: 6.0)
        let share = pocketBorder.marked / (pocketBorder.marked + pocketBorder.edge)
        let lax = Morphology.fillMostlyEnclosed(marks, width: Self.width, height: Self.height, within: Self.body, markedShare: share - 0.05)
        let strict = Morphology.fillMostlyEnclosed(marks, width: Self.width, height: Self.height, within: Self.body, markedShare: share + 0.05)
        #expect(Self.isFilled(lax, 5, 14))
        #expect(!Self.isFilled(strict, 5, 14))
        // The rest of the body is bordered mostly by its edge and is never filled.
        #expect(!Self.isFilled(lax, 16, 25))
    }

    /// A printed midline down the body at column 12, where dark strokes are left out.
    static let midline: [Bool] = (0..<(width * height)).map { i in i % width == 12 && body[i] }

    @Test(arguments: [
        // A black-pen outline whose left side lies on the printed midline, so that side was
        // left out: bordered by marks (7 + 7 + 8 cells) and the printed line (8, counted a
        // quarter as marks), it is filled.
        ("outline along the printed midline", true, 0, true),
        // The same marks without knowing where the printed lines are: the inside runs over
        // the midline into the rest of the body and is not filled.
        ("same outline, printed lines unknown", false, 0, false),
        // Open on its far side too: not an outline, even with the printed line as a border.
        ("outline along the midline, open on its far side", true, 5, false),
    ])
    func printedLinesCanBoundAnOutline(name: String, knowsPrinted: Bool, missing: Int, fills: Bool) {
        let (x0, x1, y0, y1) = (12, 21, 10, 18)
        let marks = Self.ring(x0, x1, y0, y1) { x, y in Self.midline[y * Self.width + x] || x == x1 - 1 && y > y0 && y <= y0 + missing }
        let out = Morphology.fillEnclosed(marks, width: Self.width, height: Self.height, within: Self.body,
                                          printed: knowsPrinted ? Self.midline : nil)
        #expect(Self.isFilled(out, 16, 14) == fills, "\(name)")
        // The other half of the body, bordered by the printed line and the body's edge, and
        // the printed line itself, are never filled.
        #expect(!Self.isFilled(out, 6, 14), "\(name)")
        #expect(!Self.isFilled(out, 12, 14), "\(name)")
    }
}
