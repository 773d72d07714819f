import AtlasModel
import FuzzSupport

// Any bytes as a pattern document: must give diagnostics or a pattern, never crash or hang.
let atlas = try! AtlasLoader.load(directory: AtlasLocator.bundledAtlas()!)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = DocumentChecker.pattern(text, atlas: atlas)
    return 0
}


@_cdecl("FuzzPattern_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv, fuzz)
}
