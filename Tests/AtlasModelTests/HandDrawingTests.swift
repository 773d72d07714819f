import Testing
import Foundation
@testable import AtlasModel

/// The hands of the front and back views, hanging palm forward, are drawn as an anatomy plate
/// draws them: four fingers of natural lengths, each parted from the next by a cleft that
/// runs down to its web, with blunt tips, and the thumb on the outer side (review 2110 found
/// the fingers short and parted only at their tips). Review rev4 found the webs sharp V-slits,
/// the fingers parallel prongs and the thumb short: the webs are now rounded, the fingers fan
/// a little and the thumb reaches toward the index finger's middle joint. Review rev5 found
/// the fingers still prongs: each now tapers toward its tip. Review rev7 found them still thin
/// spread prongs (palm 73 mm, 2-4 mm gaps between the fingers): the palm and fingers are
/// widened toward the body and the fingers held together, the clefts closed to a line. Review
/// rev9 found the tips squared off and the clefts heavier than the outline, ending in dots:
/// the tips are now half-discs and the clefts' edges 0.1 mm apart, ending without a U.
@Suite("Hand drawing")
struct HandDrawingTests {
    /// The tips and webs of the hand on the viewer's right, in order from the thumb: five tips
    /// (thumb, index, middle, ring, little) and four webs (the thumb's first), in screen mm.
    struct Hand {
        var tips: [Point]
        var webs: [Point]
        var outline: [Point]

        var thumb: Point { tips[0] }
        /// The four fingers' tips, index first.
        var fingertips: [Point] { Array(tips.dropFirst()) }

        /// Where the hand's outline crosses the level y, from the midline outward (a point
        /// exactly on y counts once, with the segment that leaves it across y).
        func crossings(atY y: Double) -> [Double] {
            zip(outline, outline.dropFirst()).compactMap { a, b in
                (a.y < y) != (b.y < y) ? a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x) : nil
            }.sorted()
        }

        /// The width of the cleft nearest x at the level y: of the gaps outside the hand there
        /// (from the midline, the crossings alternate inner edge, outer edge), the one whose
        /// middle is nearest x. A closed cleft drifts off its web's x as the fingers lean.
        func cleft(nearX x: Double, atY y: Double) -> Double {
            let xs = crossings(atY: y)
            let gaps = stride(from: 1, to: xs.count - 1, by: 2).map { (xs[$0], xs[$0 + 1]) }
            guard let near = gaps.min(by: { abs(($0.0 + $0.1) / 2 - x) < abs(($1.0 + $1.1) / 2 - x) }) else { return 0 }
            return near.1 - near.0
        }

        /// Finger k's (0 the index) web level: the lower of the two webs beside it.
        func base(ofFinger k: Int) -> Double { webs[min(k + 1, 3)].y }

