import AtlasModel
import AtlasRender
import Foundation

/// What a scanner or a hand-held phone does to a printed page. Every effect is off by default,
/// so a test can switch on exactly the ones it is about; the presets below combine them.
public struct Capture: Sendable {
    /// What surrounds the page in the picture.
    public enum Background: Sendable {
        case white   // a flatbed scanner's lid
        case desk    // brown wood with a grain
        case dark    // a dark table or sofa
    }

    /// In-plane rotation of the page, degrees, clockwise on screen.
    public var rotationDegrees = 0.0
    /// Page pixels -> photo pixels at the page's centre (along the tilt the page is further
    /// foreshortened there by cos(tilt)).
    public var scale = 1.0
    /// 0 none ... 1 strong hand-held tilt: the page plane turned `perspective * maxTiltDegrees`
    /// (40°) about an axis through its centre, seen by a pinhole camera 0.75 page diagonals away
    /// (a phone's wide lens with the page filling the frame). 0.55 is about 22°.
    public var perspective = 0.0
    /// Radians: the direction (in page pixels, y down) of the edge that tilts away from the
    /// camera and so comes out shorter. -π/2 puts the top edge away.
    public var tiltDirection = 0.0
    /// Standard deviation of the (near-gaussian) lens blur, photo pixels.
    public var blurRadius = 0.0
    /// 0 even ... 0.5: the far (bottom right) corner of the picture half as bright: a smooth ramp
    /// from the top left (the lamp's side), plus vignetting that takes a fifth of it off every corner.
    public var lightFalloff = 0.0
    /// A soft-edged, slightly curved shadow (a hand or the phone) over the lower right part of
    /// the picture, darkening by 35%.
    public var shadow = false
    /// Multiplies the page's colours, ink included: e.g. grey recycled paper (0.82, 0.80, 0.76).
    public var paperTint: (Double, Double, Double) = (1, 1, 1)
    /// Multiplies the whole picture: e.g. warm indoor light (1.0, 0.93, 0.8).
    public var colourCast: (Double, Double, Double) = (1, 1, 1)
    /// Overall gain: a phone's auto-exposure rarely makes white paper 255.
    public var exposure = 1.0
    /// Sensor noise standard deviation, in 0...255 units, independent per channel.
    public var noise = 0.0
    public var background = Background.desk
    /// Extra canvas on each side of the page's bounding box, as a share of that box's size.
    public var margin = 0.1
    public var seed: UInt64 = 1

    public static let maxTiltDegrees = 40.0

    public init(rotationDegrees: Double = 0, scale: Double = 1, perspective: Double = 0, tiltDirection: Double = 0,
                blurRadius: Double = 0, lightFalloff: Double = 0, shadow: Bool = false,
                paperTint: (Double, Double, Double) = (1, 1, 1), colourCast: (Double, Double, Double) = (1, 1, 1),
                exposure: Double = 1, noise: Double = 0, background: Background = .desk, margin: Double = 0.1, seed: UInt64 = 1) {
        self.rotationDegrees = rotationDegrees
        self.scale = scale
        self.perspective = perspective
        self.tiltDirection = tiltDirection
        self.blurRadius = blurRadius
        self.lightFalloff = lightFalloff
        self.shadow = shadow
        self.paperTint = paperTint
        self.colourCast = colourCast
        self.exposure = exposure
        self.noise = noise
        self.background = background
        self.margin = margin
        self.seed = seed
    }

    /// A careful flatbed scan: almost straight, sharp, clean.
    public static let flatbedScan = Capture(rotationDegrees: 0.4, blurRadius: 0.5, noise: 1.5, background: .white, margin: 0.03)

    /// A page put on the scanner glass askew, scanned at a lower resolution.
    public static let crookedScan = Capture(rotationDegrees: 7, scale: 0.9, blurRadius: 0.6, noise: 1.5,
                                     background: .white, margin: 0.08)

