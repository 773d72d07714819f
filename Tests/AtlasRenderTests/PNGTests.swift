import AtlasRender
import Foundation
import Testing

@Suite("PNG through libpng")
struct PNGTests {
    func gradient(width: Int = 37, height: Int = 23) -> RGBAImage {
        var image = RGBAImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 4
                image.pixels[i] = UInt8(x * 255 / width); image.pixels[i + 1] = UInt8(y * 255 / height)
                image.pixels[i + 2] = UInt8((x + y) % 256); image.pixels[i + 3] = 255
            }
        }
        return image
    }

    @Test func roundTripKeepsPixelsResolutionAndText() throws {
        let image = gradient()
        let bytes = try PNGCodec.encode(image, opaque: true, dpi: 300, metadata: [("Title", "Gluteus minimus"), ("Software", "referral-atlas")])
        #expect(try PNGCodec.decode(bytes) == image)
        let dpi = try #require(PNGChunks.dpi(bytes))
        #expect(abs(dpi - 300) < 0.1)
        #expect(PNGChunks.textFields(bytes) == ["Title": "Gluteus minimus", "Software": "referral-atlas"])
        let types = try #require(PNGChunks.read(bytes)).map(\.type)
        #expect(types.first == "IHDR")
        #expect(types.contains("sRGB"))
        #expect(types.firstIndex(of: "pHYs")! < types.firstIndex(of: "IDAT")!)
        #expect(types.last == "IEND")
    }

    @Test func identicalInputGivesIdenticalBytes() throws {
        let a = try PNGCodec.encode(gradient(), opaque: true, dpi: 150, metadata: [("Title", "x")])
        let b = try PNGCodec.encode(gradient(), opaque: true, dpi: 150, metadata: [("Title", "x")])
        #expect(a == b)
    }

    @Test func badInputGivesClearErrors() throws {
        #expect(throws: RenderError.png("the file is empty")) { try PNGCodec.decode([]) }
        #expect(throws: RenderError.png("this is a JPEG file, not a PNG")) { try PNGCodec.decode([0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0, 0]) }
        let good = try PNGCodec.encode(gradient(), opaque: true, dpi: 150, metadata: [])
        #expect(throws: RenderError.self) { try PNGCodec.decode(Array(good.prefix(good.count / 2))) }
    }

    @Test func hugeImageIsRefusedFromItsHeader() throws {
        // A valid header claiming 20000 x 20000 pixels with no pixel data behind it.
        var header = try PNGCodec.encode(gradient(width: 2, height: 2), opaque: true, dpi: 72, metadata: [])
        let side: [UInt8] = [0, 0, 0x4E, 0x20]
        header.replaceSubrange(16..<20, with: side)
        header.replaceSubrange(20..<24, with: side)
        do {
            _ = try PNGCodec.decode(header)
            Issue.record("a 20000 x 20000 image was accepted")
        } catch {
            #expect("\(error)".contains("20000 x 20000") || "\(error)".contains("CRC"), "\(error)")
        }
    }
}
