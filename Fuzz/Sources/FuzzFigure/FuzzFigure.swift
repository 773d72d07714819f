import AtlasModel
import FuzzSupport

// Any bytes as a figure document.
let atlas = try! AtlasLoader.load(directory: AtlasLocator.bundledAtlas()!)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = DocumentChecker.figure(text, atlas: atlas)
    return 0
}


@_cdecl("FuzzFigure_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv, fuzz)
}
