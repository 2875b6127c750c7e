import Diagnostics
import JQ
import JSONValue
import Testing

/// Compile diagnostics a learner can act on, and limits that make untrusted programs safe to grade.
struct SafetyTests {
    @Test func unknownFunctionSuggestsTheClosestName() throws {
        do {
            _ = try JQProgram.compile(".[] | mpa(.x)")
            Issue.record("expected a compile error")
        } catch {
            let d = try #require(error.diagnostics.first)
            #expect(d.message == "mpa/1 is not defined")
            #expect(d.help == "did you mean map/1?")
            #expect(d.span == Span(start: 6, end: 13))
        }
    }

    @Test func wrongArityIsReported() throws {
        do {
            _ = try JQProgram.compile("map")
            Issue.record("expected a compile error")
        } catch {
            #expect(error.diagnostics.first?.message == "map/0 is not defined")
            #expect(error.diagnostics.first?.help?.contains("map/1") == true)
        }
    }

    @Test func everyUnknownNameIsCollected() throws {
        do {
            _ = try JQProgram.compile("[$nope, lenght, foo(1)]")
            Issue.record("expected a compile error")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["$nope is not defined", "lenght/0 is not defined", "foo/1 is not defined"])
            #expect(error.diagnostics[1].help == "did you mean length/0?")
        }
    }

    @Test(arguments: ["1 +", ".a[", "if . then 1", "{a:}", ". as [] | .", "\"\\v\"", "{(0):1} | 1 == 2 == 3"])
    func syntaxErrorsFailToCompile(_ program: String) {
        #expect(throws: JQCompileFailure.self) { try JQProgram.compile(program) }
    }

    @Test func endlessRecursionIsALimitErrorNotACrash() throws {
        let p = try JQProgram.compile("def f: 1 + f; f")
        #expect(throws: JQLimitExceeded.self) {
            try JQProgram.withLargeStack { try p.outputs(.null) }
        }
    }

    @Test func recursionOnASmallStackThreadIsStillSafe() throws {
        let p = try JQProgram.compile("def f: [f]; f")
        // No large stack here: the interpreter measures the stack it has.
        #expect(throws: JQLimitExceeded.self) { try p.outputs(.null) }
    }

    @Test func stepLimitStopsAnInfiniteLoop() throws {
        let p = try JQProgram.compile("repeat(1) | empty")
        let env = JQEnvironment(limits: JQLimits(maxSteps: 100_000))
        #expect(throws: JQLimitExceeded.self) { try p.outputs(.null, environment: env) }
    }

    @Test func outputLimit() throws {
        let p = try JQProgram.compile("range(1000)")
        let env = JQEnvironment(limits: JQLimits(maxOutputs: 10))
        #expect(throws: JQLimitExceeded.self) { try p.outputs(.null, environment: env) }
    }

    @Test func cancellationIsPolled() throws {
        let p = try JQProgram.compile("def loop: loop; [range(1e9)] | length")
        let env = JQEnvironment()
        env.cancellation.cancel()
        #expect(throws: JQCancelled.self) { try p.outputs(.null, environment: env) }
    }

    @Test func haltErrorCarriesExitCodeAndValue() throws {
        let p = try JQProgram.compile(#""bye\n" | halt_error(3)"#)
        do {
            _ = try p.outputs(.null)
            Issue.record("expected halt")
        } catch let h as JQHalt {
            #expect(h.exitCode == 3)
            #expect(h.stderrText == "bye\n")
        }
    }

    @Test func runtimeErrorLineMatchesJq() throws {
        let p = try JQProgram.compile("error({\"a\":1})")
        do {
            _ = try p.outputs(.null)
        } catch let e as JQRuntimeError {
            #expect(e.jqErrorLine(at: "<stdin>:1") == #"jq: error (at <stdin>:1) (not a string): {"a":1}"#)
        }
    }

    @Test func inputsAndDebugGoThroughTheEnvironment() throws {
        var queue: [JSON] = [.number(2), .number(3)]
        var messages: [String] = []
        let env = JQEnvironment(nextInput: { queue.isEmpty ? nil : queue.removeFirst() },
                                diagnosticsSink: { messages.append($0) })
        let p = try JQProgram.compile("[., inputs] | debug | add")
        #expect(try p.outputs(.number(1), environment: env) == [.number(6)])
        #expect(messages == ["[\"DEBUG:\",[1,2,3]]\n"])
    }

    @Test func namedArgumentsBecomeVariables() throws {
        let p = try JQProgram.compile("[$x, $ARGS.named.x, $ARGS.positional[0]]",
                                      options: JQCompileOptions(namedArguments: [("x", .string("v"))],
                                                                positionalArguments: [.number(7)]))
        #expect(try p.outputs(.null).map { JSONPrinter.compact($0) } == [#"["v","v",7]"#])
    }
}
