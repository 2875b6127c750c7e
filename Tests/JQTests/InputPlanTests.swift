import Testing
import JSONValue
@testable import JQ

/// The input-path analysis: which filters read inputs on demand, and what they read.
struct InputPlanTests {
    static func plan(_ filter: String, slurp: Bool = false) throws -> JQInputPlan? {
        try JQProgram.compile(filter).inputPlan(slurp: slurp)
    }

    @Test("paths a filter reads", arguments: [
        (".a.b", "{a:{b:*}}", false),
        (".", "{}", true),
        (#"select(.objectRef.resource=="secrets")"#, "{objectRef:{resource:*}}", true),
        (".requestURI", "{requestURI:*}", false),
        (".a[0]", "{a:{[]:*}}", false),
        (".a[]?.b", "{a:{[]:{b:*}}}", false),
        ("select(.a) | .b", "{a:{},b:*}", false),
        (".a | length", "{a:*}", false),
        ("{u: .user.name, n: .x}", "{user:{name:*},x:*}", false),
        ("if .a then .b else empty end", "{a:{},b:*}", false),
        (".a // .b", "{a:*,b:*}", false),
        ("map(.a) | length", "{[]:{a:{}}}", false),
        ("empty", "{}", false),
        (".a | $__loc__", "{a:{}}", false),
        (".a as $x | $x.b", "{a:*}", false),
    ])
    func paths(filter: String, expected: String, outputsInput: Bool) throws {
        let p = try #require(try InputPlanTests.plan(filter))
        #expect(p.paths.description == expected)
        #expect(p.outputsInput == outputsInput)
    }

    @Test("filters that need whole inputs or other inputs are read in full", arguments: [
        "keys", "tojson", "..", "[paths]", "path(..)", "input", "[inputs]", "input_line_number", "input_filename",
        ". as $x | .a", "def f: .a; f", "to_entries", "tostring", ".[\"a\"] = 1", "{a: .}", "[.]", ". == 1",
        "getpath([\"a\"])", ".[1:]", ".a, .",
    ])
    func readsEverything(filter: String) throws {
        #expect(try InputPlanTests.plan(filter) == nil)
    }

    @Test("-s: the plan for each slurped value")
    func slurp() throws {
        let q5 = "group_by(.user.username) | map({user: .[0].user.username, n: length}) | sort_by(-.n) | .[:10]"
        #expect(try InputPlanTests.plan(q5, slurp: true)?.paths.description == "{user:{username:*}}")
        #expect(try InputPlanTests.plan("length", slurp: true)?.paths.description == "{}")
        #expect(try InputPlanTests.plan("map(.a)", slurp: true)?.paths.description == "{a:*}")
        #expect(try InputPlanTests.plan(".", slurp: true) == nil)
        #expect(try InputPlanTests.plan("sort_by(.a)", slurp: true) == nil)
    }
}
