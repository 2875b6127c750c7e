import ArgumentParser
import ClusterSim
import Diagnostics
import Foundation
import RBAC
import Terminal
import Trainer

/// Reads the objects named by `--objects` into an authorizer, reporting every object
/// that cannot be read on stderr (the others still load).
struct RBACLoaded {
    var authorizer: RBACAuthorizer
    /// The files read, by name, to place explanations.
    var sources: [String: SourceFile]
    /// Objects (or files) that could not be read.
    var errorCount: Int

    /// Exit 2 after the answer when some input could not be read.
    func finish(answerCode: Int32) throws {
        if errorCount > 0 {
            Console.err("kcsa: \(errorCount) problem\(errorCount == 1 ? "" : "s") in the objects; the answer leaves those objects out\n")
            throw ExitCode(2)
        }
        if answerCode != 0 { throw ExitCode(answerCode) }
    }

    /// `file:line:col` of an object, when it came from a file.
    func place(_ origin: ObjectOrigin?) -> String? {
        guard let origin, let source = sources[origin.file] else { return nil }
        return "\(origin.file):\(source.location(ofByte: origin.span.start))"
    }
}

enum RBACObjectLoading {
    /// Files read from all `--objects` folders together, at most.
    static let maxFiles = 10_000
    /// Folders are not followed deeper than this.
    static let maxFolderDepth = 16
    /// One file is not read past this size.
    static let maxFileBytes = 64 << 20

    static func load(_ options: RBACObjectOptions, defaultNamespace: String,
                     extra: [RBACObject] = []) throws -> RBACLoaded {
        guard !options.objects.isEmpty else {
            throw CLIError("--objects is required: name the files or folders of Roles, ClusterRoles and bindings to evaluate")
        }
        var files: [String] = []
        var visited = Set<String>()
        var scenarioObjects: [RBACObject] = []
        var scenarioFiles: [String] = []
        let point = try ScenarioClusterLoading.point(before: options.before, after: options.after)
        for path in options.objects {
            if ScenarioClusterLoading.isScenarioID(path) {
                // A scenario's cluster: its objects (and the writes of its story up to the point asked for).
                let (s, state) = try ScenarioClusterLoading.state(path, at: point, defaults: false)
                scenarioObjects += state.rbacObjects
                scenarioFiles += s.cluster.files
                continue
            }
            try collect(path, depth: 0, into: &files, visited: &visited)
        }
        if point != .start && !options.objects.contains(where: ScenarioClusterLoading.isScenarioID) {
            throw CLIError("--before and --after need a scenario id in --objects", exitCode: 2)
        }
        var objects: [RBACObject] = options.noDefaults ? [] : BootstrapPolicy.objects
        var positions: [String: Int] = [:]
        for (i, o) in objects.enumerated() { positions[o.key] = i }
        var sources: [String: SourceFile] = [:]
        for file in scenarioFiles where sources[file] == nil {
            if let source = try? InputFile.read(file, limit: maxFileBytes) { sources[source.name] = source }
        }
        for object in scenarioObjects {
            if let at = positions[object.key] { objects[at] = object } else {
                positions[object.key] = objects.count
                objects.append(object)
            }
        }
        var errors = 0
        let renderer = DiagnosticRenderer(color: Console.stderrColor)
        let decodeOptions = RBACObjectDecoder.Options(defaultNamespace: defaultNamespace)
        for file in files {
            let source = try InputFile.read(file, limit: maxFileBytes)
            sources[source.name] = source
            let result = RBACObjectDecoder.decode(source, options: decodeOptions)
            for d in result.diagnostics {
                Console.err(renderer.render(d, in: source))
                if d.severity == .error { errors += 1 }
            }
            for object in result.objects {
                // A later definition of the same object replaces the earlier one, as `kubectl apply` does
                // (objects without a name are all kept).
                if !object.name.isEmpty, let at = positions[object.key] {
                    objects[at] = object
                } else {
                    positions[object.key] = objects.count
                    objects.append(object)
                }
            }
        }
        let authorizer = RBACAuthorizer(objects: objects + extra)
        for problem in authorizer.problems {
            Console.err("warning: \(problem)\n")
        }
        return RBACLoaded(authorizer: authorizer, sources: sources, errorCount: errors)
    }

    /// Adds `path` (a file) or the YAML and JSON files under it (a folder), sorted.
    static func collect(_ path: String, depth: Int, into files: inout [String], visited: inout Set<String>) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            // --objects takes every value up to the next option, so `--objects f.yaml get pods` reads `get` as a path.
            let hint = " (--objects takes the values up to the next option: give VERB and RESOURCE before it)"
            if !path.contains("/") && !path.contains(".") {
                throw CLIError("cannot read \(path): no such file or folder, nor a scenario of Labs/scenarios" + hint)
            }
            throw CLIError("cannot read \(path): no such file or folder" + hint)
        }
        guard isDir.boolValue else {
            files.append(path)
            if files.count > maxFiles { throw CLIError("more than \(maxFiles) files under --objects") }
            return
        }
        // A folder reached again through a symbolic link is read once.
        guard visited.insert(URL(fileURLWithPath: path).resolvingSymlinksInPath().path).inserted else { return }
        guard depth < maxFolderDepth else {
            throw CLIError("\(path): folders nested more than \(maxFolderDepth) deep under --objects")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where !name.hasPrefix(".") {
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            var childIsDir: ObjCBool = false
            FileManager.default.fileExists(atPath: child, isDirectory: &childIsDir)
            if childIsDir.boolValue || [".yaml", ".yml", ".json"].contains(where: { name.hasSuffix($0) }) {
                try collect(child, depth: depth + 1, into: &files, visited: &visited)
            }
        }
    }
}
