import ContentFormat
import Diagnostics
import Foundation
import NetworkPolicy
import RBAC

/// The Kubernetes objects a scenario's cluster starts with, read from the files its
/// `objects:` key names (paths relative to the scenario's folder; a `base:` scenario's
/// files come first): RBAC Roles, ClusterRoles and bindings (on top of kube-apiserver's
/// bootstrap policy), and Namespaces, Pods and NetworkPolicies. One file may hold both
/// kinds; each decoder takes its own kinds and skips the others.
public struct ScenarioObjects: Sendable, Equatable {
    /// The scenario's own RBAC objects (the bootstrap policy is added by `ClusterState`).
    public var rbac: [RBACObject] = []
    /// Namespaces, pods and NetworkPolicies.
    public var network = ObjectSet()
    /// The files read, by name (for positions in explanations).
    public var files: [String] = []

    public init() {}

    /// Files an `objects:` list may name at most (with those of its bases).
    public static let maxFiles = 64
    /// One objects file is not read past this size.
    public static let maxFileBytes = 16 << 20

    /// Reads `paths` in order; every problem of every file is returned, each positioned.
    public static func load(_ paths: [String]) -> (ScenarioObjects, [ContentProblem]) {
        var out = ScenarioObjects()
        var problems: [ContentProblem] = []
        if paths.count > maxFiles {
            problems.append(ContentProblem(path: paths[maxFiles], diagnostic: .error(
                "more than \(maxFiles) objects files in one scenario", code: "scenario-objects")))
        }
        for path in paths.prefix(maxFiles) {
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(ContentProblem(path: path, diagnostic: .error(
                    "cannot read the scenario's objects file", code: "missing-file")))
                continue
            }
            guard data.count <= maxFileBytes else {
                problems.append(ContentProblem(path: path, diagnostic: .error(
                    "the objects file is larger than \(maxFileBytes >> 20) MiB", code: "scenario-objects")))
                continue
            }
            let source = SourceFile(name: path, bytes: [UInt8](data))
            out.files.append(path)
            let rbac = RBACObjectDecoder.decode(source)
            problems += rbac.diagnostics.map { ContentProblem(file: source, diagnostic: $0) }
            out.add(rbac.objects)
            let (network, networkProblems) = ObjectDecoder.decode(source)
            problems += networkProblems.map { ContentProblem(file: source, diagnostic: $0.diagnostic) }
            out.network.append(network)
        }
        if !problems.hasErrors, !out.network.pods.isEmpty || !out.network.policies.isEmpty {
            do { _ = try ClusterModel(objects: out.network) } catch {
                problems += error.problems.map { p in
                    let file = p.file.flatMap { name in FileManager.default.contents(atPath: name).map {
                        SourceFile(name: name, bytes: [UInt8]($0)) } } ?? SourceFile(name: p.file ?? "<objects>", text: "")
                    return ContentProblem(file: file, diagnostic: p.diagnostic)
                }
            }
        }
        return (out, problems)
    }

    /// Adds RBAC objects; a later object of the same kind, namespace and name replaces
    /// the earlier one (as `kubectl apply` of the files in order would).
    mutating func add(_ objects: [RBACObject]) {
        for object in objects {
            if let i = rbac.firstIndex(where: { $0.key == object.key }) { rbac[i] = object } else { rbac.append(object) }
        }
    }
}
