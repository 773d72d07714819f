@testable import AtlasRender
import Testing

@Suite("JPEG through libjpeg")
struct JPEGTests {
    /// A smooth colour gradient: what JPEG keeps well.
    static func gradient(width: Int = 64, height: Int = 48) -> RGBAImage {
        var image = RGBAImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 4
                image.pixels[i] = UInt8(x * 255 / width); image.pixels[i + 1] = UInt8(y * 255 / height)
                image.pixels[i + 2] = UInt8(128 + (x - y) / 2)
            }
        }
        return image
    }

    static let red: (UInt8, UInt8, UInt8) = (230, 30, 30), green: (UInt8, UInt8, UInt8) = (30, 200, 30)
    static let blue: (UInt8, UInt8, UInt8) = (30, 30, 230), yellow: (UInt8, UInt8, UInt8) = (240, 230, 20)
    static let names = ["red", "green", "blue", "yellow"]

    /// 48 x 24 stored pixels: red top left, green top right, blue bottom left, yellow bottom right.
    static func quadrants() -> RGBAImage {
        var image = RGBAImage(width: 48, height: 24)
        for y in 0..<24 {
            for x in 0..<48 {
                let c = [red, green, blue, yellow][(y < 12 ? 0 : 2) + (x < 24 ? 0 : 1)]
                let i = (y * 48 + x) * 4
                image.pixels[i] = c.0; image.pixels[i + 1] = c.1; image.pixels[i + 2] = c.2
            }
        }
        return image
    }

    /// The name of the quadrant colour nearest to the pixel at (x, y).
    static func colour(_ image: RGBAImage, _ x: Int, _ y: Int) -> String {
        let p = image[x, y]
        let distances = [red, green, blue, yellow].map { (c: (UInt8, UInt8, UInt8)) -> Int in
            let dr = abs(Int(p.r) - Int(c.0)), dg = abs(Int(p.g) - Int(c.1)), db = abs(Int(p.b) - Int(c.2))
            return dr + dg + db
        }
        return names[distances.firstIndex(of: distances.min()!)!]
    }

    /// Colours at the centres of the four quadrants: top left, top right, bottom left, bottom right.
    static func grid(_ image: RGBAImage) -> [String] {
        let (w, h) = (image.width, image.height)
        return [colour(image, w / 4, h / 4), colour(image, 3 * w / 4, h / 4),
                colour(image, w / 4, 3 * h / 4), colour(image, 3 * w / 4, 3 * h / 4)]
    }

    static func meanDifference(_ a: RGBAImage, _ b: RGBAImage) -> Double {
        let total = zip(a.pixels, b.pixels).reduce(0) { $0 + abs(Int($1.0) - Int($1.1)) }
        return Double(total) / Double(a.pixels.count)
    }

    /// An APP1 Exif segment holding IFD0 with a Make tag and then the orientation tag.
    static func exifSegment(orientation: Int, bigEndian: Bool) -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { bigEndian ? [UInt8(v >> 8), UInt8(v & 255)] : [UInt8(v & 255), UInt8(v >> 8)] }
        func u32(_ v: Int) -> [UInt8] { bigEndian ? u16(v >> 16) + u16(v & 0xFFFF) : u16(v & 0xFFFF) + u16(v >> 16) }
        var tiff: [UInt8] = bigEndian ? Array("MM".utf8) : Array("II".utf8)
        tiff += u16(42) + u32(8) + u16(2)
        tiff += u16(0x010F) + u16(2) + u32(4) + Array("Cam\0".utf8) // Make, ASCII, 4 bytes inline
        tiff += u16(0x0112) + u16(3) + u32(1) + u16(orientation) + [0, 0]
        tiff += u32(0) // no next IFD
        let body = Array("Exif\0\0".utf8) + tiff
        return [0xFF, 0xE1, UInt8((body.count + 2) >> 8), UInt8((body.count + 2) & 255)] + body
    }

    /// `jpeg` with `segment` right after SOI, or after the JFIF APP0 segment that follows it.
    static func inserting(_ segment: [UInt8], into jpeg: [UInt8], afterAPP0: Bool) -> [UInt8] {
        var at = 2
        if afterAPP0 {
            #expect(jpeg[2] == 0xFF && jpeg[3] == 0xE0)
            at = 4 + Int(jpeg[4]) << 8 + Int(jpeg[5])
        }
        return Array(jpeg[..<at]) + segment + Array(jpeg[at...])
    }

    /// The offset of the first marker `code` (FF code) in the header.
    static func marker(_ code: UInt8, in jpeg: [UInt8]) -> Int? {
        (2..<jpeg.count - 1).first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == code }
    }

    @Test func roundTripAtQuality90() throws {
        let image = Self.gradient()
        let bytes = try JPEGCodec.encode(image, quality: 90)
        #expect(bytes.starts(with: [0xFF, 0xD8, 0xFF]))
        let decoded = try JPEGCodec.decode(bytes)
        #expect(decoded.width == 64 && decoded.height == 48)
        #expect(stride(from: 3, to: decoded.pixels.count, by: 4).allSatisfy { decoded.pixels[$0] == 255 })
        // A smooth gradient at q90: well under 2 levels of 255 on average per channel.
        let difference = Self.meanDifference(image, decoded)
        #expect(difference < 2, "mean difference \(difference)")
    }

    @Test func quality60IsSmallerAndStillClose() throws {
        let image = Self.gradient(width: 160, height: 120)
        let q60 = try JPEGCodec.encode(image, quality: 60), q90 = try JPEGCodec.encode(image, quality: 90)
        #expect(q60.count < q90.count)
        let difference = Self.meanDifference(image, try JPEGCodec.decode(q60))
        #expect(difference < 4, "mean difference \(difference)")
    }

    @Test func transparentPixelsBecomeWhite() throws {
        let clear = RGBAImage(width: 16, height: 16, fill: (0, 0, 0, 0))
        let decoded = try JPEGCodec.decode(try JPEGCodec.encode(clear, quality: 90))
        #expect(decoded.pixels.allSatisfy { $0 >= 253 })
    }

    @Test func greyscaleDecodesToEqualChannels() throws {
        let grey = (0..<(40 * 30)).map { UInt8(($0 % 40) * 6) }
        let bytes = try JPEGCodec.encode(samples: grey, width: 40, height: 30, components: 1, quality: 95)
        let image = try JPEGCodec.decode(bytes)
        #expect(image.width == 40 && image.height == 30)
        var total = 0
        for (n, g) in grey.enumerated() {
            let p = image[n % 40, n / 40]
            #expect(p.r == p.g && p.g == p.b && p.a == 255)
            total += abs(Int(p.r) - Int(g))
        }
        #expect(Double(total) / Double(grey.count) < 3)
    }

    @Test func adobeCMYKIsConvertedToRGB() throws {
        // Adobe's inverted inks: 255 means no ink. Red is full magenta and yellow.
        let inks: [[UInt8]] = [[255, 0, 0, 255], [0, 255, 0, 255], [255, 255, 255, 255], [255, 255, 255, 0]]
        let expected: [(Int, Int, Int)] = [(255, 0, 0), (0, 255, 0), (255, 255, 255), (0, 0, 0)]
        var samples: [UInt8] = []
        for y in 0..<32 { for x in 0..<32 { samples += inks[(y < 16 ? 0 : 2) + (x < 16 ? 0 : 1)] } }
        let image = try JPEGCodec.decode(try JPEGCodec.encode(samples: samples, width: 32, height: 32, components: 4, quality: 95))
        for (n, (x, y)) in [(8, 8), (24, 8), (8, 24), (24, 24)].enumerated() {
            let p = image[x, y], e = expected[n]
            #expect(abs(Int(p.r) - e.0) < 12 && abs(Int(p.g) - e.1) < 12 && abs(Int(p.b) - e.2) < 12, "\(n): \(p)")
        }
    }

    @Test func progressiveDecodes() throws {
        let image = Self.gradient()
        var rgb: [UInt8] = []
        for i in stride(from: 0, to: image.pixels.count, by: 4) { rgb += image.pixels[i..<(i + 3)] }
        let bytes = try JPEGCodec.encode(samples: rgb, width: 64, height: 48, components: 3, quality: 90, progressive: true)
        #expect(Self.marker(0xC2, in: bytes) != nil) // SOF2: progressive
        #expect(Self.meanDifference(image, try JPEGCodec.decode(bytes)) < 2)
    }

    /// Each orientation, as EXIF defines it, shows the stored quadrants in this order.
    static let upright: [Int: [String]] = [
        1: ["red", "green", "blue", "yellow"], 2: ["green", "red", "yellow", "blue"],
        3: ["yellow", "blue", "green", "red"], 4: ["blue", "yellow", "red", "green"],
        5: ["red", "blue", "green", "yellow"], 6: ["blue", "red", "yellow", "green"],
        7: ["yellow", "green", "blue", "red"], 8: ["green", "yellow", "red", "blue"],
    ]

    @Test(arguments: 1...8, [false, true])
    func exifOrientationTurnsThePhotoUpright(orientation: Int, bigEndian: Bool) throws {
        let plain = try JPEGCodec.encode(Self.quadrants(), quality: 90)
        #expect(Self.grid(try JPEGCodec.decode(plain)) == Self.upright[1])
        let tagged = Self.inserting(Self.exifSegment(orientation: orientation, bigEndian: bigEndian), into: plain, afterAPP0: bigEndian)
        #expect(ExifOrientation.value(in: tagged) == orientation)
        let image = try JPEGCodec.decode(tagged)
        let (w, h) = orientation >= 5 ? (24, 48) : (48, 24)
        #expect(image.width == w && image.height == h)
        #expect(Self.grid(image) == Self.upright[orientation])
    }

    @Test func orientationTransformsExactPixels() {
        // 3 x 2 stored: a b c / d e f, each pixel's red channel its letter.
        let stored = RGBAImage(width: 3, height: 2, pixels: Array("abcdef".utf8).flatMap { [$0, 0, 0, 255] })
        func letters(_ o: Int) -> String {
            let image = stored.oriented(exif: o)
            return String(decoding: stride(from: 0, to: image.pixels.count, by: 4).map { image.pixels[$0] }, as: UTF8.self)
        }
        #expect(letters(1) == "abcdef")
        #expect(letters(2) == "cbafed")
        #expect(letters(3) == "fedcba")
        #expect(letters(4) == "defabc")
        #expect(letters(5) == "adbecf") // 2 wide, 3 tall from here on
        #expect(letters(6) == "daebfc")
        #expect(letters(7) == "fcebda")
        #expect(letters(8) == "cfbead")
        #expect(letters(0) == "abcdef" && letters(9) == "abcdef")
    }

    @Test func invalidExifMeansUpright() throws {
        let plain = try JPEGCodec.encode(Self.quadrants(), quality: 80)
        let good = Self.exifSegment(orientation: 6, bigEndian: false)
        var bad: [[UInt8]] = []
        bad.append(Self.exifSegment(orientation: 9, bigEndian: false)) // out of range
        bad.append(Self.exifSegment(orientation: 0, bigEndian: true))
        var wrongType = good; wrongType[10 + 8 + 2 + 12 + 2] = 4 // orientation entry's type: LONG
        bad.append(wrongType)
        var farIFD = good; farIFD[10 + 4] = 0xF0 // IFD0 offset past the end
        bad.append(farIFD)
        var wrongOrder = good; wrongOrder[10] = 0x58 // "XI" is no byte order
        bad.append(wrongOrder)
        var longer = good; longer[2] = 0xFF // segment length past the end of the file
        bad.append(longer)
        for segment in bad {
            let tagged = Self.inserting(segment, into: plain, afterAPP0: false)
            #expect(ExifOrientation.value(in: tagged) == 1)
        }
        #expect(ExifOrientation.value(in: Self.inserting(good, into: plain, afterAPP0: false)) == 6)
        #expect(ExifOrientation.value(in: []) == 1)
        #expect(ExifOrientation.value(in: [0xFF, 0xD8, 0xFF, 0xE1, 0xFF]) == 1)
        // Every prefix of a tagged file: never a crash, and never a wrong value.
        let tagged = Self.inserting(good, into: plain, afterAPP0: true)
        for n in 0..<200 { #expect([1, 6].contains(ExifOrientation.value(in: Array(tagged.prefix(n))))) }
    }

    @Test func truncatedFileIsRefused() throws {
        let bytes = try JPEGCodec.encode(Self.gradient(width: 200, height: 150), quality: 90)
        for keep in [bytes.count / 2, bytes.count - 2] { // half the data; only the end marker missing
            let error = #expect(throws: RenderError.self) { try JPEGCodec.decode(Array(bytes.prefix(keep))) }
            #expect(error?.description.contains("cut short") == true, "\(String(describing: error))")
        }
        // Cut inside the header: libjpeg reaches the end before the image data starts.
        let header = #expect(throws: RenderError.self) { try JPEGCodec.decode(Array(bytes.prefix(100))) }
        #expect(header?.description.contains("cut short") == true, "\(String(describing: header))")
    }

    @Test func damagedImageDataIsRefused() throws {
        var bytes = try JPEGCodec.encode(Self.gradient(width: 200, height: 150), quality: 90)
        // A restart marker where none belongs, halfway through the image data.
        let sos = try #require(Self.marker(0xDA, in: bytes))
        let middle = (sos + bytes.count) / 2
        bytes[middle] = 0xFF; bytes[middle + 1] = 0xD3
        let error = #expect(throws: RenderError.self) { try JPEGCodec.decode(bytes) }
        #expect(error?.description.hasPrefix("JPEG: the file is damaged") == true, "\(String(describing: error))")
    }

    @Test func garbageAfterTheSignatureIsRefused() {
        var state: UInt64 = 0x9E3779B97F4A7C15
        for _ in 0..<200 {
            var bytes: [UInt8] = [0xFF, 0xD8, 0xFF]
            for _ in 0..<Int(state % 300) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(UInt8(truncatingIfNeeded: state >> 33))
            }
            #expect(throws: RenderError.self) { try JPEGCodec.decode(bytes) }
        }
    }

    @Test(arguments: [(40000, 40000), (20000, 20000), (30001, 100)])
    func oversizedHeaderIsRefusedBeforeDecoding(width: Int, height: Int) throws {
        var bytes = try JPEGCodec.encode(Self.gradient(width: 16, height: 16), quality: 90)
        // SOF0: FF C0, length (2), precision (1), height (2), width (2).
        let sof = try #require(Self.marker(0xC0, in: bytes))
        bytes[sof + 5] = UInt8(height >> 8); bytes[sof + 6] = UInt8(height & 255)
        bytes[sof + 7] = UInt8(width >> 8); bytes[sof + 8] = UInt8(width & 255)
        // Decoding would fail with "cut short": this message shows the size was checked first.
        #expect(throws: RenderError.jpeg("the image is \(width) x \(height) pixels; the limit is 30000 per side and 100 megapixels")) {
            try JPEGCodec.decode(bytes)
        }
    }

    @Test func tooManyProgressiveScansAreRefused() throws {
        let grey = [UInt8](repeating: 128, count: 16 * 16)
        let bytes = try JPEGCodec.encode(samples: grey, width: 16, height: 16, components: 1, quality: 90, progressive: true)
        // Repeat the last scan (its SOS header and data, up to EOI) 600 times.
        let lastScan = try #require((2..<bytes.count - 1).last { bytes[$0] == 0xFF && bytes[$0 + 1] == 0xDA })
        let scan = Array(bytes[lastScan..<(bytes.count - 2)])
        let hostile = Array(bytes[..<(bytes.count - 2)]) + Array([[UInt8]](repeating: scan, count: 600).joined()) + [0xFF, 0xD9]
        #expect(throws: RenderError.jpeg("the file has more than 500 progressive scans")) { try JPEGCodec.decode(hostile) }
        #expect(try JPEGCodec.decode(bytes).width == 16)
    }

    @Test func emptyAndForeignData() {
        #expect(throws: RenderError.jpeg("the file is empty")) { try JPEGCodec.decode([]) }
        #expect(throws: RenderError.jpeg("not a JPEG file (the signature is missing)")) { try JPEGCodec.decode([1, 2, 3, 4]) }
        #expect(throws: RenderError.jpeg("cannot encode 0 x 0 pixels of 3 samples at quality 90")) {
            try JPEGCodec.encode(RGBAImage(width: 0, height: 0, pixels: []), quality: 90)
        }
        #expect(throws: RenderError.self) { try JPEGCodec.encode(Self.gradient(), quality: 101) }
    }

    @Test func imageDecoderChoosesByContent() throws {
        let image = Self.quadrants()
        let png = try PNGCodec.encode(image, opaque: false, dpi: 72, metadata: [])
        #expect(try ImageDecoder.decode(png) == image)
        let jpeg = try JPEGCodec.encode(image, quality: 90)
        #expect(try ImageDecoder.decode(jpeg) == JPEGCodec.decode(jpeg))
        // A JPEG is read as one, not refused as "not a PNG"; a damaged one gets JPEG's message.
        let cut = #expect(throws: RenderError.self) { try ImageDecoder.decode(Array(jpeg.prefix(jpeg.count / 2))) }
        #expect(cut?.description.hasPrefix("JPEG: the file is cut short") == true, "\(String(describing: cut))")

        #expect(throws: RenderError.imageFormat("the file is empty")) { try ImageDecoder.decode([]) }
        #expect(throws: RenderError.imageFormat("not a PNG or JPEG image")) { try ImageDecoder.decode(Array("hello".utf8)) }
        let heic: [UInt8] = [0, 0, 0, 24] + Array("ftypheic".utf8) + [0, 0, 0, 0]
        #expect(throws: RenderError.imageFormat("this is a HEIC file; save or export it as PNG or JPEG")) { try ImageDecoder.decode(heic) }
        #expect(throws: RenderError.imageFormat("this is a GIF file; save or export it as PNG or JPEG")) {
            try ImageDecoder.decode(Array("GIF89a".utf8) + [1, 0, 1, 0])
        }
    }
}
