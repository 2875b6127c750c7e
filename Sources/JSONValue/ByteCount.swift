/// Counting bytes by kind, sixteen at a time: the line numbers of jq's input reader and
/// the codepoint count of jq's `length` both pass over every byte of their text.
public enum ByteCount {
    /// How many bytes of `base[lo..<hi]` satisfy `matches`, given as a lane-wise test
    /// (`vector`) and the same test on one byte (`scalar`, for the tail).
    @inline(__always)
    public static func count(_ base: UnsafePointer<UInt8>, _ lo: Int, _ hi: Int,
                             vector: (SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>>,
                             scalar: (UInt8) -> Bool) -> Int {
        var n = 0
        var i = lo
        let one = SIMD16<UInt8>(repeating: 1), zero = SIMD16<UInt8>()
        while i + 16 <= hi {
            // Counted in byte lanes, at most 255 rounds before they are added up.
            var lanes = SIMD16<UInt8>()
            var rounds = 0
            while rounds < 255 && i + 16 <= hi {
                let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
                lanes &+= zero.replacing(with: one, where: vector(v))
                rounds += 1
                i += 16
            }
            n += Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
        }
        while i < hi {
            if scalar(base[i]) { n += 1 }
            i += 1
        }
        return n
    }

    /// Newlines (0x0A) in `base[lo..<hi]`.
    public static func newlines(_ base: UnsafePointer<UInt8>, _ lo: Int, _ hi: Int) -> Int {
        let newline = SIMD16<UInt8>(repeating: 0x0A)
        return count(base, lo, hi, vector: { $0 .== newline }, scalar: { $0 == 0x0A })
    }

    /// Bytes that start a UTF-8 sequence (not continuation bytes, 0x80-0xBF): in valid
    /// UTF-8, the number of codepoints.
    public static func utf8Leads(_ base: UnsafePointer<UInt8>, _ lo: Int, _ hi: Int) -> Int {
        let first = SIMD16<UInt8>(repeating: 0x80), last = SIMD16<UInt8>(repeating: 0xBF)
        return count(base, lo, hi, vector: { .!(($0 .>= first) .& ($0 .<= last)) },
                     scalar: { $0 < 0x80 || $0 > 0xBF })
    }
}
