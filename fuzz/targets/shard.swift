import Foundation
import Numeric

/// Fuzz target: the shard JSON decoder and validation of `ratecalc merge`. Any bytes must
/// decode to a validated shard or give one safe error line, within the time and memory
/// limits (a shard cannot make merge allocate from its numbers).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzShard(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    do {
        _ = try CheckShardFile.decode(bytes, file: "fuzz.json")
    } catch {
        FuzzSupport.requireOneSafeLine(error)
    }
    return 0
}
