import AtlasModel
import FuzzSupport

// Any bytes as an anatomy document (`anatomy/`: bones and muscles under the zones).
let atlas = try! AtlasLoader.load(directory: AtlasLocator.bundledAtlas()!)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = DocumentChecker.anatomy(text, atlas: atlas)
    return 0
}


@_cdecl("FuzzAnatomy_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runLibFuzzer(argc, argv, fuzz)
}
