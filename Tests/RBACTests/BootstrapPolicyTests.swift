import Testing
@testable import RBAC

/// The default policy passes the currency checks of `shared/conformance/rbac/bootstrap/README.md`
/// and aggregates the way a cluster does.
@Suite struct BootstrapPolicyTests {
    let authorizer = RBACAuthorizer(objects: BootstrapPolicy.objects)

    func binding(_ name: String) -> BindingObject? {
        authorizer.bindings.first { $0.kind == .clusterRoleBinding && $0.name == name }
    }

    @Test func theCurrencyChecksHold() throws {
        for name in ["system:monitoring", "system:service-account-issuer-discovery", "system:public-info-viewer"] {
            #expect(binding(name) != nil, "ClusterRoleBinding \(name)")
        }
        for name in ["system:discovery", "system:basic-user"] {
            #expect(binding(name)?.subjects.map(\.name) == ["system:authenticated"])
        }
        #expect(binding("system:node")?.subjects.isEmpty == true)
        #expect(binding("cluster-admin")?.subjects == [Subject(kind: "Group", apiGroup: "rbac.authorization.k8s.io",
                                                               name: "system:masters")])
    }

    @Test func everyControllerRoleIsBoundToItsServiceAccount() {
        let controllers = authorizer.roles.filter { $0.name.hasPrefix("system:controller:") && $0.kind == .clusterRole }
        #expect(controllers.count == 38)
        for role in controllers {
            let sa = String(role.name.dropFirst("system:controller:".count))
            let user = UserInfo.impersonating("system:serviceaccount:kube-system:\(sa)", groups: [])
            let (rules, errors) = authorizer.rulesFor(user, namespace: "")
            #expect(errors.isEmpty)
            #expect(Set(role.rules).isSubset(of: Set(rules)), "\(role.name)")
        }
    }

    @Test func adminEditAndViewAreAggregated() throws {
        let view = try #require(authorizer.clusterRole(named: "view"))
        let edit = try #require(authorizer.clusterRole(named: "edit"))
        let admin = try #require(authorizer.clusterRole(named: "admin"))
        let aggView = try #require(authorizer.clusterRole(named: "system:aggregate-to-view"))
        let aggEdit = try #require(authorizer.clusterRole(named: "system:aggregate-to-edit"))
        #expect(view.rules == aggView.rules)
        // edit takes system:aggregate-to-edit, then view (roles sorted by name: "system:..." < "view").
        #expect(edit.rules.starts(with: aggEdit.rules))
        #expect(Set(edit.rules) == Set(aggEdit.rules + view.rules))
        #expect(Set(admin.rules).isSuperset(of: Set(edit.rules)))
        #expect(admin.rules.contains(PolicyRule(verbs: ["create", "delete", "deletecollection", "get", "list", "patch",
                                                        "update", "watch"],
                                                apiGroups: ["rbac.authorization.k8s.io"], resources: ["rolebindings", "roles"])))
    }

    @Test func aRoleBindingToEditLetsAUserChangeDeploymentsButNotRoles() {
        let rb = RBACObject.binding(BindingObject(kind: .roleBinding, name: "dev-edit", namespace: "dev",
                                                  roleRef: RoleRef(kind: "ClusterRole", name: "edit"),
                                                  subjects: [Subject(kind: "User", name: "jane")]))
        let a = RBACAuthorizer(objects: BootstrapPolicy.objects + [rb])
        let jane = UserInfo.impersonating("jane", groups: [])
        let patch = a.authorize(AuthorizationRequest(verb: "patch", apiGroup: "apps", resource: "deployments", namespace: "dev"), as: jane)
        #expect(patch.reason == #"RBAC: allowed by RoleBinding "dev-edit/dev" of ClusterRole "edit" to User "jane""#)
        #expect(!a.authorize(AuthorizationRequest(verb: "create", apiGroup: "rbac.authorization.k8s.io", resource: "roles",
                                                  namespace: "dev"), as: jane).allowed)
        #expect(!a.authorize(AuthorizationRequest(verb: "patch", apiGroup: "apps", resource: "deployments",
                                                  namespace: "prod"), as: jane).allowed)
    }

    @Test func discoveryIsOpenToAuthenticatedUsersOnly() {
        let healthz = AuthorizationRequest.nonResource(verb: "get", path: "/healthz")
        let api = AuthorizationRequest.nonResource(verb: "get", path: "/apis/apps")
        let anonymous = UserInfo.impersonating("system:anonymous", groups: [])
        #expect(authorizer.authorize(healthz, as: anonymous).reason
                == #"RBAC: allowed by ClusterRoleBinding "system:public-info-viewer" of ClusterRole "system:public-info-viewer" to Group "system:unauthenticated""#)
        #expect(!authorizer.authorize(api, as: anonymous).allowed)
        #expect(authorizer.authorize(api, as: .impersonating("bob", groups: [])).allowed)
    }
}
