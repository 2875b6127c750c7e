import Diagnostics
import NetworkPolicy

/// NetworkPolicy inputs as `kcsa netpol` reads them (a file of its own: the module's
/// `ObjectDecoder` shares its name with Pod Security's).
enum NetPolFuzz {
    /// Namespaces, pods and NetworkPolicies, the cluster model and one truth table.
    @Sendable static func run(_ data: UnsafeRawBufferPointer) {
        let source = FuzzTarget.source(data, name: "cluster.yaml")
        let (objects, problems) = ObjectDecoder.decode(source)
        FuzzTarget.render(problems.map(\.diagnostic), source)
        for policy in objects.policies { _ = PolicyValidation.validate(policy) }
        guard objects.pods.count <= 200, let model = try? ClusterModel(objects: objects) else { return }
        _ = model.truthTable(port: 80, protocol: .tcp)
    }
}
