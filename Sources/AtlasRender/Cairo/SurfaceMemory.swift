#if canImport(Glibc)
import Glibc
#endif

/// Pixel memory for a large image surface, mapped directly and, where the kernel offers
/// transparent huge pages on request, in 2 MB pages: a 1200 px pattern view is 15 MB of
/// pixels, which in 4 KB pages is some 3,700 page faults, a twentieth of a one-picture run.
/// Fresh anonymous memory is zero, as Cairo's own image surfaces start.
final class SurfaceMemory {
    /// Below this, malloc's memory is as good.
    static let minimumBytes = 4 << 20
    private static let hugePage = 2 << 20

    private let mapping: UnsafeMutableRawPointer
    private let mappedLength: Int
    /// Where the pixels start: on a huge-page boundary.
    let base: UnsafeMutableRawPointer

    /// Nil when the surface is small or the memory cannot be mapped (Cairo allocates then).
    init?(bytes: Int) {
        #if os(Linux)
        guard bytes >= Self.minimumBytes else { return nil }
        let length = (bytes + Self.hugePage - 1) / Self.hugePage * Self.hugePage + Self.hugePage
        guard let mapping = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              mapping != MAP_FAILED else { return nil }
        self.mapping = mapping
        mappedLength = length
        let address = UInt(bitPattern: mapping)
        let aligned = (address + UInt(Self.hugePage) - 1) / UInt(Self.hugePage) * UInt(Self.hugePage)
        base = mapping + Int(aligned - address)
        // Only advice: without huge pages the memory works the same.
        _ = madvise(base, length - Int(aligned - address), MADV_HUGEPAGE)
        #else
        return nil
        #endif
    }

    deinit {
        #if os(Linux)
        munmap(mapping, mappedLength)
        #endif
    }
}
