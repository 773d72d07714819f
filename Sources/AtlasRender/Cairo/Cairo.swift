import CCairo

/// Turns a Cairo status into a thrown error.
func check(_ status: cairo_status_t) throws(RenderError) {
    guard status == CAIRO_STATUS_SUCCESS else {
        throw RenderError.cairo(String(cString: cairo_status_to_string(status)))
    }
}

/// Collects the bytes a PDF or SVG surface writes.
final class ByteSink {
    var bytes: [UInt8] = []
}

/// An owning Cairo surface: image (ARGB32), PDF or SVG.
final class CairoSurface {
    let pointer: OpaquePointer
    private let sink: ByteSink?
    private let sinkRetain: Unmanaged<ByteSink>?
    /// The pixels of a large image surface (released after the surface, in `deinit`).
    private let memory: SurfaceMemory?

    private init(pointer: OpaquePointer, sink: ByteSink?, memory: SurfaceMemory? = nil) throws(RenderError) {
        self.pointer = pointer
        self.sink = sink
        self.sinkRetain = sink.map { Unmanaged.passRetained($0) }
        self.memory = memory
        try check(cairo_surface_status(pointer))
    }

    deinit {
        cairo_surface_destroy(pointer)
        sinkRetain?.release()
    }

    /// An ARGB32 image surface (premultiplied, native-endian BGRA in memory).
    static func image(width: Int, height: Int) throws(RenderError) -> CairoSurface {
        guard width > 0, height > 0, width <= 32767, height <= 32767 else {
            throw RenderError.invalidRequest("an image of \(width) x \(height) pixels is outside 1 to 32767 per side")
        }
        let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, Int32(width)))
        if let memory = SurfaceMemory(bytes: stride * height) {
            let pointer = cairo_image_surface_create_for_data(memory.base.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_ARGB32,
                                                              Int32(width), Int32(height), Int32(stride))!
            return try CairoSurface(pointer: pointer, sink: nil, memory: memory)
        }
        return try CairoSurface(pointer: cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)), sink: nil)
    }

    /// An A8 mask surface: one coverage byte per pixel.
    static func mask(width: Int, height: Int) throws(RenderError) -> CairoSurface {
        guard width > 0, height > 0, width <= 32767, height <= 32767 else {
            throw RenderError.invalidRequest("a mask of \(width) x \(height) pixels is outside 1 to 32767 per side")
        }
        return try CairoSurface(pointer: cairo_image_surface_create(CAIRO_FORMAT_A8, Int32(width), Int32(height)), sink: nil)
    }

    static func vector(_ kind: VectorKind, widthPoints: Double, heightPoints: Double) throws(RenderError) -> CairoSurface {
        let sink = ByteSink()
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let write: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        let pointer: OpaquePointer
        switch kind {
        case .pdf:
            pointer = cairo_pdf_surface_create_for_stream(write, closure, widthPoints, heightPoints)
            // Fixed metadata keeps identical input producing identical bytes.
            cairo_pdf_surface_set_metadata(pointer, CAIRO_PDF_METADATA_CREATOR, "ReferralAtlas")
            cairo_pdf_surface_set_metadata(pointer, CAIRO_PDF_METADATA_CREATE_DATE, "2026-01-01T00:00:00Z")
        case .svg:
            pointer = cairo_svg_surface_create_for_stream(write, closure, widthPoints, heightPoints)
            cairo_svg_surface_set_document_unit(pointer, CAIRO_SVG_UNIT_PT)
        }
        return try CairoSurface(pointer: pointer, sink: sink)
    }

    enum VectorKind { case pdf, svg }

    func setPDFTitle(_ title: String) {
        cairo_pdf_surface_set_metadata(pointer, CAIRO_PDF_METADATA_TITLE, title)
    }

    /// Finishes a vector surface and returns what it wrote.
    func finish() throws(RenderError) -> [UInt8] {
        cairo_surface_finish(pointer)
        try check(cairo_surface_status(pointer))
        return sink?.bytes ?? []
    }

    var width: Int { Int(cairo_image_surface_get_width(pointer)) }
    var height: Int { Int(cairo_image_surface_get_height(pointer)) }
    var stride: Int { Int(cairo_image_surface_get_stride(pointer)) }

    /// Raw pixel bytes of an image surface, after pending drawing is flushed.
    func withPixels<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        cairo_surface_flush(pointer)
        let data = cairo_image_surface_get_data(pointer)!
        return try body(UnsafeBufferPointer(start: data, count: stride * height))
    }
}

/// An owning Cairo drawing context. Cairo errors are sticky, so they are checked once at
/// the end of drawing (`finish`) rather than after every call.
final class CairoContext {
    let pointer: OpaquePointer
    let surface: CairoSurface

    init(_ surface: CairoSurface) throws(RenderError) {
        self.surface = surface
        self.pointer = cairo_create(surface.pointer)
        try check(cairo_status(pointer))
    }

    deinit { cairo_destroy(pointer) }

    func checkStatus() throws(RenderError) { try check(cairo_status(pointer)) }

    /// Whether this context writes SVG, whose Cairo backend has no native form for some
    /// compositing operators and falls back to (slow, large) embedded images for them.
    var drawsSVG: Bool { cairo_surface_get_type(surface.pointer) == CAIRO_SURFACE_TYPE_SVG }
}
