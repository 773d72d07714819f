import AtlasRender
import FuzzSupport

// Any bytes as a JPEG (through the same sniffing the compare command uses) and as EXIF
// metadata: errors, never crashes, hangs or leaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = ExifOrientation.value(in: bytes)
    // Most mutations break the signature: give every input a JPEG one so the decoder sees it.
    if !bytes.starts(with: [0xFF, 0xD8, 0xFF]) { bytes = [0xFF, 0xD8] + bytes }
    _ = try? ImageDecoder.decode(bytes)
    return 0
}

@_cdecl("FuzzJPEG_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv, fuzz)
}