    /// A phone held over the desk at about 22°, top edge away and a little to the right,
    /// under warm indoor light.
    public static let phonePhoto = Capture(rotationDegrees: -6, scale: 1.1, perspective: 0.55, tiltDirection: -Double.pi / 2 + 0.35,
                                    blurRadius: 1.2, lightFalloff: 0.3, colourCast: (1.0, 0.93, 0.8), exposure: 0.92,
                                    noise: 4, background: .desk, margin: 0.12)

    /// Grey recycled paper on a flatbed, slightly askew.
    public static let greyPaper = Capture(rotationDegrees: 2, scale: 0.95, blurRadius: 0.6, paperTint: (0.82, 0.80, 0.76),
                                   noise: 2, background: .white, margin: 0.05)

    /// A phone photo by a window: strong falloff and the phone's shadow across the page.
    public static let unevenLight = Capture(rotationDegrees: 3, perspective: 0.3, tiltDirection: .pi / 2,
                                     blurRadius: 0.8, lightFalloff: 0.5, shadow: true, exposure: 0.95,
                                     noise: 3, background: .dark, margin: 0.1)
}

/// Simulates how a clinician's scanner or phone captures a printed chart, deterministically:
/// the same page and capture (seed included) always give the same bytes.
///
/// Written for debug builds, where every loop turn and call is costly: one pass per stage,
/// three channels per loop turn, raw buffers, no generic min/max in the inner loops.
public enum SyntheticPhoto {
    /// The captured image, and the homography from page pixels to photo pixels (so tests can check registration error).
    /// Pixel (i, j) covers [i, i+1) x [j, j+1) in both images, so pixel centres sit at +0.5.
    public static func capture(_ page: RGBAImage, _ capture: Capture) -> (image: RGBAImage, pageToPhoto: Homography) {
        let (pageToPhoto, width, height) = placement(pageWidth: page.width, pageHeight: page.height, capture)
        var rgb = warp(page, pageToPhoto, width: width, height: height, capture)
        if capture.blurRadius > 0 { blur(&rgb, width: width, height: height, sigma: capture.blurRadius) }
        return (develop(rgb, width: width, height: height, capture), pageToPhoto)
    }

    /// The page -> photo map and the canvas that holds the page with its margin.
    static func placement(pageWidth: Int, pageHeight: Int, _ c: Capture) -> (Homography, Int, Int) {
        let w = Double(pageWidth), h = Double(pageHeight)
        let centred = Homography(scale: 1, rotation: 0, translation: Point(-w / 2, -h / 2))
        // A pinhole camera looking at the page's centre, the page turned by θ about the axis
        // across `tiltDirection`: a point s along that direction goes to depth D + s sin θ and
        // projects to its in-plane position (along-component shortened by cos θ) / (1 + s sin θ / D).
        let theta = c.perspective * Capture.maxTiltDegrees * .pi / 180
        let distance = 0.75 * (w * w + h * h).squareRoot()
        let d = Point(cos(c.tiltDirection), sin(c.tiltDirection)), n = Point(-d.y, d.x)
        let m00 = cos(theta) * d.x * d.x + n.x * n.x, m01 = cos(theta) * d.x * d.y + n.x * n.y
        let m11 = cos(theta) * d.y * d.y + n.y * n.y
        let tilt = Homography(matrix: [m00, m01, 0, m01, m11, 0, sin(theta) * d.x / distance, sin(theta) * d.y / distance, 1])
        let turned = centred.then(tilt)
            .then(Homography(scale: c.scale, rotation: c.rotationDegrees * .pi / 180, translation: Point(0, 0)))
        let box = Rect(bounding: corners(pageWidth, pageHeight).map(turned.apply))!
        let marginX = c.margin * box.width, marginY = c.margin * box.height
        let placed = turned.then(Homography(scale: 1, rotation: 0, translation: Point(marginX - box.minX, marginY - box.minY)))
        return (placed, Int((box.width + 2 * marginX).rounded(.up)), Int((box.height + 2 * marginY).rounded(.up)))
    }

    static func corners(_ width: Int, _ height: Int) -> [Point] {
        [Point(0, 0), Point(Double(width), 0), Point(Double(width), Double(height)), Point(0, Double(height))]
    }

