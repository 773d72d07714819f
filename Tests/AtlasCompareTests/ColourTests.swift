@testable import AtlasCompare
import Testing

/// Reading what a pixel means from its colour.
@Suite("Mark colours")
struct ColourTests {
    @Test(arguments: [
        ((214, 39, 40, 255), PixelKind.pain),             // the key's red
        ((31, 95, 214, 255), PixelKind.numbness),         // the key's blue
        ((30, 158, 58, 255), PixelKind.pinsAndNeedles),   // the key's green
        ((255, 150, 0, 255), PixelKind.pain),             // orange: another hue counts as pain
        ((150, 40, 200, 255), PixelKind.pain),            // purple
        ((255, 200, 200, 255), PixelKind.pain),           // a pale highlighter
        ((43, 43, 43, 255), PixelKind.darkInk),           // the printed outline
        ((138, 138, 138, 255), PixelKind.darkInk),        // a contour line
        ((200, 200, 200, 255), PixelKind.ink),            // a faint line, or paper beside a shadow
        ((200, 198, 203, 255), PixelKind.ink),            // the same, a little tinted
        ((255, 255, 255, 255), PixelKind.paper),
        ((0, 0, 0, 0), PixelKind.paper),                  // transparent is paper
        ((214, 39, 40, 40), PixelKind.paper),             // nearly transparent red fades to paper
    ])
    func kind(_ rgba: (Int, Int, Int, Int), _ expected: PixelKind) {
        #expect(PixelKind.of(red: UInt8(rgba.0), green: UInt8(rgba.1), blue: UInt8(rgba.2), alpha: UInt8(rgba.3)) == expected)
    }
}
