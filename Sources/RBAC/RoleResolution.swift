import Diagnostics

/// The roles of a cluster, looked up the way `GetRoleReferenceRules` does.
struct RoleIndex: Sendable {
    private var roles: [String: Int] = [:]
    private var clusterRoles: [String: Int] = [:]
    private(set) var all: [RoleObject] = []

    init(_ objects: [RoleObject]) {
        for role in objects {
            // The first object of a name wins, as upstream's StaticRoles test resolver finds it.
            switch role.kind {
            case .role:
                let key = role.namespace + "/" + role.name
                if roles[key] == nil { roles[key] = all.count }
            case .clusterRole:
                if clusterRoles[role.name] == nil { clusterRoles[role.name] = all.count }
            }
            all.append(role)
        }
    }

    func role(namespace: String, name: String) -> RoleObject? {
        roles[namespace + "/" + name].map { all[$0] }
    }

    func clusterRole(_ name: String) -> RoleObject? {
        clusterRoles[name].map { all[$0] }
    }

    /// The rules a role reference grants, or why it cannot be resolved.
    func resolve(_ ref: RoleRef, bindingNamespace: String) -> Resolution {
        switch ref.kind {
        case "Role":
            if let r = role(namespace: bindingNamespace, name: ref.name) { return .rules(r) }
            return .failed(.notFound(kind: "Role", name: ref.name, namespace: bindingNamespace))
        case "ClusterRole":
            if let r = clusterRole(ref.name) { return .rules(r) }
            return .failed(.notFound(kind: "ClusterRole", name: ref.name, namespace: ""))
        default:
            return .failed(.unsupportedKind(ref.kind))
        }
    }
}

/// A role reference resolved once when the authorizer is built.
enum Resolution: Sendable {
    case rules(RoleObject)
    case failed(ResolutionError)
}

/// Why a binding's role reference gives no rules.
public enum ResolutionError: Sendable, Hashable {
    case notFound(kind: String, name: String, namespace: String)
    case unsupportedKind(String)

    /// Which text a lookup failure has depends on who looks: the authorizer reads
    /// informer listers (singular resource names), the RBAC storages read the registry
    /// (plural, and a namespace is required for Roles).
    public enum Reader: Sendable {
        case lister
        case registry
    }

    public func message(_ reader: Reader) -> String {
        switch self {
        case .unsupportedKind(let kind):
            return "unsupported role reference kind: " + GoQuote.quote(kind)
        case .notFound(let kind, let name, let namespace):
            if reader == .registry && kind == "Role" && namespace.isEmpty {
                return "Namespace parameter required."
            }
            let resource = (kind == "Role" ? "role" : "clusterrole") + (reader == .registry ? "s" : "")
            return resource + ".rbac.authorization.k8s.io " + GoQuote.quote(name) + " not found"
        }
    }
}

/// A binding with its role reference resolved, in visit order.
struct ResolvedBinding: Sendable {
    var binding: BindingObject
    /// Position among all bindings given to the authorizer.
    var index: Int
    var resolution: Resolution
    /// The binding and its role, shared by every Grant made from them (nil when unresolved).
    var source: GrantSource?

    init(binding: BindingObject, index: Int, resolution: Resolution) {
        self.binding = binding
        self.index = index
        self.resolution = resolution
        if case .rules(let role) = resolution {
            source = GrantSource(binding: binding, bindingIndex: index, role: role)
        }
    }
}

/// A binding and the role it resolved to, kept once so a Grant costs one reference.
final class GrantSource: Sendable {
    let binding: BindingObject
    let bindingIndex: Int
    let role: RoleObject

    init(binding: BindingObject, bindingIndex: Int, role: RoleObject) {
        self.binding = binding
        self.bindingIndex = bindingIndex
        self.role = role
    }
}
