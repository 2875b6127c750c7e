import ClusterSim
import Diagnostics
import Foundation
import NetworkPolicy
import Terminal
import Trainer

/// Reads `--objects` paths (files, or folders searched for .yaml/.yml/.json) into an
/// ObjectSet, rendering every problem at its file:line:col on stderr.
struct NetPolLoading {
    /// More files than this under the given folders is refused.
    static let maxFiles = 10_000
    static let extensions: Set<String> = ["yaml", "yml", "json"]

    var sources: [String: SourceFile] = [:]

    /// The files named, folders expanded in sorted path order.
    static func files(_ paths: [String]) throws(CLIError) -> [String] {
        var out: [String] = []
        for path in paths {
            var isDir: ObjCBool = false
            guard path == "-" || FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw CLIError("cannot read \(path): no such file or folder")
            }
            guard isDir.boolValue else { out.append(path); continue }
            let found = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
                .filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
                .sorted()
                .map { (path as NSString).appendingPathComponent($0) }
            out += found
            if out.count > maxFiles { throw CLIError("more than \(maxFiles) files under \(path)") }
        }
        return out
    }

    /// Decodes every file; problems are returned, not thrown, so all of them can be shown.
    mutating func decode(_ paths: [String]) throws(CLIError) -> (ObjectSet, [Problem]) {
        var set = ObjectSet()
        var problems: [Problem] = []
        for path in try Self.files(paths) {
            let source = try InputFile.read(path)
            sources[source.name] = source
            let (objects, p) = ObjectDecoder.decode(source)
            set.append(objects)
            problems += p
        }
        return (set, problems)
    }

    /// Renders problems on stderr with carets.
    func report(_ problems: [Problem]) {
        let renderer = DiagnosticRenderer(color: Console.stderrColor)
        for p in problems {
            Console.err(renderer.render(p.diagnostic, in: p.file.flatMap { sources[$0] }))
        }
    }

    /// `file:line:col` of a span, for explanations that point at a rule.
    func location(_ origin: ObjectOrigin?, _ path: String) -> String? {
        guard let origin, let source = sources[origin.file] else { return nil }
        return "\(origin.file):\(source.location(ofByte: origin.span(of: path).start))"
    }

    /// The model of a scenario's cluster at a point of its story (`--objects SCENARIO-ID`).
    mutating func model(scenario id: String, at point: ClusterReplay.Point) throws -> ClusterModel {
        let (s, state) = try ScenarioClusterLoading.state(id, at: point)
        for file in s.cluster.files where sources[file] == nil {
            if let source = try? InputFile.read(file) { sources[source.name] = source }
        }
        guard !state.network.pods.isEmpty else {
            throw CLIError("scenario \(id) has no pods in its objects (Namespaces, Pods and NetworkPolicies in `objects:`)",
                           exitCode: 2)
        }
        do {
            return try ClusterModel(objects: state.network)
        } catch {
            report(error.problems)
            throw CLIError("the objects of scenario \(id) have \(error.problems.count) problem(s)", exitCode: 2)
        }
    }

    /// The model, or exit 2 after showing every problem.
    mutating func model(_ paths: [String]) throws -> ClusterModel {
        let (objects, problems) = try decode(paths)
        if problems.hasErrors {
            report(problems)
            throw CLIError("the objects have \(problems.count) problem\(problems.count == 1 ? "" : "s")")
        }
        do {
            return try ClusterModel(objects: objects)
        } catch {
            report(error.problems)
            let n = error.problems.count
            throw CLIError("the objects have \(n) problem\(n == 1 ? "" : "s")")
        }
    }
}