        /// The width of the finger whose tip is `tip` at the level y: between its own two edges,
        /// the crossings either side of the tip.
        func width(ofFingerAt tip: Point, atY y: Double) -> Double {
            let xs = crossings(atY: y)
            return (xs.first { $0 > tip.x } ?? tip.x) - (xs.last { $0 < tip.x } ?? tip.x)
        }
    }

    /// The part of the outline below the wrist on the viewer's right, with its lowest and
    /// highest points along the way (turns of less than a millimetre are not counted).
    static func hand(_ view: BodyView) throws -> Hand {
        let ring = try #require(view.outline.polylines(segmentsPerCurve: 16).first)
        let start = try #require(ring.firstIndex { $0.x > 240 && $0.y > 900 })
        let run = Array(ring[start...].prefix { $0.x > 240 && $0.y > 900 })
        var tips: [Point] = [], webs: [Point] = []
        var goingDown = true, candidate = run[0]
        for p in run.dropFirst() {
            if goingDown {
                if p.y > candidate.y { candidate = p } else if candidate.y - p.y > 1 {
                    tips.append(candidate); goingDown = false; candidate = p
                }
            } else {
                if p.y < candidate.y { candidate = p } else if p.y - candidate.y > 1 {
                    webs.append(candidate); goingDown = true; candidate = p
                }
            }
        }
        if goingDown { tips.append(candidate) }
        // The thumb is the tip furthest from the midline; read from its side.
        if let first = tips.first, let last = tips.last, last.x > first.x {
            tips.reverse(); webs.reverse()
        }
        return Hand(tips: tips, webs: webs, outline: run)
    }

    static let atlas = Result { try TestAtlas.load() }

    func hands() throws -> [(ViewID, Hand)] {
        let atlas = try Self.atlas.get()
        return try [ViewID.anterior, .posterior].map { id in (id, try Self.hand(try #require(atlas.view(id)))) }
    }

    /// The wrist crease (the front view's `wrist` landmark) on the viewer's right.
    func wristY() throws -> Double {
        let front = try #require(try Self.atlas.get().view(.anterior))
        return try #require(front.landmarks.first { $0.name == "wrist" && $0.point.x > 0 }).point.y
    }

    /// A thumb and four separate fingers, the thumb on the outer side (palm forward) in both
    /// views, and the back view's hand the front view's.
    @Test func aThumbAndFourFingersTheThumbOutside() throws {
        let hands = try hands()
        for (id, hand) in hands {
            #expect(hand.tips.count == 5 && hand.webs.count == 4,
                    "\(id.rawValue): \(hand.tips.count) tips and \(hand.webs.count) webs (a thumb and four separate fingers have 5 and 4)")
            guard hand.tips.count == 5 else { continue }
            #expect(hand.thumb.x > hand.fingertips.map(\.x).max()!, "\(id.rawValue): the thumb is on the outer side")
            #expect(hand.fingertips.map(\.x) == hand.fingertips.map(\.x).sorted(by: >), "\(id.rawValue): index to little finger run inward")
        }
        let front = hands[0].1, back = hands[1].1
        for (a, b) in zip(front.tips + front.webs, back.tips + back.webs) {
            #expect(a.distance(to: b) < 0.5, "the back view's hand differs from the front's near (\(Int(a.x)), \(Int(a.y)))")
        }
    }

    /// The middle finger is the longest, about 44% of the hand (wrist crease to its tip,
    /// measured from its webs); then the ring finger, the index, and the little finger, about
    /// three quarters of the middle's.
    @Test func fingersHaveNaturalLengths() throws {
        let wrist = try wristY()
        for (id, hand) in try hands() where hand.tips.count == 5 {
            let tips = hand.fingertips.map(\.y), webs = hand.webs.map(\.y)
            let handLength = tips[1] - wrist
            let middle = tips[1] - (webs[1] + webs[2]) / 2
            #expect((0.43...0.455).contains(middle / handLength),
                    "\(id.rawValue): the middle finger is \(Int(100 * middle / handLength))% of the hand")
            #expect(tips[1] > tips[2] && tips[2] > tips[0] && tips[0] > tips[3],
                    "\(id.rawValue): fingertips at y \(tips.map { Int($0) }) (middle, ring, index, little in that order of length)")
            let little = tips[3] - webs[3]
            #expect((0.68...0.8).contains(little / middle), "\(id.rawValue): the little finger is \(Int(100 * little / middle))% of the middle")
        }
    }

    /// Each cleft runs down to its web, where the palm ends (a little past half the hand), and
    /// is closed to a line, as a plate draws a hand held loosely together: all along it, from
    /// its web to 10 mm short of the shorter fingertip, its two edges are more than 0 and at
    /// most 0.15 mm apart. Two strokes g apart print as one stroke g wider, so the cleft stays
    /// within 7% of the outline's weight (about 2.2 mm of body on the templates) and never
    /// crosses itself. (Earlier this asked for a cleft open wider than the stroke, then for
    /// one under 1 mm; review rev7 found open clefts read as spread prongs, and review rev9
    /// found 0.4-0.9 mm clefts the heaviest lines in the hand, 13-33% over the outline.)
    @Test func cleftsRunDownToTheWebsClosedToALine() throws {
        let wrist = try wristY()
        for (id, hand) in try hands() where hand.tips.count == 5 {
            let handLength = hand.tips[2].y - wrist
            for k in 1...3 {
                let web = hand.webs[k]
                #expect((0.5...0.6).contains((web.y - wrist) / handLength),
                        "\(id.rawValue): web \(k) lies \(Int(100 * (web.y - wrist) / handLength))% of the way down the hand")
                let end = min(hand.tips[k].y, hand.tips[k + 1].y) - 10
                let gaps = stride(from: web.y + 1, through: end, by: 1).map { hand.cleft(nearX: web.x, atY: $0) }
                #expect(gaps.min()! > 0 && gaps.max()! <= 0.15,
                        "\(id.rawValue): cleft \(k) is \(gaps.min()!) to \(gaps.max()!) mm wide from its web to 10 mm short of the tips")
            }
        }
    }

    /// Blunt, rounded fingertips: 3 mm from its end a finger keeps more than 60% of its width
    /// (a pointed tip is much narrower there).
    @Test func fingertipsAreRounded() throws {
        for (id, hand) in try hands() where hand.tips.count == 5 {
            for (k, tip) in hand.fingertips.enumerated() {
                let base = hand.base(ofFinger: k)
                let middle = hand.width(ofFingerAt: tip, atY: (base + tip.y) / 2)
                let near = hand.width(ofFingerAt: tip, atY: tip.y - 3)
                #expect(near > 0.6 * middle, "\(id.rawValue): finger \(k + 1) is \(near) mm wide 3 mm from its tip, \(middle) mm at mid-length")
            }
        }
    }

    /// Each fingertip is round, close to a half-disc of the finger's width (review rev9 found
    /// the tips squared off, 30-40% too wide in the last millimetre): 1 mm from its end a finger
    /// is at most 55% of its width 8 mm from its end (a half-disc gives 48-51%, rev9's square
    /// tips 61-63%), and the middle finger at most 8 mm wide there.
    @Test func fingertipsAreRoundNotSquare() throws {
        for (id, hand) in try hands() where hand.tips.count == 5 {
            for (k, tip) in hand.fingertips.enumerated() {
                let end = hand.width(ofFingerAt: tip, atY: tip.y - 1)
                let finger = hand.width(ofFingerAt: tip, atY: tip.y - 8)
                #expect(end <= 0.55 * finger, "\(id.rawValue): finger \(k + 1) is \(end) mm wide 1 mm from its tip, \(finger) mm 8 mm from it")
                if k == 1 { #expect(end <= 8, "\(id.rawValue): the middle finger is \(end) mm wide 1 mm from its tip") }
            }
        }
    }

    /// Each finger tapers toward its tip, as a plate draws it (review rev5 found the fingers
    /// parallel-sided prongs): a quarter of the way from its web to its tip it is at least 15%
    /// wider than four fifths of the way (parallel sides give about 8%).
    @Test func fingersTaperToTheirTips() throws {
        for (id, hand) in try hands() where hand.tips.count == 5 {
            for (k, tip) in hand.fingertips.enumerated() {
                let base = hand.base(ofFinger: k)
                let near = hand.width(ofFingerAt: tip, atY: base + 0.25 * (tip.y - base))
                let far = hand.width(ofFingerAt: tip, atY: base + 0.8 * (tip.y - base))
                #expect(near > 1.15 * far, "\(id.rawValue): finger \(k + 1) is \(near) mm wide near its base and \(far) mm near its tip")
            }
        }
    }

    /// The thumb's web, open, is a rounded U, not a slit ending in a point: 0.3 mm below its
    /// top it is already 0.6 mm wide (a V-slit there is a few hundredths of a millimetre).
    /// A finger's web just ends its closed cleft, inside the stroke's round end: in the 3 mm
    /// below it the cleft is never wider than 0.15 mm, so the web prints no wider than the
    /// line. (Review rev9 found a 1.1-mm U there printing a dot 1.4 times the line's width.)
    @Test func websAreRoundedAndAddNoDot() throws {
        for (id, hand) in try hands() where hand.tips.count == 5 {
            let thumbWeb = hand.webs[0]
            let gap = hand.cleft(nearX: thumbWeb.x, atY: thumbWeb.y + 0.3)
            #expect(gap >= 0.6, "\(id.rawValue): the thumb's web is \(gap) mm wide 0.3 mm below its top")
            for (k, web) in hand.webs.enumerated().dropFirst() {
                let widest = stride(from: web.y + 0.1, through: web.y + 3, by: 0.1)
                    .map { hand.cleft(nearX: web.x, atY: $0) }.max() ?? 0
                #expect(widest <= 0.15, "\(id.rawValue): web \(k) is \(widest) mm wide just below its top")
            }
        }
    }

    /// Held together, the fingers lean gently toward the middle finger, as touching fingers
    /// that taper must (a fan would open the clefts): from the little finger to the index each
    /// leans less toward the thumb than the one before, the index no more than 5 degrees
    /// inward and the little finger no more than 8 degrees outward. (Earlier reviews asked for
    /// a slight fan, index out and little finger in; review rev7 asked for the fingers together.)
    @Test func fingersLeanTowardTheMiddleFinger() throws {
        for (id, hand) in try hands() where hand.tips.count == 5 {
            // Each finger's centre 5 mm below the lowest web and 8 mm above the shortest tip.
            let high = hand.webs.dropFirst().map(\.y).max()! + 5, low = hand.fingertips.map(\.y).min()! - 8
            let top = hand.crossings(atY: high), bottom = hand.crossings(atY: low)
            try #require(top.count == 10 && bottom.count >= 8, "\(id.rawValue): \(top.count) and \(bottom.count) crossings")
            // From the midline: little, ring, middle, index (then the thumb at the upper level).
            let leans = (0..<4).map { f in
                let dx = (bottom[2 * f] + bottom[2 * f + 1]) / 2 - (top[2 * f] + top[2 * f + 1]) / 2
                return atan2(dx, low - high) * 180 / .pi
            }
            #expect((-5...0).contains(leans[3]), "\(id.rawValue): the index finger leans \(leans[3]) degrees (outward positive)")
            #expect((0...8).contains(leans[0]), "\(id.rawValue): the little finger leans \(leans[0]) degrees (outward positive)")
            #expect(leans == leans.sorted(by: >), "\(id.rawValue): the fingers' leans \(leans) do not turn toward the middle finger from little to index")
        }
    }

    /// The thumb's tip reaches a quarter to almost half the way from the index finger's web to
    /// its tip: along its first segment, nearly to its middle joint (it stopped short before).
    @Test func theThumbReachesAlongTheIndexFinger() throws {
        for (id, hand) in try hands() where hand.tips.count == 5 {
            let web = hand.webs[1].y, tip = hand.fingertips[0].y
            let reach = (hand.thumb.y - web) / (tip - web)
            #expect((0.25...0.45).contains(reach), "\(id.rawValue): the thumb reaches \(Int(100 * reach))% of the way along the index finger")
        }
    }
}
