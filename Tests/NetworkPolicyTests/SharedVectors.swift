import ContentFormat
import Diagnostics
import Foundation
import NetworkPolicy

/// The shared conformance folder (`../shared/conformance/netpol` from the package root);
/// tests that need it are skipped when it is missing.
enum SharedVectors {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let folder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance/netpol")
    static var exists: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("e2e.json").path) }

    static func json(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// A JSON value re-encoded as text, for the positioned decoder.
    static func text(_ value: Any) throws -> String {
        if value is NSNull { return "null" }
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    /// A metav1.LabelSelector (or nil for JSON null) through the same decoder policies use.
    static func selector(_ value: Any) throws -> LabelSelector? {
        if value is NSNull { return nil }
        let policy = try text(["apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy",
                               "metadata": ["name": "p", "namespace": "default"],
                               "spec": ["podSelector": value]] as [String: Any])
        let (objects, problems) = ObjectDecoder.decode(SourceFile(name: "selector.json", text: policy))
        precondition(problems.isEmpty, "\(problems)")
        return objects.policies[0].podSelector
    }
}

/// e2e.json: the pod model, and each case's steps.
struct E2EData {
    var namespaces: [(name: String, labels: Labels)] = []
    var pods: [[String: Any]] = []
    var order: [String] = []
    var cases: [[String: Any]] = []

    init() throws {
        let root = try SharedVectors.json("e2e.json")
        let model = root["model"] as! [String: Any]
        let ns = model["namespaces"] as! [String: [String: String]]
        namespaces = ns.keys.sorted().map { ($0, ns[$0]!) }
        pods = model["pods"] as! [[String: Any]]
        order = root["order"] as! [String]
        cases = root["cases"] as! [[String: Any]]
    }

    /// The pods as Kubernetes Pod objects (labels, status.podIP, named container ports).
    func podObjects(labels: [String: Labels]) -> [[String: Any]] {
        pods.map { p in
            let id = "\(p["namespace"]!)/\(p["name"]!)"
            return ["apiVersion": "v1", "kind": "Pod",
                    "metadata": ["name": p["name"]!, "namespace": p["namespace"]!, "labels": labels[id]!],
                    "spec": ["containers": [["name": "c", "image": "agnhost", "ports": p["ports"]!]]],
                    "status": ["podIP": p["ip"]!]] as [String: Any]
        }
    }

    func namespaceObjects(labels: [String: Labels]) -> [[String: Any]] {
        namespaces.map { ["apiVersion": "v1", "kind": "Namespace", "metadata": ["name": $0.name, "labels": labels[$0.name]!]] }
    }

    /// Merges labels as the step's `labelPods`/`labelNamespaces` say (null removes a key).
    static func merge(_ changes: Any?, into labels: inout [String: Labels]) {
        guard let changes = changes as? [String: [String: Any]] else { return }
        for (target, kv) in changes {
            for (k, v) in kv {
                if v is NSNull { labels[target]?[k] = nil } else { labels[target]?[k] = v as? String }
            }
        }
    }
}
