#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JSONValue

// glibc declares strptime only under _XOPEN_SOURCE, which the Glibc module does not set.
@_silgen_name("strptime")
func jq_strptime(_ s: UnsafePointer<CChar>, _ format: UnsafePointer<CChar>, _ tm: UnsafeMutablePointer<tm>) -> UnsafeMutablePointer<CChar>?

/// Date builtins over the C library, as jq 1.8 uses it ("broken down time" arrays:
/// [year, month0, mday, hours, minutes, seconds, wday, yday], all UTC unless "local").
extension Natives {
    static func tmToJSON(_ tm: tm, _ fsecs: Double) -> JSON {
        .array([
            .number(Int(tm.tm_year) + 1900), .number(Int(tm.tm_mon)), .number(Int(tm.tm_mday)),
            .number(Int(tm.tm_hour)), .number(Int(tm.tm_min)),
            .number(JSONNumber(Double(tm.tm_sec) + (fsecs - fsecs.rounded(.down)))),
            .number(Int(tm.tm_wday)), .number(Int(tm.tm_yday)),
        ])
    }

    /// jq's `jv2tm`; nil when an element is not a number.
    static func jsonToTm(_ a: [JSON], local: Bool) -> tm? {
        var t = tm()
        for (i, e) in a.prefix(8).enumerated() {
            guard case .number(let n) = e, !n.double.isNaN else { return nil }
            var d = n.double
            if i == 0 { d -= 1900 }
            let v = Int32(d < Double(Int32.min) ? Double(Int32.min) : d > Double(Int32.max) ? Double(Int32.max) : d.rounded(.towardZero))
            switch i {
            case 0: t.tm_year = v
            case 1: t.tm_mon = v
            case 2: t.tm_mday = v
            case 3: t.tm_hour = v
            case 4: t.tm_min = v
            case 5: t.tm_sec = v
            case 6: t.tm_wday = v
            default: t.tm_yday = v
            }
        }
        if local {
            t.tm_isdst = -1
            _ = mktime(&t)
        } else {
            // jq normalises through timegm, which also names the zone "GMT" for %Z.
            _ = timegm(&t)
        }
        return t
    }

    static func gmtime(_ v: JSON, local: Bool = false) throws -> JSON {
        guard case .number(let n) = v else {
            throw JQError(local ? "localtime() requires numeric inputs" : "gmtime() requires numeric inputs")
        }
        let fsecs = n.double
        guard fsecs.isFinite, abs(fsecs) < 1e17 else {
            throw JQError("error converting number of seconds since epoch to datetime")
        }
        var secs = time_t(fsecs)
        var t = tm()
        let ok = local ? localtime_r(&secs, &t) : gmtime_r(&secs, &t)
        guard ok != nil else { throw JQError("error converting number of seconds since epoch to datetime") }
        return tmToJSON(t, fsecs)
    }

    static func strftime(_ v: JSON, _ fmt: JSON, local: Bool) throws -> JSON {
        let name = local ? "strflocaltime/1" : "strftime/1"
        var input = v
        if case .number = v { input = try gmtime(v, local: local) }
        guard case .array(let a) = input else { throw JQError("\(name) requires parsed datetime inputs") }
        guard case .string(let f) = fmt else { throw JQError("\(name) requires a string format") }
        guard var t = jsonToTm(a, local: local) else { throw JQError("\(name) requires parsed datetime inputs") }
        if f.isEmpty { return .string("") }
        var buf = [Int8](repeating: 0, count: f.utf8.count + 100)
        let n = Glibc.strftime(&buf, buf.count, f, &t)
        if n == 0 { throw JQError("\(name): unknown system failure") }
        return .string(String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    static let dates: [Native] = [
        Native("gmtime", 0, .unary { try gmtime($0) }),
        Native("localtime", 0, .unary { try gmtime($0, local: true) }),
        Native("mktime", 0, .unary { v in
            guard case .array(let a) = v else { throw JQError("mktime requires array inputs") }
            guard var t = jsonToTm(a, local: false) else { throw JQError("mktime requires parsed datetime inputs") }
            let r = timegm(&t)
            if r == -1 { throw JQError("invalid gmtime representation") }
            return .number(Int(r))
        }),
        Native("strftime", 1, .values { v, a in try strftime(v, a[0], local: false) }),
        Native("strflocaltime", 1, .values { v, a in try strftime(v, a[0], local: true) }),
        Native("strptime", 1, .values { v, a in
            guard case .string(let s) = v, case .string(let f) = a[0] else {
                throw JQError("strptime/1 requires string inputs and arguments")
            }
            var t = tm()
            t.tm_wday = 8
            t.tm_yday = 367
            let result: JSON? = s.withCString { cs -> JSON? in
                guard let end = jq_strptime(cs, f, &t) else { return nil }
                let rest = String(cString: end)
                if let c = rest.utf8.first, !(c == 32 || (c >= 9 && c <= 13)) { return nil }
                if t.tm_wday == 8 && t.tm_mday != 0 && t.tm_mon >= 0 && t.tm_mon <= 11 { setWday(&t) }
                if t.tm_yday == 367 && t.tm_mday != 0 && t.tm_mon >= 0 && t.tm_mon <= 11 { setYday(&t) }
                guard case .array(var arr) = tmToJSON(t, 0) else { return nil }
                if !rest.isEmpty { arr.append(.string(rest)) }
                return .array(arr)
            }
            guard let result else { throw JQError("date \"\(s)\" does not match format \"\(f)\"") }
            return result
        }),
    ]

    static func setWday(_ t: inout tm) {
        let century = (1900 + Int(t.tm_year)) / 100
        var year = (1900 + Int(t.tm_year)) % 100
        if t.tm_mon < 2 { year -= 1 }
        var mon = Int(t.tm_mon) - 1
        if mon < 1 { mon += 12 }
        var wday = (Int(t.tm_mday) + Int((2.6 * Double(mon) - 0.2).rounded(.down)) + year
                    + Int((Double(year) / 4).rounded(.down)) + Int((Double(century) / 4).rounded(.down)) - 2 * century) % 7
        if wday < 0 { wday += 7 }
        t.tm_wday = Int32(wday)
    }

    static func setYday(_ t: inout tm) {
        let d = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
        var mon = Int(t.tm_mon)
        let year = 1900 + Int(t.tm_year)
        var leap = 0
        if t.tm_mon > 1 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0) { leap = 1 }
        if mon < 0 { mon = -mon }
        if mon > 11 { mon %= 12 }
        t.tm_yday = Int32(d[mon] + leap + Int(t.tm_mday) - 1)
    }
}
