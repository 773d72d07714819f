import AtlasModel
@testable import AtlasRender
import Testing

/// Handout text (side marks and edge notes included) never overlaps the pictures, the
/// legend, the note box or other text, and never leaves the page: checked on the measured
/// boxes of every block, for every pattern alone and for sets of two and three, on A4 and
/// US letter. The body in a single pattern's pictures is at least 12 cm tall.
@Suite("Handout layout")
struct HandoutLayoutTests {
    static let atlas = try! RenderTestAtlas.load()

    /// Every pattern alone; pairs and triples of neighbours in the list; the three with the
    /// longest descriptions together (the hardest page to fill).
    static let sets: [[String]] = {
        let ids = atlas.patterns.map(\.id)
        var sets = ids.map { [$0] }
        for i in ids.indices.dropLast(2) { sets += [[ids[i], ids[i + 1]], [ids[i], ids[i + 1], ids[i + 2]]] }
        let longest = atlas.patterns.sorted { Phrasebook().description(of: $0).count > Phrasebook().description(of: $1).count }.prefix(3).map(\.id)
        sets.append(Array(longest))
        sets.append(["gluteus-minimus-posterior", "gluteus-medius", "piriformis"])
        return sets
    }()

    @Test(arguments: Paper.allCases)
    func blocksNeverOverlapOrLeaveThePage(paper: Paper) throws {
        let measure = try TextMeasurer(fontFamily: Style.default.fontFamily)
        var checked = 0
        for ids in Self.sets {
            var request = HandoutRequest(patterns: ids.compactMap { Self.atlas.pattern($0) })
            request.paper = paper
            request.dpi = 100
            request.clinic = "Riverside Clinic, 020 7946 0321"
            guard let pages = try? HandoutBuilder.pages(request, atlas: Self.atlas) else { continue }
            for (number, page) in pages.enumerated() {
                let problems = Self.problems(page, measure: measure)
                #expect(problems.isEmpty, "\(ids.joined(separator: " + ")) on \(paper.rawValue), page \(number + 1): \(problems)")
            }
            checked += 1
        }
        #expect(checked >= Self.atlas.patterns.count, "most sets make a handout")
    }

    /// Every pattern alone, and every set of two and three, on A4 and letter: the body in
    /// each whole-body picture on every page is at least 12 cm tall on paper (the part of it
    /// the frame shows: waist to toes, or head to toes).
    @Test(arguments: Paper.allCases)
    func bodiesAreAtLeastTwelveCentimetresTall(paper: Paper) throws {
        var shortest = (height: Double.infinity, id: "")
        for ids in Self.sets {
            var request = HandoutRequest(patterns: ids.compactMap { Self.atlas.pattern($0) })
            request.paper = paper
            request.dpi = 100
            guard let pages = try? HandoutBuilder.pages(request, atlas: Self.atlas) else { continue }
            for page in pages {
                for panel in page.panels where panel.view.id != .plantar && !panel.inset {
                    let height = Self.bodyHeight(panel, dpi: page.dpi)
                    let name = ids.joined(separator: " + ")
                    #expect(height >= 120, "\(name) on \(paper.rawValue): the \(panel.view.id.rawValue) body is \(height) mm tall")
                    if height < shortest.height { shortest = (height, name) }
                }
            }
        }
        #expect(shortest.height.isFinite, "no handout was made")
    }

