import Testing
@testable import JSONValue

/// Reading through a `JSONPathPlan`: the pruned value equals pruning the fully
/// parsed value, errors equal the full parser's (text and position), and the
/// canonical check says yes exactly when jq's `-c` text is the input's text.
struct JSONPruningTests {
    enum Outcome: Equatable {
        case values([String])
        case error([String], String)
    }

    /// Every value of `text` through `plan` (nil: the full parser), fed in chunks.
    static func read(_ text: [UInt8], plan: JSONPathPlan?, chunk size: Int) -> Outcome {
        var p = JSONStreamParser()
        var out: [String] = []
        var i = 0
        while true {
            do throws(JSONParseError) {
                let next: JSONStreamParser.Next
                if let plan { next = try p.next(pruning: plan, checkCanonical: true) } else { next = try p.next() }
                switch next {
                case .value(let v):
                    out.append(JSONPrinter.compact(v))
                case .end: return .values(out)
                case .needMore:
                    if i >= text.count { p.finish(); continue }
                    let j = min(text.count, i + size)
                    p.append(Array(text[i ..< j]))
                    i = j
                }
            } catch {
                return .error(out, error.message)
            }
        }
    }

    static func plans() -> [JSONPathPlan] {
        let empty = JSONPathPlan()
        let ab = JSONPathPlan()
        ab.field("a").field("b").whole = true
        let each = JSONPathPlan()
        each.elements().field("k").whole = true
        let mixed = JSONPathPlan()
        mixed.field("a").elements().whole = true
        mixed.field("c")
        mixed.elements().field("b")
        for p in [empty, ab, each, mixed] { p.normalize() }
        return [empty, ab, each, mixed]
    }

    static let fixed: [String] = [
        #"{"a":{"b":1,"c":[1,2]},"d":"x"}"#, #"{"a":{"b":[true,null]}} {"a":2}"#,
        #"{"a":1,"a":{"b":2}}"#, #"{"a":{"b":2},"a":3}"#, #"[{"k":1},{"k":[2]},3,"s"]"#,
        #"{"a" : 1}"#, #"{"a":"\u0026"}"#, #"{"a":"\u001f\u007f"}"#, #"{"a":"\u001F"}"#, #"{"a":"\/"}"#,
        #"{"a":1E2}"#, #"{"a":1.0}"#, #"{"a":-0}"#, #"{"a":100000000000000000000}"#, #"{"a":01}"#,
        #"{"a":.5}"#, #"{"a":1.}"#, #"{"a":nan}"#, #"{"a":tru}"#, #"{"a":"\q"}"#, #"{"a":"\u12G4"}"#,
        #"{"a":"\ud83d\ude00"}"#, #"{"a":"\ud800"}"#, "{\"a\":\"\u{1}\"}", #"{"a":[1,]}"#, #"{"a":{"b":1,}}"#,
        #"{"a":1"#, #"{"a":"x"#, #"{"a":[1,2"#, #"{"a" 1}"#, #"{"a":1 "b":2}"#, #"{1:2}"#, #"[1 2]"#,
        #"{"a":{"b":1}}}"#, #"{"a":]}"#, #"{"\u0061":{"b":5}}"#, #"{"é":1,"é":2}"#, #"{"a":"é"}"#,
        "[" + String(repeating: "[", count: 1200) + String(repeating: "]", count: 1200) + "]",
        String(repeating: "[", count: 10_001) + String(repeating: "]", count: 10_001),
        #"{"a":1}{"a":2}[3]"#, " \n{\"a\":\n1}\n", "1 2 [3] \"s\" null true", "\u{FEFF}{\"a\":1}",
    ]

    @Test("fixed inputs: pruned reading equals pruning the full reading", arguments: [1, 5, 64, 1 << 16])
    func fixedInputs(chunk: Int) {
        for text in JSONPruningTests.fixed {
            let bytes = Array(text.utf8)
            // A value cut in small chunks is re-read from its start each time: keep that small.
            if chunk < 4096 && bytes.count > 400 { continue }
            for plan in JSONPruningTests.plans() {
                let expected = JSONPruningTests.applyPlan(bytes, plan, chunk: chunk)
                let got = JSONPruningTests.read(bytes, plan: plan, chunk: chunk)
                #expect(got == expected, "\(text) through \(plan)")
            }
        }
    }

    /// The full reading of `bytes`, each value then pruned by `plan`.
    static func applyPlan(_ bytes: [UInt8], _ plan: JSONPathPlan, chunk: Int) -> Outcome {
        var p = JSONStreamParser()
        var out: [String] = []
        var i = 0
        while true {
            do throws(JSONParseError) {
                switch try p.next() {
                case .value(let v): out.append(JSONPrinter.compact(plan.prune(v)))
                case .end: return .values(out)
                case .needMore:
                    if i >= bytes.count { p.finish(); continue }
                    let j = min(bytes.count, i + chunk)
                    p.append(Array(bytes[i ..< j]))
                    i = j
                }
            } catch {
                return .error(out, error.message)
            }
        }
    }

