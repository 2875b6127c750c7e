import Foundation
import Testing
import JQCLI

/// `kcsa jq` reading inputs on demand must print exactly what it prints when it
/// parses every input in full (`KCSA_JQ_FULL_PARSE`): same standard output, same
/// errors (messages and positions), same exit status. Inputs are generated
/// (valid and malformed), and so are the path filters.
struct OnDemandDifferentialTests {
    struct Run: Equatable {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// Runs `kcsa jq` in-process on `input` as standard input.
    static func run(_ args: [String], input: [UInt8], full: Bool) -> Run {
        final class Box: @unchecked Sendable {
            var input: [UInt8] = []
            var offset = 0
            var out: [UInt8] = []
            var err = ""
        }
        let box = Box()
        box.input = input
        let streams = JQStreams(
            readStdin: { buf in
                // Small reads, so values are cut at chunk boundaries too (a value cut
                // is read again from its start, so long inputs come in larger reads).
                let n = min(buf.count, box.input.count - box.offset, box.input.count > 400 ? 4096 : 7)
                for i in 0 ..< n { buf[i] = box.input[box.offset + i] }
                box.offset += n
                return n
            },
            writeStdout: { bytes in box.out.append(contentsOf: bytes); return true },
            writeStderr: { box.err += $0 },
            environment: full ? ["KCSA_JQ_FULL_PARSE": "1"] : [:],
            stdoutIsTerminal: false, stderrIsTerminal: false, stdinIsTerminal: false)
        let status = JQRunner.run(arguments: args, streams: streams)
        return Run(stdout: String(decoding: box.out, as: UTF8.self), stderr: box.err, status: status)
    }

    static func expectSame(_ args: [String], _ input: [UInt8]) {
        let onDemand = run(args, input: input, full: false)
        let full = run(args, input: input, full: true)
        #expect(onDemand == full, "jq \(args) on \(String(decoding: input, as: UTF8.self).debugDescription)")
    }

    /// Path filters over the generated keys.
    struct Filters {
        var g: Generator
        static let keys = ["a", "b", "k", "c", "é"]

        mutating func path() -> String {
            var s = ""
            for _ in 0 ..< 1 + g.below(3) {
                switch g.below(6) {
                case 0: s += "[]?"
                case 1: s += "[\(g.below(3) - 1)]"
                case 2: s += "[\"\(g.pick(Filters.keys))\"]"
                default: s += "." + (g.below(5) == 0 ? "\"a b\"" : g.pick(Filters.keys))
                }
            }
            return s.hasPrefix(".") ? s : "." + s
        }

        mutating func filter() -> String {
            switch g.below(12) {
            case 0: return "."
            case 1: return "select(\(path()))"
            case 2: return "select(\(path()) == \(g.pick(["1", "null", "\"x\"", "true"])))"
            case 3: return "{x: \(path()), y: \(path())}"
            case 4: return "\(path()) | length"
            case 5: return "[\(path())]"
            case 6: return "\(path()) // \(path())"
            case 7: return "if \(path()) then \(path()) else . end"
            case 8: return "map(\(path()))?"
            case 9: return "try \(path()) catch ."
            case 10: return "\(path()) | type"
            default: return path()
            }
        }
    }

    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }
    }

    static let inputs: [String] = [
        #"{"a":{"b":1,"k":[1,2]},"c":"x"} {"a":2} {"a":{"b":"q"},"a":{"b":3}}"#,
        #"{"a":[{"k":1},{"k":[2]},3]} [1,[2],{"a":1}] "s" 7 null"#,
        #"{"a" : 1 , "b":[ 1.0 ,1E2,-0]} {"a":"\u0026\/"} {"é":1,"é":{"b":2}}"#,
        #"{"a":{"b":1}} {"a":tru}"#, #"{"a":1} {"a":"\q"}"#, #"{"a":1} {"a":[1,]}"#, #"{"a":1} {"a":"x"#,
        #"{"a":1}{"b":2}[3]"#, #"{"a":1} {"a" 1}"#, "{\"a\":1}\n{\"b\":\n[1,\n2 3]}", #"{"a":01}"#,
        #"{"\u0061":{"b":5},"a b":1}"#, "[" + String(repeating: "[", count: 1100) + String(repeating: "]", count: 1100) + "]",
        "{\"a\":" + String(repeating: "[", count: 10_001) + "}",
    ]

    @Test("fixed inputs, fixed filters", arguments: [["-c"], [], ["-r"], ["-c", "-S"], ["--seq", "-c"], ["-e", "-c"]])
    func fixed(options: [String]) {
        let filters = [".", ".a", ".a.b", "select(.a)", "select(.a.b == 3)", ".[]?", ".a[0]", "{x: .a.b}", "map(.k)?",
                       ".a | length", "try .a.b catch .", ".\"a b\"", ".é"]
        for text in OnDemandDifferentialTests.inputs {
            for f in filters { OnDemandDifferentialTests.expectSame(options + [f], Array(text.utf8)) }
        }
    }

    @Test("generated inputs and filters", arguments: 0 ..< 6)
    func generated(seed: Int) {
        var docs = DocumentSource(seed: UInt64(seed) &+ 1000)
        var filters = Filters(g: Generator(state: UInt64(seed) &* 7919))
        for _ in 0 ..< 60 {
            let input = docs.next()
            let filter = filters.filter()
            let options = filters.g.pick([["-c"], [], ["-r"], ["-s", "-c"]])
            OnDemandDifferentialTests.expectSame(options + [filter], input)
        }
    }

    @Test("-s with the six benchmark-style filters")
    func slurpQueries() {
        var docs = DocumentSource(seed: 99)
        for _ in 0 ..< 30 {
            let input = docs.next()
            for f in ["group_by(.a) | map({a: .[0].a, n: length}) | sort_by(-.n) | .[:10]", "length", "map(.b)",
                      "sort_by(.k) | map(.a)"] {
                OnDemandDifferentialTests.expectSame(["-s", "-c", f], input)
            }
        }
    }
}

