import AtlasCompare
import AtlasModel
import FuzzSupport
import AtlasRender

// Any bytes as a PNG, and what decodes as a patient's drawing: errors, never crashes.
let comparator: DrawingComparator = {
    let comparator = try! DrawingComparator(atlas: try! AtlasLoader.load(directory: AtlasLocator.bundledAtlas()!))
    // Templates and pattern masks are built on first use: do it once here, not in a timed input.
    _ = try? comparator.analyse(image: RGBAImage(width: 64, height: 64), name: "warm-up")
    return comparator
}()

/// libFuzzer calls this once before the first input: the one-off set-up happens here.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    _ = comparator
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let image = try? PNGCodec.decode(bytes) else { return 0 }
    // Small images only: the comparison of a large one is slow, not wrong.
    if image.width * image.height <= 400 * 400 { _ = try? comparator.analyse(image: image, name: "fuzz.png") }
    return 0
}


@_cdecl("FuzzPNG_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv, fuzz)
}
