import AtlasModel
@testable import AtlasRender
import Testing

/// "What you may feel" hangs its wrapped lines: each item is a text block of its own to the
/// right of its bullet, so a second line starts under the item's first word, never under
/// the bullet (a list set as one text wrapped its lines back to the bullet's x).
@Suite("Handout bullets")
struct HandoutBulletTests {
    static let atlas = try! RenderTestAtlas.load()

    @Test(arguments: Paper.allCases)
    func wrappedItemsLineUpWithTheirTextNotTheBullet(paper: Paper) throws {
        let measure = try TextMeasurer(fontFamily: Style.default.fontFamily)
        let phrases = Phrasebook()
        var wrapped = 0
        for pattern in Self.atlas.patterns where !phrases.feel(of: pattern).isEmpty {
            var request = HandoutRequest(patterns: [pattern])
            request.paper = paper
            let pages = try HandoutBuilder.pages(request, atlas: Self.atlas)
            let texts = pages.flatMap(\.texts)
            for item in phrases.feel(of: pattern) {
                let text = try #require(texts.first { $0.text == item }, "\(pattern.id): '\(item)' is a text of its own")
                let bullet = try #require(texts.first { $0.text == "•" && abs($0.at.y - text.at.y) < 0.5 },
                                          "\(pattern.id): '\(item)' has a bullet on its first line")
                let bulletBox = measure.box(of: bullet), box = measure.box(of: text)
                // Every line of a left-aligned wrapped text starts at its anchor's x.
                #expect(text.at.x >= bulletBox.maxX + text.size * 0.2,
                        "\(pattern.id): '\(item)' starts at \(text.at.x), under its bullet (\(bullet.at.x)-\(bulletBox.maxX))")
                let oneLine = measure.size("x", size: text.size).height
                if box.height > oneLine * 1.5 { wrapped += 1 }
            }
        }
        #expect(wrapped > 0, "some item wraps, so the hanging indent is tested")
    }

    /// Piriformis's longest item (the thigh spillover) wraps, and hangs right of its bullet.
    @Test func piriformisLongItemHangs() throws {
        let pattern = try #require(Self.atlas.pattern("piriformis"))
        let page = try HandoutBuilder.pages(HandoutRequest(patterns: [pattern]), atlas: Self.atlas)[0]
        let measure = try TextMeasurer(fontFamily: Style.default.fontFamily)
        let item = try #require(page.texts.first { $0.text.hasPrefix("sometimes an ache down") })
        let bullet = try #require(page.texts.first { $0.text == "•" && abs($0.at.y - item.at.y) < 0.5 })
        #expect(measure.box(of: item).height > measure.size("x", size: item.size).height * 1.5, "the item wraps at this width")
        #expect(item.at.x > measure.box(of: bullet).maxX, "its lines start right of the bullet")
    }

    /// The list keeps the atlas's order: its first line is what most patients feel (the hip's
    /// buttock-or-groin ache, Lesher 2008), which an alphabetical sort had moved to third.
    @Test func feelLinesKeepTheAtlasOrder() throws {
        let phrases = Phrasebook()
        for id in ["hip-joint", "sacroiliac-joint", "piriformis"] {
            let pattern = try #require(Self.atlas.pattern(id))
            let lines = phrases.feel(of: pattern)
            let page = try HandoutBuilder.pages(HandoutRequest(patterns: [pattern]), atlas: Self.atlas)[0]
            let shown = page.texts.filter { lines.contains($0.text) }.sorted { $0.at.y < $1.at.y }.map(\.text)
            #expect(shown == lines, "\(id): the handout lists \(shown), the atlas \(lines)")
        }
    }
}
