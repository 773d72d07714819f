/// The EXIF orientation of a JPEG: how the stored pixels must be turned to show the photo
/// upright. Phones store pixels as the sensor saw them and set this tag instead of rotating.
public enum ExifOrientation {
    /// The orientation tag (0x0112) of IFD0 in the first APP1 "Exif" segment: 1...8, or 1
    /// when there is none or it is invalid. Any bytes are safe: every read is bounds-checked
    /// and every loop advances through a finite buffer.
    public static func value(in jpeg: [UInt8]) -> Int {
        guard jpeg.starts(with: [0xFF, 0xD8]) else { return 1 }
        var i = 2
        while i + 4 <= jpeg.count {
            guard jpeg[i] == 0xFF else { return 1 } // not at a marker: the file is damaged
            let marker = jpeg[i + 1]
            if marker == 0xFF { i += 1; continue } // fill byte before a marker
            if (0xD0...0xD7).contains(marker) || marker == 0x01 { i += 2; continue } // no length field
            if marker == 0xDA || marker == 0xD9 { return 1 } // image data: metadata comes before it
            let length = Int(jpeg[i + 2]) << 8 | Int(jpeg[i + 3])
            guard length >= 2, i + 2 + length <= jpeg.count else { return 1 }
            let body = jpeg[(i + 4)..<(i + 2 + length)]
            if marker == 0xE1, body.starts(with: Array("Exif\0\0".utf8)) {
                return orientation(tiff: Array(body.dropFirst(6))) ?? 1
            }
            i += 2 + length
        }
        return 1
    }

    /// Reads the tag from a TIFF structure: byte order, magic 42, IFD0's 12-byte entries.
    static func orientation(tiff t: [UInt8]) -> Int? {
        guard t.count >= 8 else { return nil }
        let little: Bool
        switch (t[0], t[1]) {
        case (0x49, 0x49): little = true // "II", Intel
        case (0x4D, 0x4D): little = false // "MM", Motorola
        default: return nil
        }
        func u16(_ at: Int) -> Int? {
            guard at >= 0, at + 2 <= t.count else { return nil }
            return little ? Int(t[at]) | Int(t[at + 1]) << 8 : Int(t[at]) << 8 | Int(t[at + 1])
        }
        func u32(_ at: Int) -> Int? {
            guard let a = u16(at), let b = u16(at + 2) else { return nil }
            return little ? a | b << 16 : a << 16 | b
        }
        guard u16(2) == 42, let ifd = u32(4), let count = u16(ifd) else { return nil }
        for n in 0..<count { // at most 65535 entries, and it stops at the end of the data
            let entry = ifd + 2 + 12 * n
            guard let tag = u16(entry), let type = u16(entry + 2), let number = u32(entry + 4) else { return nil }
            guard tag == 0x0112 else { continue }
            // A SHORT holding 1...8; the value sits in the first two bytes of the value field.
            guard type == 3, number == 1, let value = u16(entry + 8), (1...8).contains(value) else { return nil }
            return value
        }
        return nil
    }
}
