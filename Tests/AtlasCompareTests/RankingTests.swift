import AtlasCompare
import AtlasModel
import AtlasRender
import Testing

/// Drawings painted from the atlas's own zones must find their source.
@Suite("Ranking drawings painted from the atlas")
struct RankingTests {
    /// A spread of families, views and sizes of zone.
    static let sources = ["gluteus-minimus-anterior", "piriformis", "sacroiliac-joint", "radicular-s1", "tensor-fasciae-latae",
                          "quadratus-lumborum"]

    @Test(arguments: sources)
    func sourceRanksInTheTopThreeAndItsSideWins(id: String) throws {
        // The four-view template exported at 500 px, opened at 1000 px, shaded roughly on
        // the patient's right, a stray dab on the left hand, then cropped with a margin.
        var sheet = try DrawingPainter.sheet(ViewID.allCases, width: 500, upscale: 2)
        try DrawingPainter.paint(&sheet, id, side: .right, kinds: [.essential, .radicular, .spillover], seed: 7)
        DrawingPainter.dab(&sheet.image, at: DrawingPainter.pixel(sheet, view: .anterior, Point(300, 1040)), radius: 6,
                           color: Style.default.painMark)
        let drawing = DrawingPainter.crop(sheet, x: 15, y: 40, width: sheet.image.width - 30, height: sheet.image.height - 70, margin: 12)
        let comparison = try DrawingPainter.comparator.analyse(image: drawing.image, name: id).comparison

        let ranking = comparison.matches.map { "\($0.id)/\($0.side.rawValue)" }
        let right = try #require(ranking.firstIndex(of: "\(id)/right"))
        #expect(right < 3, "\(id) ranks \(right + 1): \(ranking.prefix(5))")
        if let left = ranking.firstIndex(of: "\(id)/left") {
            #expect(right < left, "the right side must win over the left")
        }
        #expect(comparison.template == "all")
        #expect(comparison.registration.residualMillimetres < 1.5)
        #expect(RankingOrder.isDistinctSourcesFirst(comparison.matches.map { (id: $0.id, confidence: $0.confidence) }, atlas: DrawingPainter.atlas,
                                                    pair: comparison.explanations.first.map { $0.sources.map(\.id) } ?? []),
                "different sources first, each part sorted by confidence")
        for match in comparison.matches {
            #expect((0...1).contains(match.confidence) && (0...1).contains(match.precision) && match.precision > 0)
        }
    }

    @Test func bothSidesDrawnMatchBothSides() throws {
        var sheet = try DrawingPainter.sheet(ViewID.allCases, width: 500, upscale: 1.4)
        for side in Side.allCases { try DrawingPainter.paint(&sheet, "sacroiliac-joint", side: side, seed: 13) }
        let comparison = try DrawingPainter.comparator.analyse(image: sheet.image, name: "both.png").comparison
        let best = try #require(comparison.matches.first)
        #expect(best.id == "sacroiliac-joint" && best.side == .both, "\(comparison.matches.prefix(3).map { "\($0.id)/\($0.side)" })")
        // Both sides are described: as one area ("both") or, where the two sides' marks
        // touch different parts (a few cells of low back on one side), as a left and a right.
        let sides = Set(comparison.areas.prefix(2).map(\.side))
        #expect(comparison.areas.first?.side == "both" || sides == ["left", "right"], "\(comparison.areas.map { "\($0.side) \($0.parts)" })")
    }

    @Test func singleViewTemplateDrawnLargerIsRecognised() throws {
        // The back view alone, exported at 400 px and drawn on at 1000 px.
        var sheet = try DrawingPainter.sheet([.posterior], width: 400, upscale: 2.5)
        try DrawingPainter.paint(&sheet, "gluteus-medius-trp1", side: .left, seed: 3)
        let comparison = try DrawingPainter.comparator.analyse(image: sheet.image, name: "back.png").comparison
        #expect(comparison.template == "posterior")
        #expect(comparison.views == [.posterior])
        let best = try #require(comparison.matches.first)
        #expect(comparison.matches.prefix(3).contains { $0.id == "gluteus-medius-trp1" && $0.side == .left })
        #expect(best.side == .left, "marks on the viewer's left of a back view are the patient's left")
    }

    @Test func leftSideViewOnlyRanksLeftSidePatterns() throws {
        var sheet = try DrawingPainter.sheet([.lateralLeft], width: 400, upscale: 1.5)
        try DrawingPainter.paint(&sheet, "gluteus-minimus-anterior", side: .left, kinds: [.essential, .spillover], seed: 5)
        let comparison = try DrawingPainter.comparator.analyse(image: sheet.image, name: "left-side.png").comparison
        #expect(comparison.template == "lateral-left")
        #expect(comparison.matches.allSatisfy { $0.side == .left }, "a left side view cannot show the right side (nor both)")
        #expect(comparison.matches.first?.id == "gluteus-minimus-anterior")
    }
}

/// A patient with only a black pen.
@Suite("Dark strokes")
struct DarkStrokeTests {
    @Test func blackShadingIsReadAsPain() throws {
        var sheet = try DrawingPainter.sheet([.posterior], width: 400, upscale: 1.5)
        try DrawingPainter.paint(&sheet, "gluteus-minimus-posterior", side: .right, color: Color(0.1, 0.1, 0.1), seed: 8)
        let comparison = try DrawingPainter.comparator.analyse(image: sheet.image, name: "pencil.png").comparison
        #expect(comparison.notes.contains { $0.contains("dark strokes") })
        #expect(comparison.matches.prefix(3).contains { $0.id == "gluteus-minimus-posterior" && $0.side == .right },
                "\(comparison.matches.prefix(3).map(\.id))")
    }
}
