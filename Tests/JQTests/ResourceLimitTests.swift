import JQ
import JSONValue
import Testing

/// Native work (regex matching, string repetition, sorting, joining) reaches the run's
/// limits and cancellation, and unbounded regex backtracking fails the way jq's does.
struct ResourceLimitTests {
    @Test func catastrophicBacktrackingFailsLikeOniguruma() {
        let input = #""aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!""#
        #expect(jqResult(#"test("(a|a)*$")"#, input) == ["error: Regex failure: retry-limit-in-match over"])
        #expect(jqResult(#"try test("(a|a)*$") catch ."#, input) == [#""Regex failure: retry-limit-in-match over""#])
    }

    @Test func longInputsAreNotMistakenForBacktracking() throws {
        // One progress report per start position is allowed on top of the budget.
        #expect(try jq(#"[range(50000)] | tojson | test("x")"#) == ["false"])
        #expect(try jq(#"[range(20000)] | tojson | [match("1"; "g")] | length"#) == ["18000"])
    }

    @Test func globalMatchesKeepJqsEmptyMatchRules() throws {
        #expect(try jq(#""qux" | [match("(?=u)"; "g") | .offset]"#) == ["[1]"])
        #expect(try jq(#""baaa" | [match("a*"; "g") | [.offset, .length]]"#) == ["[[0,0],[1,3],[4,0]]"])
        #expect(try jq(#""aXbX" | [match(""; "gn")]"#) == ["[]"])
        #expect(try jq(#""abc" | [splits("")]"#) == [#"["","a","b","c",""]"#])
    }

    /// Each of these ends in one native call that runs long. The run is cancelled by the
    /// `debug` just before it, so only a poll inside the native can notice.
    static let longNatives = [
        #"debug("go") | "x" * 1e9 | length"#,
        #"[range(300000) | tostring] | debug("go") | sort | length"#,
        #"[range(300000) | [.]] | debug("go") | group_by(.) | length"#,
        #"[range(300000) | tostring] | debug("go") | join(",") | length"#,
        #"[range(300000) | 65] | debug("go") | implode | length"#,
        #"[range(300000) | [.]] | debug("go") | add | length"#,
        #"[range(300000) | "a"] | add | debug("go") | test("(a|a)*$")"#,
        #""x" * 300000 | debug("go") | [splits("x")] | length"#,
        #""x" * 100000000 | debug("go") | length"#,
    ]

    @Test(arguments: longNatives)
    func cancellationReachesNativeWork(_ program: String) throws {
        let p = try JQProgram.compile(program)
        let cancellation = JQCancellation()
        let env = JQEnvironment(diagnosticsSink: { _ in cancellation.cancel() }, cancellation: cancellation)
        #expect(throws: JQCancelled.self) {
            try JQProgram.withLargeStack { try p.outputs(.null, environment: env) }
        }
    }

    @Test func aHugeRepeatStopsAtTheDeadline() throws {
        let p = try JQProgram.compile(#""x" * 1e9 | length"#)
        let env = JQEnvironment(limits: JQLimits(deadline: ContinuousClock.now + .milliseconds(50)))
        #expect(throws: JQLimitExceeded.self) {
            try JQProgram.withLargeStack { try p.outputs(.null, environment: env) }
        }
    }

    @Test func nativeWorkCountsAsSteps() throws {
        let p = try JQProgram.compile(#""x" * 100000000 | length"#)
        let env = JQEnvironment(limits: JQLimits(maxSteps: 10_000))
        #expect(throws: JQLimitExceeded.self) {
            try JQProgram.withLargeStack { try p.outputs(.null, environment: env) }
        }
    }

    /// Splitting walks the string once (a slice per piece from the start was quadratic:
    /// a million pieces took minutes), and gives jq's pieces, codepoints and all.
    @Test func splitsIsLinearAndKeepsJqsPieces() throws {
        #expect(try jq(#""x" * 1000000 | [splits("x")] | length"#) == ["1000001"])
        #expect(try jq(#""aé😀béc" | [splits("é")]"#) == [#"["a","😀b","c"]"#])
        #expect(try jq(#""a1b22c333" | [splits("[0-9]+")]"#) == [#"["a","b","c",""]"#])
        #expect(try jq(#""xAyaz" | [splits("a"; "i")]"#) == [#"["x","y","z"]"#])
        #expect(try jq(#""😀a😀" | split("a"; null)"#) == [#"["😀","😀"]"#])
    }

    /// A string's length is its codepoints, however long the string.
    @Test func lengthCountsCodepointsOfLongStrings() throws {
        #expect(try jq(#""é😀a" * 2000 | length"#) == ["6000"])
        #expect(try jq(#""é😀a" * 2000 | utf8bytelength"#) == ["14000"])
        #expect(try jq(#"[range(5000) | 233] | implode | length"#) == ["5000"])
    }

    /// Assigning past an array's end pads it with nulls in one step; the padding counts
    /// as steps, charged before it is allocated (found by fuzzing: `.[65516545] = $i`
    /// grew a 2 GB array under a 5,000-step limit).
    @Test func paddingAnArrayCountsAsSteps() throws {
        let p = try JQProgram.compile("[] | .[65516545] = 1 | length")
        let env = JQEnvironment(limits: JQLimits(maxSteps: 50_000_000))
        #expect(throws: JQLimitExceeded.self) {
            try JQProgram.withLargeStack { try p.outputs(.null, environment: env) }
        }
        let small = JQEnvironment(limits: JQLimits(maxSteps: 50_000_000))
        #expect(try jq("[] | .[100000] = 1 | length", env: small) == ["100001"])
        #expect(try jq("null | .[3] = 1") == ["[null,null,null,1]"])
        #expect(jqResult("[] | .[536870912] = 1") == ["error: Array index too large"])
    }

    @Test func repeatKeepsJqsSizeLimit() {
        #expect(jqResult(#""xx" * 1e19"#) == ["error: Repeat string result too long"])
        #expect(jqResult(#""abc" * 3"#) == [#""abcabcabc""#])
        #expect(jqResult(#""é" * 2.5"#) == [#""éé""#])
    }
}

