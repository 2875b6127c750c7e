import Foundation
import TestSupport
@testable import KubeAudit

/// Reads the conformance vectors in `../shared/conformance/audit/` (beside the checkout).
enum SharedVectors {
    static let root: URL = SharedFolder.url

    /// The vectors file, or nothing when ../shared is missing (the suites that read it are
    /// then skipped, naming the path; CI refuses to run without it).
    static func load(_ name: String) -> [String: Any] {
        let url = root.appendingPathComponent("conformance/audit/\(name)")
        guard SharedFolder.exists, let data = try? Data(contentsOf: url),
              let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return obj
    }

    static func cases(_ file: String, key: String = "cases") -> [[String: Any]] {
        load(file)[key] as? [[String: Any]] ?? []
    }

    /// A policy object from the vectors as the JSON text of a full Policy file.
    static func policyText(_ policy: Any) -> String {
        var p = policy as? [String: Any] ?? [:]
        p["apiVersion"] = "audit.k8s.io/v1"
        p["kind"] = "Policy"
        let data = try! JSONSerialization.data(withJSONObject: p, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func attributes(_ r: [String: Any]) -> RequestAttributes {
        let user: UserInfo? = (r["user"] as? String).map { UserInfo(username: $0, groups: r["groups"] as? [String] ?? []) }
        return RequestAttributes(
            user: user, verb: r["verb"] as? String ?? "", namespace: r["namespace"] as? String ?? "",
            apiGroup: r["apiGroup"] as? String ?? "", apiVersion: r["apiVersion"] as? String ?? "",
            resource: r["resource"] as? String ?? "", subresource: r["subresource"] as? String ?? "",
            name: r["name"] as? String ?? "", path: r["path"] as? String ?? "",
            resourceRequest: r["resourceRequest"] as? Bool ?? false)
    }
}

/// Loads policy text through the real loader.
func loadPolicy(_ text: String, name: String = "policy.yaml") -> PolicyLoadResult {
    PolicyLoader.load(.init(name: name, text: text))
}
