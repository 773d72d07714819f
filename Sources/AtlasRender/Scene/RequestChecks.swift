import AtlasModel

// The numbers of every request, checked where the request is turned into a scene, so a
// library caller gets the same message as the command line.

extension ChartRequest {
    public func validate() throws(RenderError) {
        // An empty list of views would make a page with a header and nothing under it.
        guard !views.isEmpty else { throw RenderError.invalidRequest("a chart needs at least one view") }
        try RenderError.checking { () throws(InvalidOption) in
            try Limits.width.check(width)
            try Limits.dpi.check(dpi)
        }
    }
}

extension HandoutRequest {
    public func validate() throws(RenderError) {
        try RenderError.checking { () throws(InvalidOption) in try Limits.dpi.check(dpi) }
    }
}

extension Scene {
    /// The resolutions a scene may be drawn at. Wider than the user's `--dpi` limit
    /// (`Limits.dpi`, checked once in the requests): the library builds scenes at
    /// resolutions it computes, such as a chart at a small drawing's 24 dpi or a blank chart
    /// 20000 px wide at 2400 dpi.
    static let drawableDPI = 1.0...10_000.0

    /// The last guard before pixels or a page are made: a scene from any builder (or a
    /// library caller) that is empty, absurdly large or of an impossible resolution.
    func checkDrawable(raster: Bool) throws(RenderError) {
        guard width > 0, height > 0, width <= 32_000, height <= 32_000 else {
            throw RenderError.invalidRequest("a \(width) x \(height) px picture cannot be drawn; use a smaller --width")
        }
        if raster, width * height > PNGCodec.maximumPixels {
            throw RenderError.invalidRequest("a \(width) x \(height) px picture is too large for a raster file; "
                + "use a smaller --width or --dpi, or write SVG or PDF")
        }
        guard dpi.isFinite, Self.drawableDPI.contains(dpi) else {
            throw RenderError.invalidRequest("a picture cannot be drawn at \(dpi) dots per inch")
        }
    }
}

extension RenderError {
    /// Runs option checks, reporting a bad value as an invalid request.
    static func checking(_ body: () throws(InvalidOption) -> Void) throws(RenderError) {
        do { try body() } catch { throw RenderError.invalidRequest(error.description) }
    }
}
