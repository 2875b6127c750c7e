import KubeAudit

/// A realistic API request the generated questions ask about: who sent what, and how it
/// ended. Requests are data here; their attributes come from `RequestInfo.parse`, as the
/// apiserver would derive them.
struct SampleRequest: Sendable, Equatable {
    var method: String
    var url: String
    /// nil when authentication failed (the request is then evaluated with no user).
    var user: UserInfo?
    /// The status code the request ends with (401 when `user` is nil).
    var status: Int

    var outcome: StagePlan.Outcome { .of(user: user) }

    /// The attributes the policy sees. The catalogue only holds URLs that parse.
    var attributes: RequestAttributes {
        (try? RequestInfo.parse(method: method, url: url, user: user))?.attributes
            ?? RequestAttributes(user: user, verb: method.lowercased(), path: url, resourceRequest: false)
    }

    var requestURI: String {
        (try? RequestInfo.parse(method: method, url: url, user: user))?.requestURI ?? url
    }

    /// The two lines a stem shows: the HTTP request and who sent it.
    var stemLines: String {
        let who: String
        if let user {
            who = "user \(user.username), groups [\(user.groups.joined(separator: ", "))]"
        } else {
            who = "no user: authentication failed and the apiserver answers 401"
        }
        return "    \(method) \(url)\n    sent by \(who)"
    }
}

/// The users and requests generated questions draw from.
enum SampleCatalogue {
    static let authenticated = "system:authenticated"

    static let alice = UserInfo(username: "alice", groups: ["dev", authenticated])
    static let bob = UserInfo(username: "bob", groups: ["ops", authenticated])
    static let carol = UserInfo(username: "carol", groups: ["system:masters", authenticated])
    static let kubeProxy = UserInfo(username: "system:kube-proxy", groups: [authenticated])
    static let scheduler = UserInfo(username: "system:kube-scheduler", groups: [authenticated])
    static let anonymous = UserInfo(username: "system:anonymous", groups: ["system:unauthenticated"])
    static let node1 = UserInfo(username: "system:node:node-1", groups: ["system:nodes", authenticated])
    static let prometheus = UserInfo(username: "system:serviceaccount:monitoring:prometheus",
                                     groups: ["system:serviceaccounts", "system:serviceaccounts:monitoring", authenticated])
    static let argocd = UserInfo(username: "system:serviceaccount:argocd:argocd-application-controller",
                                 groups: ["system:serviceaccounts", "system:serviceaccounts:argocd", authenticated])

    static let requests: [SampleRequest] = [
        .init(method: "GET", url: "/api/v1/namespaces/kube-system/secrets/db-pass", user: alice, status: 200),
        .init(method: "GET", url: "/api/v1/namespaces/dev/secrets", user: alice, status: 200),
        .init(method: "GET", url: "/api/v1/endpoints?watch=true", user: kubeProxy, status: 200),
        .init(method: "GET", url: "/apis/discovery.k8s.io/v1/endpointslices?watch=true", user: kubeProxy, status: 200),
        .init(method: "GET", url: "/healthz", user: anonymous, status: 200),
        .init(method: "GET", url: "/metrics", user: prometheus, status: 200),
        .init(method: "POST", url: "/api/v1/namespaces/dev/pods/web-1/exec?command=sh&stdin=true&tty=true", user: bob, status: 101),
        .init(method: "POST", url: "/api/v1/namespaces/dev/pods", user: bob, status: 201),
        .init(method: "PATCH", url: "/apis/apps/v1/namespaces/prod/deployments/api", user: argocd, status: 200),
        .init(method: "DELETE", url: "/api/v1/namespaces/prod/configmaps/app-config", user: carol, status: 200),
        .init(method: "PUT", url: "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-scheduler", user: scheduler, status: 200),
        .init(method: "GET", url: "/api/v1/nodes/node-1", user: node1, status: 200),
        .init(method: "PATCH", url: "/api/v1/nodes/node-1/status", user: node1, status: 200),
        .init(method: "GET", url: "/api/v1/namespaces/dev/pods/web-1/log", user: alice, status: 200),
        .init(method: "GET", url: "/api/v1/namespaces/default/secrets", user: nil, status: 401),
        .init(method: "POST", url: "/apis/rbac.authorization.k8s.io/v1/clusterrolebindings", user: carol, status: 201),
        .init(method: "GET", url: "/api/v1/namespaces/kube-system/configmaps/kube-proxy", user: kubeProxy, status: 200),
        .init(method: "GET", url: "/readyz", user: anonymous, status: 200),
        .init(method: "GET", url: "/api/v1/namespaces/prod/pods?watch=true", user: argocd, status: 200),
        .init(method: "POST", url: "/api/v1/namespaces/dev/serviceaccounts/builder/token", user: alice, status: 201),
        .init(method: "DELETE", url: "/api/v1/namespaces/dev/pods", user: bob, status: 200),
        .init(method: "GET", url: "/api/v1/namespaces/prod/secrets/tls-cert", user: argocd, status: 403),
        .init(method: "POST", url: "/api/v1/namespaces/kube-system/pods/etcd-0/portforward", user: carol, status: 101),
        .init(method: "GET", url: "/version", user: nil, status: 401),
    ]

    static let usernames = ["alice", "bob", "carol", "dave", "system:kube-proxy", "system:kube-scheduler",
                            "system:kube-controller-manager", "system:anonymous", "system:node:node-1",
                            "system:serviceaccount:monitoring:prometheus"]
    static let groups = ["dev", "ops", "system:masters", "system:nodes", "system:serviceaccounts",
                         "system:unauthenticated", "system:authenticated", "system:serviceaccounts:kube-system"]
    static let verbs = ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"]
    static let namespaces = ["default", "kube-system", "dev", "prod", "monitoring"]
    /// (group, resource) pairs a rule may name.
    static let resources: [(String, String)] = [
        ("", "secrets"), ("", "configmaps"), ("", "pods"), ("", "pods/exec"), ("", "pods/log"), ("", "endpoints"),
        ("", "nodes"), ("", "nodes/status"), ("", "serviceaccounts/token"), ("apps", "deployments"),
        ("coordination.k8s.io", "leases"), ("discovery.k8s.io", "endpointslices"),
        ("rbac.authorization.k8s.io", "clusterrolebindings"), ("rbac.authorization.k8s.io", "roles"),
    ]
    static let nonResourceURLs = ["/healthz", "/healthz*", "/readyz*", "/livez*", "/metrics", "/version", "/openapi/*"]
    static let resourceNames = ["db-pass", "kube-proxy", "app-config", "api", "web-1", "node-2", "tls-cert"]
}
