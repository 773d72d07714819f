/// One row of an opaque Cairo ARGB32 surface as packed RGB bytes: the one conversion both
/// the whole-picture copy and the banded PNG writer use. Whole pixels are read as one
/// native-endian 32-bit word (0xAARRGGBB whatever the byte order); byte by byte this copy
/// was 15% of a one-picture run.
@inline(__always)
func copyOpaqueRow(_ row: UnsafeRawPointer, width: Int, to dst: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
    var o = start
    for x in 0..<width {
        let pixel = row.loadUnaligned(fromByteOffset: x * 4, as: UInt32.self)
        dst[o] = UInt8(truncatingIfNeeded: pixel >> 16)
        dst[o + 1] = UInt8(truncatingIfNeeded: pixel >> 8)
        dst[o + 2] = UInt8(truncatingIfNeeded: pixel)
        o += 3
    }
}
