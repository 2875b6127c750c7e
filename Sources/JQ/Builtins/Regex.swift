import Foundation
import JSONValue
import Synchronization

/// Regular expressions for `test`, `match`, `capture`, `scan`, `split`, `sub`, `gsub`.
///
/// jq compiles patterns with Oniguruma's Perl-NG syntax: `^`/`$` anchor the whole string,
/// `.` skips newlines, named and numbered groups both capture. ICU (NSRegularExpression)
/// shares that syntax closely; offsets are converted from UTF-16 to codepoints as jq reports.
enum Regex {
    struct Compiled: @unchecked Sendable {
        let regex: NSRegularExpression
        /// Name of each capture group (1-based index - 1), or nil.
        let names: [String?]
    }

    private static let cache = Mutex<[String: Compiled]>([:])

    /// Progress reports one search may take, beyond one per start position, before it
    /// fails as Oniguruma does past its retry limit. Foundation reports progress once per
    /// start position it tries and ICU about every 10,000 matching steps (about 1 ms), so
    /// this allows some 10 million steps: Oniguruma's default `retry-limit-in-match`
    /// (10,000,000), which jq keeps.
    static let maxProgressReports = 1_000
    /// jq's message when Oniguruma gives up on a match.
    static let retryLimitMessage = "Regex failure: retry-limit-in-match over"

    struct Flags {
        var global = false
        var notEmpty = false
        var options: NSRegularExpression.Options = []
    }

    static func flags(_ v: JSON) throws -> Flags {
        var f = Flags()
        switch v {
        case .null: return f
        case .string(let s):
            for c in s {
                switch c {
                case "g": f.global = true
                case "i": f.options.insert(.caseInsensitive)
                case "x": f.options.insert(.allowCommentsAndWhitespace)
                case "m": f.options.insert(.dotMatchesLineSeparators)
                case "s": break  // Perl-NG syntax is already single-line.
                case "p": f.options.insert(.dotMatchesLineSeparators)
                case "l": break  // longest match: ICU has no equivalent; leftmost match is used.
                case "n": f.notEmpty = true
                default: throw JQError("\(s) is not a valid modifier string")
                }
            }
            return f
        default:
            throw JQError.type(v, "is not a string")
        }
    }

    static func compile(_ pattern: String, _ options: NSRegularExpression.Options) throws -> Compiled {
        let key = "\(options.rawValue)/\(pattern)"
        if let c = cache.withLock({ $0[key] }) { return c }
        let regex: NSRegularExpression
        do {
            regex = try NSRegularExpression(pattern: pattern.isEmpty ? "(?:)" : translate(pattern), options: options)
        } catch {
            throw JQError("\(pattern) (at offset 0) is not a valid regex: \(error.localizedDescription)")
        }
        let c = Compiled(regex: regex, names: groupNames(pattern, count: regex.numberOfCaptureGroups))
        cache.withLock { cacheDict in
            if cacheDict.count > 256 { cacheDict.removeAll() }
            cacheDict[key] = c
        }
        return c
    }

