import FuzzTargets
import Glibc

/// The target this process fuzzes: `KCSA_FUZZ_TARGET` (see `Fuzz/run.sh`), read once.
/// libFuzzer's own `main` drives the process; an unknown name stops it before the first input.
let selected: FuzzTarget = {
    let name = getenv("KCSA_FUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = FuzzTarget.named(name) else {
        let names = FuzzTarget.all.map(\.name).joined(separator: " ")
        let message = Array("kcsa-fuzz: set KCSA_FUZZ_TARGET to one of: \(names)\n".utf8)
        _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        exit(2)
    }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    selected.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}
