/// Double-to-integer conversions that behave like jq's C casts on x86-64 instead of trapping.
///
/// jq converts numbers with plain C casts (`(int)d`, `(long)d`). Out of range or NaN, the C
/// result is undefined, and on x86-64 the conversion instruction yields the "integer
/// indefinite" value (`INT_MIN` / `LONG_MIN`); jq's observable behaviour (for example
/// `ldexp(1; nan)` is 0, `[1] | has(1e19)` is false) follows from that value. Swift's
/// `Int(d)` traps instead, so every conversion of a jq number goes through here.
enum CNumeric {
    /// `(int)d` as x86-64 computes it: truncation toward zero, `Int32.min` when out of range.
    static func int32(_ d: Double) -> Int32 {
        // The open interval (INT_MIN - 1, INT_MAX + 1) truncates to a valid int.
        guard d > -2147483649.0, d < 2147483648.0 else { return Int32.min }
        return Int32(d)
    }

    /// `(long)d` (and `(intmax_t)d`) as x86-64 computes it: `Int.min` when out of range.
    static func int64(_ d: Double) -> Int {
        guard d >= -9.223372036854775808e18, d < 9.223372036854775808e18 else { return Int.min }
        return Int(d)
    }

    /// `(int)d`, widened to `Int` for indexing.
    static func int(_ d: Double) -> Int { Int(int32(d)) }

    /// Clamps to `[lo, hi]` first (NaN becomes `nan`), then truncates: for counts and sizes.
    static func clamped(_ d: Double, _ lo: Int, _ hi: Int, nan: Int) -> Int {
        if d.isNaN { return nan }
        if d <= Double(lo) { return lo }
        if d >= Double(hi) { return hi }
        return Int(d)
    }
}
