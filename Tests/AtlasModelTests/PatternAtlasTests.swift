import Testing
@testable import AtlasModel

@Suite("Referral patterns in the atlas")
struct PatternAtlasTests {
    static let requiredIDs = [
        "gluteus-maximus", "gluteus-maximus-trp1", "gluteus-maximus-trp2", "gluteus-maximus-trp3",
        "gluteus-medius", "gluteus-medius-trp1", "gluteus-medius-trp2", "gluteus-medius-trp3",
        "gluteus-minimus-anterior", "gluteus-minimus-posterior", "tensor-fasciae-latae", "piriformis",
        "quadratus-lumborum", "iliopsoas", "hamstrings-medial", "hamstrings-lateral",
        "sacroiliac-joint", "lumbar-facet", "hip-joint", "lumbar-disc",
        "sciatic-nerve", "radicular-l4", "radicular-l5", "radicular-s1", "sciatic-entrapment",
    ]

    @Test func everyRequiredPatternExists() throws {
        let atlas = try TestAtlas.load()
        for id in Self.requiredIDs {
            #expect(atlas.pattern(id) != nil, "missing pattern \(id)")
        }
    }

    @Test func familiesAreRight() throws {
        let atlas = try TestAtlas.load()
        #expect(atlas.pattern("sacroiliac-joint")?.family == .articular)
        #expect(atlas.pattern("lumbar-facet")?.family == .articular)
        #expect(atlas.pattern("piriformis")?.family == .myofascial)
        #expect(atlas.pattern("radicular-s1")?.family == .radicular)
        #expect(atlas.pattern("sciatic-nerve")?.family == .neural)
    }

    @Test func everyPatternHasADescriptionAndSources() throws {
        let atlas = try TestAtlas.load()
        for pattern in atlas.patterns {
            #expect(pattern.description.split(separator: " ").count >= 12, "\(pattern.id): description too short")
            #expect(!pattern.sources.isEmpty, "\(pattern.id): no sources")
            if pattern.fidelity != .verified {
                #expect(pattern.fidelityNote != nil, "\(pattern.id) is \(pattern.fidelity.rawValue) but has no fidelity-note")
            }
        }
    }

    @Test func compositesCarryTheirParts() throws {
        let atlas = try TestAtlas.load()
        let composite = try #require(atlas.pattern("gluteus-maximus"))
        let parts = ["gluteus-maximus-trp1", "gluteus-maximus-trp2", "gluteus-maximus-trp3"].compactMap { atlas.pattern($0) }
        #expect(composite.zones.count == parts.map(\.zones.count).reduce(0, +))
        #expect(composite.triggerPoints.count == 3)
    }

    /// Most of every zone's area lies inside its view's silhouette.
    @Test func zonesLieInsideTheBody() throws {
        let atlas = try TestAtlas.load()
        let outlines: [PatternView: [Point]] = [
            .posterior: atlas.view(.posterior)!.outline.polylines()[0],
            .anterior: atlas.view(.anterior)!.outline.polylines()[0],
            .lateral: atlas.view(.lateralRight)!.outline.polylines()[0],
            .plantar: atlas.view(.plantar)!.outline.polylines()[0],
        ]
        for pattern in atlas.allPatterns(dermatomeMap: .classic) + atlas.allPatterns(dermatomeMap: .evidenceBased) {
            for zone in pattern.zones {
                let polygon = zone.path.polylines()[0]
                let body = try #require(outlines[zone.view])
                let share = insideShare(polygon, body)
                #expect(share > 0.5, "\(pattern.id): a \(zone.kind.rawValue) zone in the \(zone.view.rawValue) view is only \(Int(share * 100))% inside the body")
            }
            for point in pattern.triggerPoints {
                let body = try #require(outlines[point.view])
                let inside = Polygon.contains(body, point.point)
                #expect(inside, "\(pattern.id): trigger point outside the body")
            }
        }
    }

    /// Ipsilateral referral: zones authored for the right side stay on the right half, except
    /// gluteus medius TrP3, which spreads across the sacrum (clinical-facts 3), and
    /// midline low-back areas of joints and quadratus lumborum.
    @Test func zonesStayOnTheirSide() throws {
        let atlas = try TestAtlas.load()
        for pattern in atlas.patterns {
            for zone in pattern.zones where zone.view != .lateral {
                guard let bounds = zone.path.bounds else { continue }
                #expect(bounds.center.x > 0, "\(pattern.id): a zone's centre is on the wrong side of the midline")
            }
        }
    }

    /// Grid-sampled share of `polygon`'s area inside `body`.
    func insideShare(_ polygon: [Point], _ body: [Point]) -> Double {
        guard let box = Rect(bounding: polygon) else { return 0 }
        var total = 0, inside = 0
        let step = max(box.width, box.height) / 40
        var y = box.minY + step / 2
        while y < box.maxY {
            var x = box.minX + step / 2
            while x < box.maxX {
                let p = Point(x, y)
                if Polygon.contains(polygon, p) {
                    total += 1
                    if Polygon.contains(body, p) { inside += 1 }
                }
                x += step
            }
            y += step
        }
        return total == 0 ? 0 : Double(inside) / Double(total)
    }
}
