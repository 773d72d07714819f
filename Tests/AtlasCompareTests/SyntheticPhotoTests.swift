import AtlasEvaluation
import AtlasModel
import AtlasRender
import Foundation
import Testing

/// The scan and phone-photo simulator used by the robustness tests, checked on its own.
@Suite("Synthetic photos")
struct SyntheticPhotoTests {
    /// A white page.
    static func blank(width: Int, height: Int) -> RGBAImage {
        RGBAImage(width: width, height: height, pixels: [UInt8](repeating: 255, count: width * height * 4))
    }

    static func checkerboard(width: Int, height: Int, square: Int) -> RGBAImage {
        var image = blank(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width where (x / square + y / square) % 2 == 1 {
                let i = (y * width + x) * 4
                image.pixels[i] = 0; image.pixels[i + 1] = 0; image.pixels[i + 2] = 0
            }
        }
        return image
    }

    /// Mean of red, green and blue at a pixel.
    static func brightness(_ image: RGBAImage, _ x: Int, _ y: Int) -> Double {
        let p = image[x, y]
        return (Double(p.r) + Double(p.g) + Double(p.b)) / 3
    }

    static func brightness(_ image: RGBAImage, at p: Point) -> Double {
        brightness(image, Int(p.x), Int(p.y))
    }

    static func meanBrightness(_ image: RGBAImage) -> Double {
        var sum = 0
        for (i, value) in image.pixels.enumerated() where i % 4 != 3 { sum += Int(value) }
        return Double(sum) / Double(image.width * image.height * 3)
    }

    /// Plain settings: only geometry, nothing that changes brightness.
    static let clean = Capture(background: .white, margin: 0)

    @Test(arguments: [("phone photo", Capture.phonePhoto), ("crooked scan", Capture.crookedScan),
                      ("uneven light", Capture.unevenLight)])
    func checkerboardCornersLandWhereTheHomographySays(_ name: String, _ capture: Capture) {
        let square = 40
        let page = Self.checkerboard(width: 480, height: 360, square: square)
        let (photo, toPhoto) = SyntheticPhoto.capture(page, capture)
        for i in 1..<12 {
            for j in 1..<9 {
                let corner = Point(Double(i * square), Double(j * square))
                // Squares left-above and right-below a corner share a colour, as do the other two.
                let d = 8.0
                let same = [Point(-d, -d), Point(d, d)].map { Self.brightness(photo, at: toPhoto.apply(corner + $0)) }
                let other = [Point(d, -d), Point(-d, d)].map { Self.brightness(photo, at: toPhoto.apply(corner + $0)) }
                let (dark, light) = (i + j) % 2 == 0 ? (other, same) : (same, other)
                #expect(dark.max()! + 60 < light.min()!, "\(name): corner \(i), \(j): dark \(dark), light \(light)")
            }
        }
    }

    /// An edge between black and white crosses each photo row half way up where the
    /// homography puts it, to a fraction of a pixel.
    @Test func edgesLandWithSubpixelAccuracy() {
        var page = Self.blank(width: 300, height: 200)
        for y in 0..<200 { for x in 0..<150 { for c in 0..<3 { page.pixels[(y * 300 + x) * 4 + c] = 0 } } }
        var capture = Self.clean
        capture.rotationDegrees = 5; capture.scale = 1.3; capture.perspective = 0.5; capture.tiltDirection = 0.7
        let (photo, toPhoto) = SyntheticPhoto.capture(page, capture)
        let top = toPhoto.apply(Point(150, 0)), bottom = toPhoto.apply(Point(150, 200))
        for v in stride(from: 30.0, through: 170, by: 20) {
            let row = Int(toPhoto.apply(Point(150, v)).y)
            let centre = Double(row) + 0.5
            // Lines stay lines: the edge's image is the segment from `top` to `bottom`.
            let predicted = top.x + (bottom.x - top.x) * (centre - top.y) / (bottom.y - top.y)
            var measured: Double?
            for x in (Int(predicted) - 6)..<(Int(predicted) + 6) {
                let a = Self.brightness(photo, x, row), b = Self.brightness(photo, x + 1, row)
                if a < 127.5, b >= 127.5 { measured = Double(x) + 0.5 + (127.5 - a) / (b - a) }
            }
            #expect(measured.map { abs($0 - predicted) < 0.25 } == true, "row \(row): \(String(describing: measured)) vs \(predicted)")
        }
    }