/// Values nested far deeper than the input parser allows (built inside jq) are walked
/// without overflowing the stack: iteratively, within jq's depth limits, or as a limit error.
struct DeepValueTests {
    static let deep = "reduce range(100000) as $i (null; [.])"

    static let cases: [(String, [String])] = [
        ("\(deep) | del(.[0]) | length", ["0"]),
        ("\(deep) | tojson | length", ["20021"]),
        ("\(deep) | . == .", ["true"]),
        ("\(deep) | [..] | length", ["100001"]),
        ("reduce range(100000) as $i (null; {a: .}) | [paths(type == \"null\")] | length", ["1"]),
        ("\(deep) | flatten | length", ["1"]),
        ("\(deep) | walk(.) | length", ["1"]),
        ("\(deep) | contains(.)", ["error: Containment check too deep"]),
        ("reduce range(100000) as $i (null; {a: .}) | . * . | length", ["error: Object merge too deep"]),
        ("\(deep) | tojson | fromjson | length", ["error: Exceeds depth limit for parsing at line 1, column 10001 (while parsing '\(String(repeating: "[", count: 10)))"]),
        ("\(deep) | [.] | sort | length", ["1"]),
        ("[limit(3; \(deep) | recurse)] | length", ["3"]),
        ("\(deep) | [.[0]] | group_by(.) | length", ["1"]),
    ]

    @Test(arguments: cases)
    func deepValuesAreSafe(_ program: String, _ expected: [String]) {
        let got = jqResult(program)
        if expected.first?.hasPrefix("error: Exceeds depth limit") == true {
            #expect(got.first?.hasPrefix("error: Exceeds depth limit for parsing at line 1, column 10001") == true)
        } else {
            #expect(got == expected, "\(program)")
        }
    }

    /// `tostream` recurses per level: at this depth it is a clean error (jq says "Path too deep").
    @Test func tostreamOfADeepValueIsAnErrorNotACrash() {
        let got = jqResult("\(Self.deep) | [tostream] | length")
        #expect(got.count == 1 && got[0].hasPrefix("error: "))
    }

    /// `paths` extends one path buffer in place; every emitted path is still its own value.
    /// (All of `[paths]` here would be 5 * 10^9 path elements: as in jq, too big to collect.)
    @Test func pathsOfADeepValueStartAtOnce() throws {
        #expect(try jq("[limit(3; \(Self.deep) | paths)]") == ["[[0],[0,0],[0,0,0]]"])
        #expect(try jq(#"[{"a": [1, {"b": 2}]} | paths]"#) == [#"[["a"],["a",0],["a",1],["a",1,"b"]]"#])
    }
}
