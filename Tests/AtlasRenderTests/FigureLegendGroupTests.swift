import AtlasModel
@testable import AtlasRender
import Testing

/// The why-leg-pain figure's legend (twenty lines: muscles, joints, the disc, a trapped nerve,
/// two roots, marks) is grouped under headings in two columns, a group never split between
/// them; its root panels have the faint skeleton the other panels have (issue 12 review).
@Suite("Figure legend groups and root skeletons")
struct FigureLegendGroupTests {
    static let atlas = try! RenderTestAtlas.load()

    static func whyLegPain(width: Int = 800) throws -> Scene {
        try FigureBuilder.scene(try #require(atlas.figure("why-leg-pain")), width: width, atlas: atlas)
    }

    @Test func longLegendIsGroupedUnderHeadings() throws {
        let legend = try #require(try Self.whyLegPain().legend)
        let headings = legend.entries.indices.filter { legend.entries[$0].symbol == .heading }
        #expect(headings.count == 3 && headings.first == 0, "\(legend.entries.map(\.text))")
        // Every line stands under the heading of its own group.
        var group: LegendGroups.Group?
        for entry in legend.entries {
            if entry.symbol == .heading {
                group = LegendGroups.Group.allCases.first { LegendGroups.heading($0, Phrasebook()) == entry.text }
            } else {
                #expect(group == LegendGroups.group(of: entry.symbol), "\(entry.text) under the wrong heading")
            }
        }
        #expect(legend.entries.contains { $0.symbol == .root("S1") } && legend.entries.contains { $0.symbol == .markArea })
    }

    @Test func groupsAreNeverSplitBetweenColumns() throws {
        let legend = try #require(try Self.whyLegPain().legend)
        let measure = try TextMeasurer(fontFamily: Style.default.fontFamily)
        let layout = LegendLayout(entries: legend.entries, size: legend.textSize, width: legend.frame.width) {
            measure.size($0, size: $1, width: $2)
        }
        #expect(layout.columns == 2)
        for start in layout.starts { #expect(legend.entries[start].symbol == .heading, "a column starts with \(legend.entries[start].text)") }
        // Two columns are shorter than the one list was.
        let single = LegendLayout(texts: legend.entries.map(\.text), size: legend.textSize, width: legend.frame.width) {
            measure.size($0, size: $1, width: $2)
        }
        #expect(layout.height < single.height)
        #expect(layout.height <= legend.frame.height + 0.5, "the frame holds the grouped legend at its size")
    }

    @Test func shortLegendsStayOneList() throws {
        var request = ChartRequest(kind: .render, views: [.posterior])
        request.patterns = [try #require(Self.atlas.pattern("piriformis"))]
        let legend = try #require(try ChartBuilder.scene(request, atlas: Self.atlas).legend)
        #expect(!legend.entries.contains { $0.symbol == .heading })
        let gluteal = try FigureBuilder.scene(try #require(Self.atlas.figure("gluteal-referral-patterns")), width: 800, atlas: Self.atlas)
        #expect(!(gluteal.legend?.entries.contains { $0.symbol == .heading } ?? true))
    }

    /// Root panels beside panels over bones get the skeleton; a root's own render (a skin map
    /// read against the skin) does not.
    @Test func rootPanelsOfAFigureHaveTheSkeleton() throws {
        let scene = try Self.whyLegPain()
        let roots = scene.panels.filter { $0.patterns.allSatisfy { $0.pattern.family == .radicular } }
        #expect(roots.count == 2)
        for panel in roots { #expect(!(panel.anatomy?.bones.isEmpty ?? true), "\(panel.label ?? "") has no skeleton") }
        var request = ChartRequest(kind: .render, views: [.posterior])
        request.patterns = [try #require(Self.atlas.pattern("radicular-s1"))]
        #expect(try ChartBuilder.scene(request, atlas: Self.atlas).panels.allSatisfy { $0.anatomy?.bones.isEmpty ?? true })
    }
}