    @Test("canonical: yes exactly when jq's -c text is the input text")
    func canonical() throws {
        let cases: [(String, Bool)] = [
            (#"{"a":{"b":1,"c":[1,2.5,-3,0]},"d":"x y","e":null,"f":true,"g":[]}"#, true),
            (#"{"a":"\"\\\n\t\u0001\u007f","b":"é😀"}"#, true),
            (#"{"a" :1}"#, false), (#"{"a":1 }"#, false), (#"[1, 2]"#, false),
            (#"{"a":"\u0026"}"#, false), (#"{"a":"\u001F"}"#, false), (#"{"a":"\/"}"#, false),
            (#"{"a":"\n"}"#, true), (#"{"a":"\u000a"}"#, false), (#"{"a":1E2}"#, false),
            (#"{"a":1.0}"#, true), (#"{"a":1.50}"#, true), (#"{"a":-0}"#, true),
            (#"{"a":100000000000000000000}"#, true), (#"{"a":1e1000}"#, false),
            (#"{"a":1,"a":2}"#, false), (#"{"a":{"x":1,"x":2}}"#, false), (#"[{"x":1},{"x":2}]"#, true),
            ("{\"a\":\"\u{7F}\"}", false), ("{\"a\":\"\u{FF}\"}", true),
        ]
        for (text, canonical) in cases {
            for plan in JSONPruningTests.plans() {
                var p = JSONStreamParser()
                p.append(Array(text.utf8))
                p.finish()
                guard case .value = try p.next(pruning: plan, checkCanonical: true) else {
                    Issue.record("no value for \(text)")
                    continue
                }
                #expect(p.lastValueIsCanonical == canonical, "\(text) through \(plan)")
                // And the claim is true: the printed whole value is the text.
                if p.lastValueIsCanonical {
                    #expect(JSONPrinter.compact(p.lastValueComplete()) == text)
                }
            }
        }
        // Invalid UTF-8 is replaced when parsed, so it is never written through.
        var p = JSONStreamParser()
        p.append([0x5B, 0x22, 0xFF, 0x22, 0x5D])
        p.finish()
        _ = try p.next(pruning: JSONPathPlan(), checkCanonical: true)
        #expect(!p.lastValueIsCanonical)
    }

    @Test("generated inputs and mutations", arguments: 0 ..< 8)
    func generated(seed: Int) {
        var g = GeneratedJSON(seed: UInt64(seed) &* 0x9E37_79B9 &+ 17)
        for _ in 0 ..< 150 {
            var text = g.document()
            if g.below(2) == 0 { text = g.mutate(text) }
            let chunk = [1, 3, 17, 4096][g.below(4)]
            for plan in JSONPruningTests.plans() {
                let expected = JSONPruningTests.applyPlan(text, plan, chunk: chunk)
                let got = JSONPruningTests.read(text, plan: plan, chunk: chunk)
                #expect(got == expected, "\(String(decoding: text, as: UTF8.self)) through \(plan)")
            }
        }
    }
}

/// Random JSON texts for the differential tests: keys from a small set (so plans
/// hit them, and keys repeat), strings with escapes and non-ASCII text, numbers
/// in forms jq reads and rewrites, whitespace, nesting; and mutations that break them.
struct GeneratedJSON {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }

    static let keys = [#""a""#, #""b""#, #""k""#, #""c""#, #""\u0061""#, #""é""#, #""a b""#, #""""#]
    static let strings = [#""x""#, #""""#, #""a\"b""#, #""\u0026""#, #""\n\t""#, #""\/""#, #""é😀""#,
                          #""\ud83d\ude00""#, #""long string with spaces and words""#, #""\u007f""#]
    static let numbers = ["0", "1", "-3", "2.50", "1E2", "1e-5", "-0", "123456789012345678901", "0.1",
                          "1.0", "3e400"]
    static let whitespace = ["", "", "", " ", "\n", " \t "]

    mutating func ws() -> String { pick(GeneratedJSON.whitespace) }

    mutating func value(_ depth: Int) -> String {
        let k = depth > 4 ? below(4) : below(7)
        switch k {
        case 0: return pick(GeneratedJSON.strings)
        case 1: return pick(GeneratedJSON.numbers)
        case 2: return pick(["true", "false", "null"])
        case 3: return pick(GeneratedJSON.numbers)
        case 4, 5:
            let n = below(5)
            let members = (0 ..< n).map { _ in ws() + pick(GeneratedJSON.keys) + ws() + ":" + ws() + value(depth + 1) + ws() }
            return "{" + members.joined(separator: ",") + "}"
        default:
            let n = below(4)
            let items = (0 ..< n).map { _ in ws() + value(depth + 1) + ws() }
            return "[" + items.joined(separator: ",") + "]"
        }
    }

    /// One to three top-level values.
    mutating func document() -> [UInt8] {
        var s = ""
        for _ in 0 ..< 1 + below(3) { s += value(below(2)) + pick(["\n", " ", ""]) }
        return Array(s.utf8)
    }

    mutating func mutate(_ text: [UInt8]) -> [UInt8] {
        guard !text.isEmpty else { return text }
        var t = text
        let i = below(t.count)
        switch below(5) {
        case 0: t.removeSubrange(i...)
        case 1: t.remove(at: i)
        case 2: t.insert(pick(Array(#""\,]}:x{[0"#.utf8) + [0x01, 0xFF, 0x20]), at: i)
        case 3: t.insert(contentsOf: Array(pick([#"\q"#, #"\u12G4"#, #"\ud800"#, "01", "1.", "-", "tru"]).utf8), at: i)
        default: t[i] = pick(Array(#""\,]}:"#.utf8))
        }
        return t
    }
}
