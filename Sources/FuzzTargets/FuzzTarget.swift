import Diagnostics

/// The fuzz entry points: each takes arbitrary bytes and runs one input surface over them
/// the way the command line would (decode, then the engine's next step, then render the
/// diagnostics), returning nothing. None prints, and none may crash or hang on any input:
/// the libFuzzer executables in `Fuzz/` call them, and `FuzzRegressionTests` replays every
/// input that once crashed one of them (`Tests/FuzzRegressions/<name>/`).
public struct FuzzTarget: Sendable {
    /// The name used by `Fuzz/run.sh`, the executable (`fuzz-<name>`) and the regression folder.
    public let name: String
    /// What the target covers, for `Fuzz/run.sh --list`.
    public let summary: String
    /// Runs one input.
    public let run: @Sendable (UnsafeRawBufferPointer) -> Void

    /// Runs one input given as bytes.
    public func callAsFunction(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { run($0) }
    }

    /// Every target, in the order `Fuzz/run.sh all` runs them.
    public static let all: [FuzzTarget] = [
        FuzzTarget(name: "json", summary: "JSONParser.parseAll and printing", run: JSONFuzz.run),
        FuzzTarget(name: "jq-compile", summary: "the jq lexer, parser, resolver and compiler", run: JQFuzz.compile),
        FuzzTarget(name: "jq-eval", summary: "a jq program (first line) run on JSON (the rest), bounded", run: JQFuzz.evaluate),
        FuzzTarget(name: "policy", summary: "PolicyLoader.load, validation, evaluation and explanation", run: PolicyFuzz.run),
        FuzzTarget(name: "lab", summary: "the lab file decoder", run: ContentFuzz.lab),
        FuzzTarget(name: "question", summary: "the question file decoder", run: ContentFuzz.question),
        FuzzTarget(name: "scenario", summary: "the scenario decoder and a short traffic run", run: ContentFuzz.scenario),
        FuzzTarget(name: "pss", summary: "Pod Security manifests and namespace files", run: ObjectFuzz.pss),
        FuzzTarget(name: "rbac", summary: "RBAC objects and the authorizer built from them", run: ObjectFuzz.rbac),
        FuzzTarget(name: "netpol", summary: "NetworkPolicy objects, the cluster model and a truth table", run: NetPolFuzz.run),
    ]

    /// The target called `name`.
    public static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }

    /// The bytes as a source file, as `InputFile.read` would give them.
    static func source(_ data: UnsafeRawBufferPointer, name: String = "fuzz.yaml") -> SourceFile {
        SourceFile(name: name, bytes: Array(data))
    }

    /// Renders diagnostics as the command line does, so spans that point outside the text are caught.
    static func render(_ diagnostics: [Diagnostic], _ source: SourceFile) {
        let renderer = DiagnosticRenderer(color: false, maxLineWidth: 100)
        _ = renderer.render(diagnostics, in: source)
        for d in diagnostics { _ = renderer.renderShort(d, in: source) }
    }
}