    /// Shrunk to 0.55, one-pixel lines keep their ink in every row (0.55 px worth of black):
    /// sub-samples, not one bilinear sample that may fall between the lines and miss them.
    @Test func thinLinesSurviveDownscaling() {
        var page = Self.blank(width: 400, height: 300)
        let lines = Array(stride(from: 20, to: 400, by: 20))
        for y in 0..<300 { for x in lines { for c in 0..<3 { page.pixels[(y * 400 + x) * 4 + c] = 0 } } }
        var capture = Self.clean
        capture.scale = 0.55; capture.rotationDegrees = 3
        let (photo, toPhoto) = SyntheticPhoto.capture(page, capture)
        for v in stride(from: 20.0, to: 280, by: 7) {
            for x in lines {
                let p = toPhoto.apply(Point(Double(x) + 0.5, v))
                let ink = (-3...3).reduce(0.0) { $0 + (255 - Self.brightness(photo, Int(p.x) + $1, Int(p.y))) } / 255
                // One bilinear sample per pixel would give anything from about 0.2 to 1 here.
                #expect(abs(ink / 0.55 - 1) < 0.15, "line \(x) at page row \(v): ink \(ink)")
            }
        }
    }

    @Test func blurKeepsMeanBrightness() {
        let page = Self.checkerboard(width: 200, height: 160, square: 10)
        var blurred = Self.clean
        blurred.blurRadius = 2.5
        let sharp = SyntheticPhoto.capture(page, Self.clean).image
        let soft = SyntheticPhoto.capture(page, blurred).image
        #expect(sharp == page, "no effects: an exact copy")
        #expect(abs(Self.meanBrightness(soft) - Self.meanBrightness(sharp)) < 0.5)
        // ...while a square's centre and its corners meet half way.
        #expect(Self.brightness(soft, 10, 10) > 100 && Self.brightness(soft, 10, 10) < 155)
        #expect(Self.brightness(soft, 25, 25) > 180, "a white square's middle stays light")
    }

    @Test(arguments: [0.2, 0.4, 0.5])
    func lightFalloffDarkensTheFarCornerByTheRequestedAmount(_ falloff: Double) {
        let page = Self.blank(width: 400, height: 300)
        var capture = Self.clean
        capture.lightFalloff = falloff
        let photo = SyntheticPhoto.capture(page, capture).image
        #expect(abs(Self.brightness(photo, 399, 299) - 255 * (1 - falloff)) < 1.5, "far corner")
        #expect(abs(Self.brightness(photo, 0, 0) - 255 * (1 - falloff / 5)) < 1.5, "near corner: vignetting only")
        // A smooth ramp: darker step by step along the diagonal.
        let steps = (0...10).map { Self.brightness(photo, $0 * 39, $0 * 29) }
        #expect(zip(steps, steps.dropFirst()).allSatisfy { $0 >= $1 }, "\(steps)")
    }

    @Test func shadowDarkensPartOfThePageSoftly() {
        let page = Self.blank(width: 400, height: 300)
        var capture = Self.clean
        capture.shadow = true
        let photo = SyntheticPhoto.capture(page, capture).image
        let values = (0..<300).flatMap { y in (0..<400).map { Self.brightness(photo, $0, y) } }
        #expect(abs(values.min()! - 255 * 0.65) < 1.5, "35% darker in the shadow")
        #expect(values.max()! == 255, "untouched outside")
        let shaded = Double(values.filter { $0 < 200 }.count) / Double(values.count)
        #expect(shaded > 0.1 && shaded < 0.4, "the shadow covers part of the page: \(shaded)")
        let penumbra = values.filter { $0 > 170 && $0 < 250 }.count
        #expect(penumbra > 400 * 5, "a soft edge, not a hard one")
    }

