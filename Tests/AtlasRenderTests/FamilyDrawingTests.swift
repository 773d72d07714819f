import AtlasModel
import AtlasRender
import Foundation
import Testing

/// How a pattern's family and fidelity show in the picture: legend wording, the entrapment
/// hatch, the unconfirmed-split tone, edge markers and source captions.
@Suite("Families, flags and captions")
struct FamilyDrawingTests {
    static let atlas = try! RenderTestAtlas.load()

    func chart(_ ids: [String], views: [ViewID] = [.posterior], width: Int = 900) throws -> Scene {
        var request = ChartRequest(kind: .render, views: views)
        request.patterns = try ids.map { try #require(Self.atlas.pattern($0)) }
        request.width = width
        return try ChartBuilder.scene(request, atlas: Self.atlas)
    }

    func legend(_ ids: [String]) throws -> [LegendEntry] { try #require(try chart(ids).legend).entries }

    @Test func jointMapsSayMostAndSomePatients() throws {
        let phrases = Phrasebook()
        let texts = try legend(["sacroiliac-joint"]).map(\.text)
        #expect(texts.contains(phrases.text(.legendJointMost)) && texts.contains(phrases.text(.legendJointSome)))
        #expect(!texts.contains(phrases.text(.legendEssentialMuscle)) && !texts.contains(phrases.text(.legendSpillover)))
        let muscle = try legend(["piriformis"]).map(\.text)
        #expect(muscle.contains(phrases.text(.legendEssentialMuscle)) && !muscle.contains(phrases.text(.legendJointMost)))
        // Worded per family: joints come from injection studies, the disc from disc stimulation.
        for id in ["sacroiliac-joint", "hip-joint", "lumbar-facet"] {
            let joint = try legend([id]).map(\.text)
            #expect(joint.contains { $0.hasPrefix("Joint: ") } && !joint.contains { $0.contains("disc") || $0.contains("Disc") }, "\(id): \(joint)")
        }
        let disc = try legend(["lumbar-disc"]).map(\.text)
        #expect(disc.contains(phrases.text(.legendDiscMost)) && !disc.contains { $0.contains("injection") || $0.hasPrefix("Joint") }, "\(disc)")
        // No source gives the disc's outline or how many patients feel each part: its legend
        // claims a textbook description, never a count, on its own soft-edged swatches.
        #expect(phrases.text(.legendDiscMost) == "Disc: commonest area (textbook description)")
        #expect(!disc.contains { $0.contains("most patients") || $0.contains("some patients") }, "\(disc)")
        let symbols = try legend(["lumbar-disc"]).map(\.symbol)
        #expect(symbols.contains(.diffuseCore) && symbols.contains(.diffuseSome) && !symbols.contains(.essential) && !symbols.contains(.spillover))
    }

    /// A figure's legend has one entry per swatch, and a trigger point seen only in a view the
    /// figure leaves out gets no edge note (why-leg-pain has no side view of gluteus medius:
    /// "TrP3: not drawn" puzzled readers); the panel's caption says what it shows instead.
    @Test func figureLegendMergesIdenticalSwatchesAndLeavesOutNotesOnUnshownViews() throws {
        let figure = try #require(Self.atlas.figure("why-leg-pain"))
        let scene = try FigureBuilder.scene(figure, atlas: Self.atlas)
        let entries = try #require(scene.legend).entries
        // (Group headings have no swatch: see FigureLegendGroupTests.)
        for entry in entries where entry.symbol != .heading {
            #expect(entries.filter { $0.symbol == entry.symbol }.count == 1, "two legend entries for \(entry.symbol)")
        }
        let solid = try #require(entries.first { $0.symbol == .essential }).text
        #expect(solid.contains("trigger point") && solid.contains("joint injection"), "\(solid)")
        let texts = scene.texts.map(\.text)
        #expect(!texts.contains { $0.contains("TrP3") }, "\(texts.filter { $0.contains("TrP") })")
        #expect(!texts.contains { $0.contains("not drawn") })
    }

    /// In every figure, a panel whose pattern has trigger points only in views the figure
    /// leaves out says so in its caption, so the missing X is not taken for an oversight.
    @Test(arguments: ["why-leg-pain", "gluteal-referral-patterns", "referred-vs-radicular", "sciatic-nerve-course",
                      "piriformis-and-sciatic-nerve"])
    func captionsNameTriggerPointsTheFigureLeavesOut(id: String) throws {
        let figure = try #require(Self.atlas.figure(id))
        var shown: [String: Set<PatternView>] = [:]
        for spec in figure.panels { for pattern in spec.patterns { shown[pattern.id, default: []].insert(spec.view.patternView) } }
        for spec in figure.panels {
            for pattern in spec.patterns {
                let missing = Self.atlas.edgeMarkers(for: pattern, in: spec.view.patternView)
                    .filter { marker in !marker.views.contains { shown[pattern.id]?.contains($0) == true } }
                guard !missing.isEmpty else { continue }
                #expect(spec.caption?.contains("trigger point") == true,
                        "\(id), \(spec.title ?? ""): \(pattern.id) has trigger points the figure does not draw; the caption must say so")
            }
        }
    }

    @Test func entrapmentHasItsOwnLegendAndIsNotRootPain() throws {
        let symbols = try legend(["sciatic-entrapment"]).map(\.symbol)
        #expect(symbols.contains(.entrapmentCore) && symbols.contains(.entrapmentSome))
        #expect(!symbols.contains(.radicular) && !symbols.contains(.essential))
    }

    /// The entrapment core is violet (red above green), unlike the blue root hatch and the
    /// red referral fill (blue above green).
    @Test func entrapmentIsDrawnInItsOwnHue() throws {
        let scene = try chart(["sciatic-entrapment"])
        let image = try SceneRenderer.rasterize(scene)
        let panel = scene.panels[0]
        let notch = try #require(panel.view.landmark("greater-sciatic-notch", side: .right))
        let centre = panel.toPixels(notch.point)
        var sum = (r: 0.0, g: 0.0, b: 0.0)
        for dy in -6...6 { for dx in -6...6 {
            let p = image[Int(centre.x) + dx, Int(centre.y) + dy]
            sum.r += Double(p.r); sum.g += Double(p.g); sum.b += Double(p.b)
        } }
        #expect(sum.b > sum.g * 1.1 && sum.r > sum.g, "mean colour \(sum) is not the entrapment violet")
    }

    /// No invented boundary: where gluteus minimus's thigh and calf areas meet the tone
    /// does not change, and the legend flags the split.
    @Test func unconfirmedSplitIsOneFlaggedTone() throws {
        let scene = try chart(["gluteus-minimus-posterior"])
        #expect(scene.legend?.entries.map(\.symbol).contains(.unsplit) == true)
        #expect(scene.legend?.entries.map(\.symbol).contains(.essential) == false)
        let image = try SceneRenderer.rasterize(scene)
        let panel = scene.panels[0]
        let landmarks = panel.view.sideFrameLandmarks
        let thigh = panel.toPixels(try #require(landmarks["mid-posterior-thigh"]) + Point(-6, 0))
        let knee = panel.toPixels(try #require(landmarks["sciatic-bifurcation"]) + Point(-4, 30))
        let calf = panel.toPixels(try #require(landmarks["calf-max"]))
        let a = image[Int(thigh.x), Int(thigh.y)], b = image[Int(knee.x), Int(knee.y)], c = image[Int(calf.x), Int(calf.y)]
        func difference(_ p: (r: UInt8, g: UInt8, b: UInt8)) -> Int {
            let dr = abs(Int(p.r) - Int(a.r)), dg = abs(Int(p.g) - Int(a.g)), db = abs(Int(p.b) - Int(a.b))
            return dr + dg + db
        }
        #expect(difference((b.r, b.g, b.b)) < 12, "knee \(b) vs thigh \(a)")
        #expect(difference((c.r, c.g, c.b)) < 12, "calf \(c) vs thigh \(a)")
    }

    @Test func zonesWithoutTheirTriggerPointGetAnEdgeMarker() throws {
        let texts = try chart(["gluteus-medius-trp3"], views: [.posterior, .lateralRight]).texts.map(\.text)
        #expect(texts.contains { $0.contains("TrP3: see side view") })
        let both = try chart(["gluteus-medius"], views: [.posterior]).texts.map(\.text)
        #expect(both.contains { $0.contains("TrP3: see side view") })
        // A view that shows its own Xs needs none.
        let lateral = try chart(["gluteus-medius-trp3"], views: [.lateralRight]).texts.map(\.text)
        #expect(!lateral.contains { $0.contains(": see ") })
    }

    @Test func captionsPrintSourceAndFidelity() throws {
        let minimus = try #require(Self.atlas.pattern("gluteus-minimus-anterior"))
        #expect(SourceCaption.text(for: minimus)
                == "After Travell & Simons, vol. 2, ch. 9 text as quoted in secondary sources, fig. 9.1 not seen (recalled; essential/spillover split not confirmed)")
        var request = HandoutRequest(patterns: [minimus])
        request.dpi = 100
        let handout = try HandoutBuilder.scene(request, atlas: Self.atlas)
        #expect(handout.texts.contains { $0.text.contains("After Travell & Simons, vol. 2, ch. 9 text as quoted") && $0.text.contains("(recalled") })
        let figure = try #require(Self.atlas.figure("gluteal-referral-patterns"))
        let scene = try FigureBuilder.scene(figure, width: 800, atlas: Self.atlas)
        #expect(scene.texts.contains { $0.text.contains("(recalled") && $0.text.contains("After ") })
        #expect(try chart(["sacroiliac-joint"]).texts.contains { $0.text.contains("After Slipman 2000 and Fortin 1994, injection studies (verified)") })
    }
}
