/// Reads a patient's drawing from a file's bytes, whichever format it is in.
public enum ImageDecoder {
    /// Decodes a PNG or a JPEG, chosen by the signature, never by the file name. Other
    /// formats a phone or scanner is likely to produce are named in the error.
    public static func decode(_ bytes: [UInt8]) throws(RenderError) -> RGBAImage {
        if bytes.starts(with: PNGChunks.signature) { return try PNGCodec.decode(bytes) }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return try JPEGCodec.decode(bytes) }
        if bytes.isEmpty { throw .imageFormat("the file is empty") }
        if let format = otherFormat(bytes) {
            throw .imageFormat("this is a \(format) file; save or export it as PNG or JPEG")
        }
        throw .imageFormat("not a PNG or JPEG image")
    }

    /// Formats recognisable by their first bytes that are worth naming to the user.
    private static func otherFormat(_ b: [UInt8]) -> String? {
        func at(_ offset: Int, _ text: String) -> Bool { b.dropFirst(offset).starts(with: Array(text.utf8)) }
        if at(4, "ftypheic") || at(4, "ftypheix") || at(4, "ftypmif1") || at(4, "ftyphevc") { return "HEIC" }
        if at(4, "ftypavif") { return "AVIF" }
        if at(0, "RIFF") && at(8, "WEBP") { return "WebP" }
        if at(0, "GIF8") { return "GIF" }
        if at(0, "%PDF") { return "PDF" }
        if at(0, "II*\0") || at(0, "MM\0*") { return "TIFF" }
        if at(0, "BM") { return "BMP" }
        return nil
    }
}
