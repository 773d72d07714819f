import AtlasModel
@testable import AtlasRender
import Testing

/// Review 2040's picture items that the figure and chart builders own.
@Suite("Review 2040")
struct Review2040Tests {
    static let atlas = try! RenderTestAtlas.load()

    /// Item 9: at 800 px the view names' capitals measured 10 px (13.7 px type). DejaVu Sans
    /// capitals are 0.73 of the size, so 14 px type needs a size of at least 14 / 0.93 = 15;
    /// the view names and the L/R marks are held to that.
    @Test func viewNamesAndSideMarksReadAt800Pixels() throws {
        let figure = try #require(Self.atlas.figure("why-leg-pain"))
        let sizes = try TextSizes.laidOut(try FigureBuilder.scene(figure, width: 800, atlas: Self.atlas))
        let views = sizes.filter { $0.text == "Back view" || $0.text == "Right side view" }
        let marks = sizes.filter { $0.text == "L" || $0.text == "R" }
        #expect(!views.isEmpty && !marks.isEmpty, "the figure names its views and marks its sides")
        for label in views + marks {
            #expect(label.size >= 15 - 1e-9, "'\(label.text)' is \(label.size) px at 800 px wide")
        }
    }
}

extension Review2040Tests {
    static func dermatomeScene(style: Style) throws -> Scene {
        var request = ChartRequest(kind: .render, views: [.posterior, .anterior])
        request.patterns = atlas.allPatterns().filter { $0.family == .dermatome }
        request.style = style
        return try ChartBuilder.scene(request, atlas: atlas)
    }

    /// Item 14: a colour dermatome plate tells the reader how to print it in black and white;
    /// the greyscale plate, whose bands are textured, does not.
    @Test func colourDermatomeFooterNamesTheGreyscaleStyle() throws {
        #expect(!Self.atlas.allPatterns().filter { $0.family == .dermatome }.isEmpty)
        let colour = try Self.dermatomeScene(style: .default)
        #expect(colour.texts.contains { $0.text.contains("--style print-greyscale") }, "the colour map's footer names the style")
        let grey = try #require(Self.atlas.styles["print-greyscale"])
        let print = try Self.dermatomeScene(style: grey)
        #expect(!print.texts.contains { $0.text.contains("--style print-greyscale") }, "the greyscale map needs no such note")
    }

    /// Item 14: every name on the contact sheet ends inside the sheet (the last one, three
    /// lines in one slot, was clipped at the bottom edge), and above the next row's bodies.
    @Test func contactSheetNamesAreNotClipped() throws {
        let scene = try ContactSheet.scene(atlas: Self.atlas, patterns: Self.atlas.patterns, width: 2400)
        let measure = try TextMeasurer(fontFamily: scene.style.fontFamily)
        let names = Set(Self.atlas.patterns.map(\.name))
        let labels = scene.texts.filter { names.contains($0.text) }
        #expect(labels.count >= Self.atlas.patterns.count - 2)
        for label in labels {
            let box = measure.box(of: label)
            #expect(box.maxY <= Double(scene.height) - 4, "'\(label.text)' ends at \(box.maxY), sheet \(scene.height) px tall")
            let below = scene.panels.filter { $0.frame.minY > label.at.y && abs($0.frame.center.x - label.at.x) < $0.frame.width }
            for panel in below {
                #expect(box.maxY <= panel.frame.minY, "'\(label.text)' runs into the row below")
            }
        }
    }
}
