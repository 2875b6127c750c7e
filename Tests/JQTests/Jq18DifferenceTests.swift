import JQ
import JSONValue
import Testing

/// Behaviour that changed in jq 1.8 (checked against jq 1.8.2's src/builtin.jq and
/// src/builtin.c), and the in-place `reduce` steps that must keep jq's results.
struct Jq18DifferenceTests {
    /// jq 1.8's jv_has answers false for null, whatever the key.
    @Test(arguments: [#"null | has("k")"#, "null | has(0)", "null | has(nan)"])
    func nullHasNoKeys(_ program: String) throws {
        #expect(try jq(program) == ["false"])
    }

    @Test func hasStillRejectsOtherTypes() {
        #expect(jqResult(#"1 | has("a")"#) == ["error: Cannot check whether number has a string key"])
        #expect(jqResult(#"{} | has(0)"#) == ["error: Cannot check whether object has a number key"])
    }

    /// Removed from builtin.jq in jq 1.8: `leaf_paths`, and the internal `_nwise`.
    @Test(arguments: ["leaf_paths", "_nwise(2)", "_nwise(.; 2)"])
    func removedDefinitionsAreCompileErrors(_ program: String) throws {
        do {
            _ = try JQProgram.compile(program)
            Issue.record("expected a compile error")
        } catch {
            let name = program.hasPrefix("leaf") ? "leaf_paths/0" : (program.contains(";") ? "_nwise/2" : "_nwise/1")
            #expect(error.diagnostics.first?.message == "\(name) is not defined")
        }
    }

    @Test func builtinsNoLongerListLeafPaths() throws {
        #expect(try jq(#"builtins | map(select(startswith("leaf_paths"))) | length"#) == ["0"])
    }

    /// Changed in jq 1.8: limit/skip reject negative counts, bsearch is native, from_entries
    /// is `map(...) | add // {}`, `add/1`, `ltrimstr` on non-strings errors, `flatten(nan)`.
    static let changed: [(String, [String])] = [
        ("[limit(-1; 1, 2)]", ["error: limit doesn't support negative count"]),
        ("[skip(-1; 1, 2)]", ["error: skip doesn't support negative count"]),
        ("[skip(1; 1, 2, 3)]", ["[2,3]"]),
        ("[1, 2, 3] | bsearch(2, 0, 4)", ["1", "-1", "-4"]),
        (#"[{"key": "a", "value": 1}, {"name": "b", "Value": 2}, {"k": 3, "key": "c"}] | from_entries"#, [#"{"a":1,"b":2,"c":null}"#]),
        (#"[{"key": 7, "value": 1}] | from_entries"#, ["error: Cannot use number (7) as object key"]),
        ("[] | from_entries", ["{}"]),
        (#"[{"key": null, "value": 1}] | from_entries"#, ["error: Cannot use null (null) as object key"]),
        ("add(1, 2, 3)", ["6"]),
        (#""abc" | ltrimstr(1)"#, ["error: startswith() requires string inputs"]),
        ("[1, [2]] | flatten(nan)", ["error: flatten depth must not be negative"]),
    ]

    @Test(arguments: changed)
    func changedBuiltins(_ program: String, _ expected: [String]) {
        #expect(jqResult(program) == expected, "\(program)")
    }

    /// `reduce` applies these updates to its accumulator in place; results (including
    /// several or no outputs of the update, and errors) are those of plain evaluation.
    static let inPlace: [(String, [String])] = [
        (#"reduce range(5) as $i ({}; .[$i | tostring] = $i)"#, [#"{"0":0,"1":1,"2":2,"3":3,"4":4}"#]),
        ("reduce range(3) as $i ([]; .[$i] = $i * 2)", ["[0,2,4]"]),
        ("reduce range(3) as $i ({}; .a += $i)", [#"{"a":3}"#]),
        ("reduce range(3) as $i ({}; .a |= . + 1)", [#"{"a":3}"#]),
        ("reduce range(3) as $i (null; .a //= $i)", [#"{"a":0}"#]),
        ("reduce range(3) as $i ({}; .[$i | tostring] = ($i, 10))", [#"{"0":10,"1":10,"2":10}"#]),
        ("reduce range(3) as $i ({}; .a = empty)", ["null"]),
        ("reduce range(3) as $i ([]; . + [$i])", ["[0,1,2]"]),
        (#"reduce ("a", "b") as $s (""; . + $s)"#, [#""ab""#]),
        ("reduce range(3) as $i ({}; . + {($i | tostring): $i})", [#"{"0":0,"1":1,"2":2}"#]),
        ("reduce range(2) as $i ([1]; . + .)", ["[1,1,1,1]"]),
        ("reduce range(3) as $i (0; . + ($i, 100))", ["300"]),
        ("reduce range(3) as $i ({}; . + empty)", ["null"]),
        ("reduce range(3) as $i ({}; .a[1:2] = 5)", ["error: A slice of an array can only be assigned another array"]),
        (". as $x | reduce range(2) as $i ($x; .[$i] = $i) | [., $x]", ["[[0,1],[9]]"]),
    ]

    @Test(arguments: inPlace)
    func inPlaceReduceSteps(_ program: String, _ expected: [String]) {
        let input = program.hasPrefix(". as $x") ? "[9]" : "null"
        #expect(jqResult(program, input) == expected, "\(program)")
    }
}