    /// Several patterns are never drawn on one body nor their feelings merged into one list:
    /// every page draws one pattern, under that pattern's name, with only its own bullets
    /// and its own edge notes; the patterns come in the order asked.
    @Test(arguments: Paper.allCases)
    func severalPatternsAreEachAttributable(paper: Paper) throws {
        let ids = ["gluteus-minimus-anterior", "radicular-l5", "piriformis"]
        var request = HandoutRequest(patterns: ids.compactMap { Self.atlas.pattern($0) })
        request.paper = paper
        request.dpi = 100
        let pages = try HandoutBuilder.pages(request, atlas: Self.atlas)
        let phrases = Phrasebook()
        var order: [String] = []
        for page in pages {
            let pattern = try #require(request.patterns.first { page.title.hasPrefix(phrases.name(of: $0)) }, "\(page.title) names its pattern")
            if order.last != pattern.id { order.append(pattern.id) }
            for panel in page.panels { #expect(panel.patterns.map(\.pattern.id) == [pattern.id], "\(pattern.id): one pattern per body") }
            let text = page.texts.map(\.text).joined(separator: "\n")
            for other in request.patterns where other.id != pattern.id {
                for line in phrases.feel(of: other) where !phrases.feel(of: pattern).contains(line) {
                    #expect(!text.contains(line), "\(other.id)'s '\(line)' is not on \(pattern.id)'s page")
                }
            }
            if pattern.id != "piriformis" { #expect(!text.contains("TrP1"), "piriformis's note stays off \(pattern.id)'s pictures") }
        }
        #expect(order == ids)
    }

    /// A waist-to-toe picture for a pattern below the waist; for one that reaches the low
    /// back above the pelvis, the lower chest to the toes (the whole body drew it small):
    /// never the head, always the waist.
    @Test func framingFollowsTheZones() throws {
        for (id, lowerQuarter) in [("radicular-s1", true), ("gluteus-medius-trp1", true), ("piriformis", true),
                                   ("quadratus-lumborum", false), ("lumbar-facet", false)] {
            let page = try HandoutBuilder.pages(HandoutRequest(patterns: [try #require(Self.atlas.pattern(id))]), atlas: Self.atlas)[0]
            for panel in page.panels where panel.view.id != .plantar && !panel.inset {
                let head = panel.toPixels(Point(0, 0)).y
                #expect(head < panel.frame.minY, "\(id): \(panel.view.id.rawValue) leaves the head out")
                // The waist (lower-quarter top) is in the frame of a back pattern, below the top of a leg one.
                let waist = panel.toPixels(Point(0, BodyRegion.lowerQuarter.box.minY)).y
                #expect((waist > panel.frame.minY + 40 * panel.scale) == !lowerQuarter, "\(id): \(panel.view.id.rawValue) frames the \(lowerQuarter ? "lower quarter" : "trunk and legs")")
                #expect(panel.clip, "a frame clips what lies outside it")
            }
        }
    }

    /// No handout panel shows a muscle with nothing marked on it (gluteus medius TrP1 has
    /// no side-view zone or X: its handout has no side view).
    @Test func everyPanelMarksSomething() throws {
        for pattern in Self.atlas.patterns {
            var request = HandoutRequest(patterns: [pattern])
            request.dpi = 100
            guard let pages = try? HandoutBuilder.pages(request, atlas: Self.atlas) else { continue }
            for panel in pages.flatMap(\.panels) {
                let marked = panel.patterns.contains { !$0.zones.isEmpty || !$0.triggerPoints.isEmpty || !$0.nerves.isEmpty }
                #expect(marked, "\(pattern.id): the \(panel.view.id.rawValue) panel marks nothing")
            }
        }
        let trp1 = try HandoutBuilder.pages(HandoutRequest(patterns: [try #require(Self.atlas.pattern("gluteus-medius-trp1"))]), atlas: Self.atlas)
        #expect(!trp1[0].panels.contains { $0.view.id.patternView == .lateral })
    }

    /// Every pattern's handout (the dermatome maps too) is one page on A4 and on letter:
    /// a near-empty second page was what letter did to the sacroiliac joint, quadratus
    /// lumborum and dermatome handouts. (Its body stays 12 cm tall: the test above.)
    @Test(arguments: Paper.allCases)
    func everyHandoutIsOnePage(paper: Paper) throws {
        for pattern in Self.atlas.allPatterns() {
            let pages = try RenderTestAtlas.handoutPages(pattern, paper: paper, atlas: Self.atlas)
            #expect(pages.count == 1, "\(pattern.id) on \(paper.rawValue): \(pages.count) pages")
            for panel in pages[0].panels where panel.view.id != .plantar && !panel.inset {
                #expect(Self.bodyHeight(panel, dpi: 100) >= 120, "\(pattern.id) on \(paper.rawValue): body \(Self.bodyHeight(panel, dpi: 100)) mm")
            }
        }
    }

    /// The height of body a panel shows, in millimetres of paper.
    static func bodyHeight(_ panel: ScenePanel, dpi: Double) -> Double {
        let bounds = panel.view.bounds
        let top = max(panel.frame.minY, panel.toPixels(Point(0, bounds.minY)).y)
        let bottom = min(panel.frame.maxY, panel.toPixels(Point(0, bounds.maxY)).y)
        return (bottom - top) / (dpi / 25.4)
    }

    @Test func threePatternsOnLetterTakeAPageEachOrMore() throws {
        var request = HandoutRequest(patterns: ["gluteus-minimus-posterior", "gluteus-medius", "piriformis"].compactMap { Self.atlas.pattern($0) })
        request.paper = .letter
        let pages = try HandoutBuilder.pages(request, atlas: Self.atlas)
        #expect(pages.count >= 3)
        let text = pages.flatMap(\.texts).map(\.text).joined(separator: "\n")
        for pattern in request.patterns { #expect(text.contains(Phrasebook().description(of: pattern)), "\(pattern.id) described") }
        let pdf = String(decoding: try PageRenderer.render(pages, as: .pdf), as: UTF8.self)
        #expect(pdf.contains("/Count \(pages.count)"), "a PDF of every page")
    }

    @Test func oneLongTitleWrapsInsideTheMargins() throws {
        var request = HandoutRequest(patterns: ["gluteus-minimus-posterior", "gluteus-minimus-anterior", "tensor-fasciae-latae"].compactMap { Self.atlas.pattern($0) })
        request.paper = .letter
        let page = try HandoutBuilder.pages(request, atlas: Self.atlas)[0]
        let title = try TextMeasurer(fontFamily: Style.default.fontFamily).box(of: page.texts[0])
        #expect(title.maxX <= Double(page.width) - 16 * page.dpi / 25.4 + 1, "title ends inside the right margin")
    }

    /// What is wrong with a page's layout, in words (empty when nothing is).
    static func problems(_ page: Scene, measure: TextMeasurer) -> [String] {
        let mm = page.dpi / 25.4
        var blocks: [(String, Rect)] = []
        let aid = page.boxes.first?.frame
        for text in page.texts {
            let box = measure.box(of: text)
            // The note is inside its box; every other text (side marks and edge notes too) is a block.
            if let aid, box.minY >= aid.minY, box.maxY <= aid.maxY, box.minX >= aid.minX { continue }
            blocks.append((String(text.text.prefix(30)), box))
        }
        if let aid { blocks.append(("note box", aid)) }
        if let legend = page.legend { blocks.append(("legend", legend.frame)) }
        for panel in page.panels { blocks.append(("\(panel.view.id.rawValue) picture", panel.frame)) }
        var problems: [String] = []
        // Inside the page with a white margin of at least 10 mm all round: more than any printer
        // leaves unprinted (about 6 mm), whichever of the handout's margins the page took.
        let edge = 10 * mm
        let page = Rect(minX: edge, minY: edge, maxX: Double(page.width) - edge, maxY: Double(page.height) - edge)
        for (name, box) in blocks where box.minX < page.minX || box.maxX > page.maxX || box.minY < page.minY || box.maxY > page.maxY {
            problems.append("'\(name)' leaves the page (\(Int(box.minX / mm))-\(Int(box.maxX / mm)) by \(Int(box.minY / mm))-\(Int(box.maxY / mm)) mm)")
        }
        for i in blocks.indices {
            for j in blocks.indices where j > i {
                let a = blocks[i].1, b = blocks[j].1
                if a.minX < b.maxX - 0.5, b.minX < a.maxX - 0.5, a.minY < b.maxY - 0.5, b.minY < a.maxY - 0.5 {
                    problems.append("'\(blocks[i].0)' overlaps '\(blocks[j].0)'")
                }
            }
        }
        return problems
    }
}