    /// The background, then the page resampled onto it: bilinear, with n x n sub-samples where
    /// the page shrinks so thin printed lines are not aliased away. Interleaved RGB floats 0...1.
    static func warp(_ page: RGBAImage, _ pageToPhoto: Homography, width: Int, height: Int, _ c: Capture) -> [Float] {
        var rgb = background(c.background, width: width, height: height, seed: c.seed)
        let page = flattenedOntoWhite(page)
        let pw = page.width, ph = page.height, pageWidth = Double(pw), pageHeight = Double(ph)
        // Tinting is a multiplication, so it can follow the (linear) interpolation: ink on tinted paper.
        let tint = (Float(c.paperTint.0 / 255), Float(c.paperTint.1 / 255), Float(c.paperTint.2 / 255))
        let m = pageToPhoto.inverse!.matrix
        let (m0, m1, m2, m3, m4, m5, m6, m7, m8) = (m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8])
        // A photo pixel covers |det| / |w|³ page pixels (w = m6 x + m7 y + m8): above 1 the page shrinks.
        let det = abs(m0 * (m4 * m8 - m5 * m7) - m1 * (m3 * m8 - m5 * m6) + m2 * (m3 * m7 - m4 * m6))
        let quad = corners(pw, ph).map(pageToPhoto.apply)
        page.pixels.withUnsafeBufferPointer { source in
            rgb.withUnsafeMutableBufferPointer { out in
                // Raw pointers and no generic calls (abs, min, max) inside: debug builds are slow at both.
                let source = source.baseAddress!, out = out.baseAddress!
                for y in 0..<height {
                    // Only the columns the page can touch in this row.
                    guard let (first, last) = span(of: quad, row: y, width: width) else { continue }
                    for x in first...last {
                        let cx = Double(x) + 0.5, cy = Double(y) + 0.5
                        let wc = m6 * cx + m7 * cy + m8, cube = wc * wc * wc
                        let area = det / (cube < 0 ? -cube : cube)
                        let n = area <= 1.000001 ? 1 : area <= 4 ? 2 : 3
                        let step = 1 / Double(n)
                        var r: Float = 0, g: Float = 0, b: Float = 0, missed: Float = 0
                        var sx = 0, sy = 0   // the sub-sample, counted along without dividing
                        for _ in 0..<(n * n) {
                            let px = Double(x) + (Double(sx) + 0.5) * step, py = Double(y) + (Double(sy) + 0.5) * step
                            sx += 1
                            if sx == n { sx = 0; sy += 1 }
                            let w = m6 * px + m7 * py + m8
                            let u = (m0 * px + m1 * py + m2) / w, v = (m3 * px + m4 * py + m5) / w
                            guard u >= 0, v >= 0, u < pageWidth, v < pageHeight else { missed += 1; continue }
                            // Bilinear between the four nearest pixel centres, repeated at the edges.
                            // (Float(Int(byte)): Float(byte) is a slow generic call in debug builds.)
                            let fx = u < 0.5 ? 0 : u - 0.5, fy = v < 0.5 ? 0 : v - 0.5
                            let x0 = Int(fx), y0 = Int(fy)
                            let dx = x0 + 1 < pw ? 4 : 0, dy = y0 + 1 < ph ? 4 * pw : 0
                            let tx = Float(fx - Double(x0)), ty = Float(fy - Double(y0))
                            let pa = source + 4 * (y0 * pw + x0), pb = pa + dx, pc = pa + dy, pd = pb + dy
                            let wa = (1 - tx) * (1 - ty), wb = tx * (1 - ty), wc = (1 - tx) * ty, wd = tx * ty
                            r += Float(Int(pa[0])) * wa + Float(Int(pb[0])) * wb + Float(Int(pc[0])) * wc + Float(Int(pd[0])) * wd
                            g += Float(Int(pa[1])) * wa + Float(Int(pb[1])) * wb + Float(Int(pc[1])) * wc + Float(Int(pd[1])) * wd
                            b += Float(Int(pa[2])) * wa + Float(Int(pb[2])) * wb + Float(Int(pc[2])) * wc + Float(Int(pd[2])) * wd
                        }
                        // Samples that missed the page see the background already there.
                        let share = Float(step * step), o = out + 3 * (y * width + x)
                        o[0] = (r * tint.0 + missed * o[0]) * share
                        o[1] = (g * tint.1 + missed * o[1]) * share
                        o[2] = (b * tint.2 + missed * o[2]) * share
                    }
                }
            }
        }
        return rgb
    }

    /// The page with any transparency composited over white paper (copied only when it has some).
    static func flattenedOntoWhite(_ page: RGBAImage) -> RGBAImage {
        let count = page.width * page.height
        let opaque = page.pixels.withUnsafeBufferPointer { pixels in
            let p = pixels.baseAddress!
            for i in 0..<count where p[4 * i + 3] != 255 { return false }
            return true
        }
        guard !opaque else { return page }
        var flat = page
        flat.pixels.withUnsafeMutableBufferPointer { pixels in
            let p = pixels.baseAddress!
            for i in 0..<count where p[4 * i + 3] != 255 {
                let alpha = Int(p[4 * i + 3])
                for c in 0..<3 { p[4 * i + c] = UInt8((Int(p[4 * i + c]) * alpha + 255 * (255 - alpha) + 127) / 255) }
                p[4 * i + 3] = 255
            }
        }
        return flat
    }

    /// The columns of `row` that the quadrilateral `quad` (convex) may cover, a pixel wider each side.
    static func span(of quad: [Point], row: Int, width: Int) -> (Int, Int)? {
        let top = Double(row), bottom = Double(row + 1)
        var low = Double.infinity, high = -Double.infinity
        for i in 0..<4 {
            let a = quad[i], b = quad[(i + 1) % 4]
            // The part of edge a-b within the row's band, by its end points' x.
            let t0 = a.y == b.y ? 0 : (top - a.y) / (b.y - a.y), t1 = a.y == b.y ? 1 : (bottom - a.y) / (b.y - a.y)
            let from = max(0, min(t0, t1)), to = min(1, max(t0, t1))
            guard from <= to else { continue }
            for t in [from, to] {
                let x = a.x + (b.x - a.x) * t
                low = min(low, x); high = max(high, x)
            }
        }
        guard low <= high else { return nil }
        let first = max(0, Int(low.rounded(.down)) - 1), last = min(width - 1, Int(high.rounded(.up)) + 1)
        return first <= last ? (first, last) : nil
    }

    /// What lies around the page. The desk's wood grain runs across the picture and wobbles:
    /// a brightness table looked up along y shifted per column, so it stays cheap.
    static func background(_ kind: Capture.Background, width: Int, height: Int, seed: UInt64) -> [Float] {
        let base: (Float, Float, Float)
        switch kind {
        case .white: base = (0.95, 0.95, 0.94)
        case .dark: base = (0.10, 0.10, 0.11)
        case .desk: base = (0.55, 0.38, 0.23)
        }
        var grain = [Float](repeating: 1, count: 1024), shift = [Int](repeating: 0, count: width)
        if kind == .desk {
            var random = SeededRandom(seed: seed)
            let p0 = random.unit() * 6.3, p1 = random.unit() * 6.3
            // Bands of a few sizes, and a little roughness between neighbouring rows.
            grain = (0..<1024).map { i in
                let t = Double(i) / 1024 * 2 * .pi
                return Float(0.85 + 0.08 * sin(3 * t + p0) + 0.05 * sin(17 * t + p1) + 0.03 * (random.unit() - 0.5))
            }
            shift = (0..<width).map { x in
                let fx = Double(x)
                return Int(40 * sin(fx * 0.0023 + p1) + 12 * sin(fx * 0.011 + p0) + fx * 0.04) + 1024 * 64
            }
        }
        var rgb = [Float](repeating: 0, count: 3 * width * height)
        grain.withUnsafeBufferPointer { grain in
            shift.withUnsafeBufferPointer { shift in
                rgb.withUnsafeMutableBufferPointer { out in
                    let grain = grain.baseAddress!, shift = shift.baseAddress!, out = out.baseAddress!
                    for y in 0..<height {
                        for x in 0..<width {
                            let k = grain[(y + shift[x]) & 1023], o = 3 * (y * width + x)
                            out[o] = base.0 * k; out[o + 1] = base.1 * k; out[o + 2] = base.2 * k
                        }
                    }
                }
            }
        }
        return rgb
    }

    /// A gaussian blur of standard deviation `sigma`, edges repeated. A 7-tap kernel (radius 3)
    /// holds a gaussian of sigma up to 1.2; a wider blur is several narrower rounds, since
    /// variances add. (Direct taps: half the sweeps of 2-3 box passes, which matters in debug builds.)
    static func blur(_ rgb: inout [Float], width: Int, height: Int, sigma: Double) {
        let rounds = Int((sigma * sigma / (1.2 * 1.2)).rounded(.up))
        let s = sigma / Double(rounds).squareRoot()
        let raw = (0...3).map { exp(-Double($0 * $0) / (2 * s * s)) }
        let total = raw[0] + 2 * (raw[1] + raw[2] + raw[3])
        let k0 = Float(raw[0] / total), k1 = Float(raw[1] / total), k2 = Float(raw[2] / total), k3 = Float(raw[3] / total)
        let stride = 3 * width
        var other = [Float](repeating: 0, count: rgb.count)
        for _ in 0..<rounds {
            // Along rows, rgb -> other. Away from the ends the taps need no clamping.
            rgb.withUnsafeBufferPointer { source in
                other.withUnsafeMutableBufferPointer { target in
                    let source = source.baseAddress!, target = target.baseAddress!
                    for y in 0..<height {
                        let row = source + y * stride, out = target + y * stride
                        func at(_ x: Int, _ c: Int) -> Float { row[3 * (x < 0 ? 0 : x < width ? x : width - 1) + c] }
                        for x in 0..<width where x < 3 || x >= width - 3 {
                            for c in 0..<3 {
                                out[3 * x + c] = k0 * at(x, c) + k1 * (at(x - 1, c) + at(x + 1, c))
                                    + k2 * (at(x - 2, c) + at(x + 2, c)) + k3 * (at(x - 3, c) + at(x + 3, c))
                            }
                        }
                        guard width > 6 else { continue }
                        for x in 3..<(width - 3) {
                            let p = row + 3 * x, o = out + 3 * x
                            o[0] = k0 * p[0] + k1 * (p[-3] + p[3]) + k2 * (p[-6] + p[6]) + k3 * (p[-9] + p[9])
                            o[1] = k0 * p[1] + k1 * (p[-2] + p[4]) + k2 * (p[-5] + p[7]) + k3 * (p[-8] + p[10])
                            o[2] = k0 * p[2] + k1 * (p[-1] + p[5]) + k2 * (p[-4] + p[8]) + k3 * (p[-7] + p[11])
                        }
                    }
                }
            }
            // Down columns, other -> rgb, seven rows at a time (cache friendly).
            other.withUnsafeBufferPointer { source in
                rgb.withUnsafeMutableBufferPointer { target in
                    let source = source.baseAddress!, target = target.baseAddress!
                    func row(_ y: Int) -> UnsafePointer<Float> { source + (y < 0 ? 0 : y < height ? y : height - 1) * stride }
                    for y in 0..<height {
                        let a = row(y - 3), b = row(y - 2), c = row(y - 1), d = row(y), e = row(y + 1), f = row(y + 2), g = row(y + 3)
                        let out = target + y * stride
                        for i in 0..<stride {
                            out[i] = k0 * d[i] + k1 * (c[i] + e[i]) + k2 * (b[i] + f[i]) + k3 * (a[i] + g[i])
                        }
                    }
                }
            }
        }
    }

    /// What the sensor makes of the light: exposure, falloff and vignetting, shadow, colour
    /// cast, noise; clamped into opaque RGBA8. (Applied after the blur: the light changes so
    /// slowly across the picture that the order makes no visible difference.)
    static func develop(_ rgb: [Float], width: Int, height: Int, _ c: Capture) -> RGBAImage {
        // The falloff is a ramp from the top left (0) to the bottom right (1) plus vignetting
        // (0 centre, 1 corners), weighted 0.8 : 0.2 so the far corner gets exactly 1 - falloff
        // and the brightness still falls steadily along the diagonal. Both split into x and y terms.
        func term(_ i: Int, _ size: Int) -> Float {
            let t = (Double(i) + 0.5) / Double(size)
            return Float(c.lightFalloff * (0.8 * t / 2 + 0.2 * 2 * (t - 0.5) * (t - 0.5)))
        }
        let columns = (0..<width).map { term($0, width) }
        let exposure = Float(c.exposure) * 255
        let cast = (Float(c.colourCast.0) * exposure, Float(c.colourCast.1) * exposure, Float(c.colourCast.2) * exposure)
        let noise = gaussianTable(seed: c.seed), amount = Float(c.noise)
        var random = SeededRandom(seed: c.seed &+ 0x5EED)
        var pixels = [UInt8](repeating: 255, count: 4 * width * height)
        rgb.withUnsafeBufferPointer { rgb in
            columns.withUnsafeBufferPointer { columns in
                noise.withUnsafeBufferPointer { noise in
                    pixels.withUnsafeMutableBufferPointer { out in
                        let rgb = rgb.baseAddress!, columns = columns.baseAddress!, noise = noise.baseAddress!
                        let out = out.baseAddress!
                        let shaded = c.shadow
                        for y in 0..<height {
                            let rowTerm = 1 - term(y, height), fy = (Double(y) + 0.5) / Double(height)
                            for x in 0..<width {
                                var gain = rowTerm - columns[x]
                                if shaded { gain *= shadow(fx: (Double(x) + 0.5) / Double(width), fy: fy) }
                                let i = y * width + x, p = rgb + 3 * i, q = out + 4 * i
                                var r = p[0] * gain * cast.0, g = p[1] * gain * cast.1, b = p[2] * gain * cast.2
                                if amount > 0 {
                                    // Three independent gaussian values from one draw, through a table.
                                    let bits = Int(truncatingIfNeeded: random.next() >> 28)
                                    r += amount * noise[bits & 4095]
                                    g += amount * noise[(bits >> 12) & 4095]
                                    b += amount * noise[(bits >> 24) & 4095]
                                }
                                // Clamped and rounded (written out: a function call per channel is slow in debug builds).
                                q[0] = r <= 0 ? 0 : r >= 255 ? 255 : UInt8(r + 0.5)
                                q[1] = g <= 0 ? 0 : g >= 255 ? 255 : UInt8(g + 0.5)
                                q[2] = b <= 0 ? 0 : b >= 255 ? 255 : UInt8(b + 0.5)
                            }
                        }
                    }
                }
            }
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    /// The shadow's gain at a point (fractions of the picture): a soft-edged, gently curved
    /// edge running from the bottom edge to the right one, 35% darker beyond it.
    static func shadow(fx: Double, fy: Double) -> Float {
        let along = fx - fy
        let past = 0.6 * fx + 0.8 * fy - 1.0 + 0.15 * along * along
        let edge = 0.06   // the penumbra, as a share of the picture
        let t = past < -edge / 2 ? 0 : past > edge / 2 ? 1 : (past + edge / 2) / edge
        return Float(1 - 0.35 * t * t * (3 - 2 * t))
    }

    /// 4096 standard normal values (Box-Muller), so noise costs a table look-up per channel.
    static func gaussianTable(seed: UInt64) -> [Float] {
        var random = SeededRandom(seed: seed ^ 0x6A55)
        return (0..<4096).map { _ in
            let u = 1 - random.unit(), v = random.unit()
            return Float((-2 * log(u)).squareRoot() * cos(2 * .pi * v))
        }
    }
}