/// Generated input texts: a few values each, sometimes broken.
struct DocumentSource {
    var g: OnDemandDifferentialTests.Generator
    init(seed: UInt64) { g = .init(state: seed) }

    static let keys = [#""a""#, #""b""#, #""k""#, #""c""#, #""\u0061""#, #""é""#, #""a b""#,
                       #""a_very_long_key_name_of_forty_bytes_xx""#]
    static let scalars = [#""x""#, #""""#, #""a\"b""#, #""\u0026""#, #""\n""#, #""é😀""#, "0", "1", "-3", "2.50",
                          "1E2", "-0", "123456789012345678901", "true", "false", "null",
                          // Long strings: the scanners take sixteen and eight bytes at a time, so
                          // quotes, escapes, DEL, control and non-ASCII bytes sit at every offset.
                          #""abcdefghijklmnopqrstuvwxyz0123456789""#, #""abcdefghijklmnopqrs\"tuvwxyz0123456789\n""#,
                          #""aaaaaaaaaaaaaaaaaaaaaaaé😀bbbbbbbbbbbbbbbbb""#, "\"0123456789abcdef\u{7F}0123456789\"",
                          #""0123456789abcdefghijklmno\u0041pqrstuvwxyz""#, #""/api/v1/namespaces/default/pods/web-0/exec""#]

    mutating func value(_ depth: Int) -> String {
        switch depth > 3 ? 0 : g.below(5) {
        case 0, 1: return g.pick(DocumentSource.scalars)
        case 2, 3:
            let members = (0 ..< g.below(5)).map { _ in
                g.pick(DocumentSource.keys) + g.pick(["", " "]) + ":" + value(depth + 1)
            }
            return "{" + members.joined(separator: g.pick([",", ", "])) + "}"
        default:
            return "[" + (0 ..< g.below(4)).map { _ in value(depth + 1) }.joined(separator: ",") + "]"
        }
    }

    mutating func next() -> [UInt8] {
        var text = Array((0 ..< 1 + g.below(4)).map { _ in value(g.below(2)) }.joined(separator: g.pick(["\n", " ", ""])).utf8)
        if g.below(3) == 0, !text.isEmpty {
            let i = g.below(text.count)
            switch g.below(4) {
            case 0: text.removeSubrange(i...)
            case 1: text.remove(at: i)
            case 2: text.insert(g.pick(Array(#""\,]}:x"#.utf8) + [0x01, 0x7F, 0xFF, 0xC3]), at: i)
            default: text.insert(contentsOf: Array(g.pick([#"\q"#, #"\ud800"#, "01", "tru"]).utf8), at: i)
            }
        }
        return text
    }
}