    /// Oniguruma spellings ICU lacks: `\h` (hex digit) and `\H`.
    static func translate(_ p: String) -> String {
        guard p.contains("\\h") || p.contains("\\H") else { return p }
        var out = ""
        var it = p.makeIterator()
        while let c = it.next() {
            if c == "\\", let n = it.next() {
                if n == "h" { out += "[0-9a-fA-F]" } else if n == "H" { out += "[^0-9a-fA-F]" } else { out.append(c); out.append(n) }
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// Capture group names in order of their opening parenthesis.
    static func groupNames(_ p: String, count: Int) -> [String?] {
        var names: [String?] = []
        let s = Array(p.unicodeScalars)
        var i = 0
        var inClass = false
        while i < s.count {
            let c = s[i]
            if c == "\\" { i += 2; continue }
            if inClass { if c == "]" { inClass = false }; i += 1; continue }
            if c == "[" { inClass = true; i += 1; continue }
            if c == "(" {
                if i + 1 < s.count && s[i + 1] == "?" {
                    // (?<name>...), (?P<name>...), (?'name'...) capture; other (?...) do not.
                    var j = i + 2
                    if j < s.count && s[j] == "P" { j += 1 }
                    if j < s.count && (s[j] == "<" || s[j] == "'") && j + 1 < s.count && s[j + 1] != "=" && s[j + 1] != "!" {
                        let close: UnicodeScalar = s[j] == "<" ? ">" : "'"
                        var k = j + 1
                        var name = ""
                        while k < s.count && s[k] != close { name.unicodeScalars.append(s[k]); k += 1 }
                        names.append(name)
                    }
                } else {
                    names.append(nil)
                }
            }
            i += 1
        }
        while names.count < count { names.append(nil) }
        return Array(names.prefix(count))
    }

    /// `_match_impl(re; flags; test)`.
    static func match(_ input: JSON, _ re: JSON, _ flagsV: JSON, testOnly: Bool) throws -> JSON {
        guard case .string(let s) = input else { throw JQError.type(input, "cannot be matched, as it is not a string") }
        guard case .string(let pattern) = re else { throw JQError.type(re, "is not a string") }
        let f = try flags(flagsV)
        let c = try compile(pattern, f.options)
        let ns = s as NSString
        let len = ns.length
        // UTF-16 offset -> codepoint index.
        var cpIndex = [Int](repeating: 0, count: len + 1)
        var cp = 0
        var u = 0
        for scalar in s.unicodeScalars {
            let w = scalar.utf16.count
            for k in 0..<w { cpIndex[u + k] = cp }
            u += w
            cp += 1
        }
        cpIndex[len] = cp
        var results: [JSON] = []
        let found = try search(c.regex, in: s, length: len, all: f.global && !testOnly, notEmpty: f.notEmpty)
        if testOnly { return .bool(!found.isEmpty) }
        var meter = WorkMeter()
        for m in found {
            try meter.tick(m.numberOfRanges)
            let r = m.range
            var captures: [JSON] = []
            for g in 1..<max(1, m.numberOfRanges) {
                let gr = m.range(at: g)
                let name: JSON = c.names[g - 1].map { .string($0) } ?? .null
                if gr.location == NSNotFound {
                    captures.append(.object(["offset": .number(-1), "string": .null, "length": .number(0), "name": name]))
                } else if gr.length == 0 {
                    captures.append(.object(["offset": .number(cpIndex[gr.location]), "string": .string(""),
                                             "length": .number(0), "name": name]))
                } else {
                    captures.append(.object([
                        "offset": .number(cpIndex[gr.location]),
                        "length": .number(cpIndex[gr.location + gr.length] - cpIndex[gr.location]),
                        "string": .string(ns.substring(with: gr)), "name": name,
                    ]))
                }
            }
            results.append(.object([
                "offset": .number(cpIndex[r.location]),
                "length": .number(cpIndex[r.location + r.length] - cpIndex[r.location]),
                "string": .string(ns.substring(with: r)),
                "captures": .array(captures),
            ]))
        }
        return .array(results)
    }

    /// The first match, or with `all` every match, skipping empty ones when `notEmpty`
    /// (flag `n`). After an empty match the search moves on one position, as jq's loop does
    /// (`"qux" | match("(?=u)"; "g")` matches once). One enumeration over the whole string:
    /// Foundation copies a Swift string on every call, so a call per match would be
    /// quadratic. Backtracking is bounded by `maxProgressReports`, and the run's
    /// cancellation and limits are polled on each progress report.
    static func search(_ regex: NSRegularExpression, in s: String, length: Int, all: Bool,
                       notEmpty: Bool) throws -> [NSTextCheckingResult] {
        var found: [NSTextCheckingResult] = []
        var reports = 0
        let allowed = maxProgressReports + length
        var failure: Error?
        var meter = WorkMeter()
        let options: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds, .reportProgress]
        regex.enumerateMatches(in: s, options: options, range: NSRange(location: 0, length: length)) { m, flags, stop in
            if let m {
                if notEmpty && m.range.length == 0 { return }
                found.append(m)
                if !all { stop.pointee = true }
                return
            }
            guard flags.contains(.progress) else { return }
            reports += 1
            do {
                if reports > allowed { throw JQError(retryLimitMessage) }
                try meter.tick(NativeWork.unitsPerPoll)
            } catch {
                failure = error
                stop.pointee = true
            }
        }
        if let failure { throw failure }
        return found
    }

    /// `splits($re; flags)`: the pieces between global matches.
    static func split(_ input: JSON, _ re: JSON, _ flagsV: JSON) throws -> [JSON] {
        let g: JSON
        switch flagsV {
        case .null: g = .string("g")
        case .string(let s): g = .string(s + "g")
        default: g = try Values.add(flagsV, .string("g"))
        }
        guard case .array(let ms) = try match(input, re, g, testOnly: false) else { return [] }
        if case .string(let s) = input, let pieces = try pieces(of: s, between: ms) { return pieces }
        var out: [JSON] = []
        var next: JSON = .null
        for m in ms {
            let off = m["offset"] ?? .null
            out.append(try Access.index(input, .object(["start": next, "end": off])))
            next = try Values.add(off, m["length"] ?? .null)
        }
        out.append(try Access.index(input, .object(["start": next, "end": .null])))
        return out
    }

    /// `$s[prev_end:offset]` for every match and the rest after the last one, in one walk
    /// over the string (slicing each piece from the start would be quadratic); nil when
    /// the matches are not plain ascending codepoint ranges (then the slices are taken).
    static func pieces(of s: String, between matches: [JSON]) throws -> [JSON]? {
        let scalars = s.unicodeScalars
        var out: [JSON] = []
        out.reserveCapacity(matches.count + 1)
        var meter = WorkMeter()
        var index = scalars.startIndex
        var position = 0
        var pieceStart = index
        func advance(to target: Int) throws {
            while position < target && index != scalars.endIndex {
                index = scalars.index(after: index)
                position += 1
                try meter.tick()
            }
        }
        for m in matches {
            guard case .number(let o)? = m["offset"], case .number(let l)? = m["length"],
                  let offset = Int(exactly: o.double), let length = Int(exactly: l.double),
                  offset >= position, length >= 0 else { return nil }
            try advance(to: offset)
            out.append(.string(String(scalars[pieceStart ..< index])))
            try advance(to: offset + length)
            pieceStart = index
            try meter.tick()
        }
        out.append(.string(String(scalars[pieceStart...])))
        return out
    }
}
