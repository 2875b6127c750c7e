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
        var start = 0
        let opts: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds]
        repeat {
            guard let m = c.regex.firstMatch(in: s, options: opts, range: NSRange(location: start, length: len - start)) else { break }
            let r = m.range
            if r.length == 0 && f.notEmpty {
                start = r.location + 1
                if start > len { break }
                continue
            }
            if testOnly { return .bool(true) }
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
            if r.length == 0 {
                // jq steps one position past an empty match ("qux" | match("(?=u)"; "g") matches once).
                start = r.location + 1
                if start < len, UTF16.isTrailSurrogate(ns.character(at: start)) { start += 1 }
            } else {
                start = r.location + r.length
            }
        } while f.global && start <= len
        return testOnly ? .bool(false) : .array(results)
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
}