    @Test func paperTintColoursThePageAndItsInkButNotTheDesk() {
        var page = Self.blank(width: 200, height: 100)
        for y in 40..<60 { for x in 90..<110 { for c in 0..<3 { page.pixels[(y * 200 + x) * 4 + c] = 0 } } }
        let capture = Capture(paperTint: (0.82, 0.80, 0.76), background: .white, margin: 0.1)
        let (photo, toPhoto) = SyntheticPhoto.capture(page, capture)
        let paper = toPhoto.apply(Point(20, 20)), ink = toPhoto.apply(Point(100, 50))
        let p = photo[Int(paper.x), Int(paper.y)], k = photo[Int(ink.x), Int(ink.y)], outside = photo[0, 0]
        #expect(p.r == 209 && p.g == 204 && p.b == 194, "\(p)")
        #expect(k.r == 0 && k.g == 0 && k.b == 0, "\(k)")
        #expect(outside.r == 242 && outside.b == 240, "the scanner lid is not tinted: \(outside)")
    }

    @Test func sameSeedGivesIdenticalBytes() {
        let page = Self.checkerboard(width: 300, height: 200, square: 25)
        let a = SyntheticPhoto.capture(page, .phonePhoto), b = SyntheticPhoto.capture(page, .phonePhoto)
        #expect(a.image.pixels == b.image.pixels)
        #expect(a.pageToPhoto == b.pageToPhoto)
        var other = Capture.phonePhoto
        other.seed = 2
        #expect(SyntheticPhoto.capture(page, other).image.pixels != a.image.pixels, "another seed, other noise")
    }

    @Test(arguments: [("flatbed scan", Capture.flatbedScan), ("crooked scan", Capture.crookedScan),
                      ("phone photo", Capture.phonePhoto), ("grey paper", Capture.greyPaper),
                      ("uneven light", Capture.unevenLight)])
    func presetsKeepThePageInThePicture(_ name: String, _ capture: Capture) {
        let page = Self.blank(width: 600, height: 800)
        let (photo, toPhoto) = SyntheticPhoto.capture(page, capture)
        let corners = [Point(0, 0), Point(600, 0), Point(600, 800), Point(0, 800)].map(toPhoto.apply)
        for c in corners {
            #expect(c.x > 0 && c.y > 0 && c.x < Double(photo.width) && c.y < Double(photo.height), "\(name): \(c)")
        }
        let middle = toPhoto.apply(Point(300, 400))
        #expect(Self.brightness(photo, at: middle) > 150, "\(name): the paper looks like paper")
        // At the centre the page is scaled by `scale`, and foreshortened by cos(tilt) along the tilt.
        let tilt = capture.perspective * Capture.maxTiltDegrees * .pi / 180
        let scale = toPhoto.localScale(at: Point(300, 400))
        #expect(abs(scale - capture.scale * cos(tilt).squareRoot()) < 1e-9, "\(name): scale \(scale) at the centre")
    }

    @Test func phonePhotoShortensTheTopEdge() {
        let page = Self.blank(width: 600, height: 800)
        let toPhoto = SyntheticPhoto.capture(page, .phonePhoto).pageToPhoto
        let c = [Point(0, 0), Point(600, 0), Point(600, 800), Point(0, 800)].map(toPhoto.apply)
        let top = c[0].distance(to: c[1]), bottom = c[3].distance(to: c[2])
        let left = c[0].distance(to: c[3]), right = c[1].distance(to: c[2])
        #expect(top < 0.85 * bottom, "top \(top), bottom \(bottom)")
        #expect(right < left, "tilted a little to the right too: left \(left), right \(right)")
    }
}
