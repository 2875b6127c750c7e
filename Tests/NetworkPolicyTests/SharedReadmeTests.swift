import Foundation
import NetworkPolicy
import Testing

/// ../shared/conformance/netpol/README.md states the pod model the cases assume; the
/// machine-readable model in e2e.json must say the same, or the truth tables mean something else.
@Suite(.enabled(if: SharedVectors.exists, "needs ../shared/conformance/netpol"))
struct SharedReadmeTests {
    @Test func theReadmeAndE2EModelAgree() throws {
        let readme = try String(contentsOf: SharedVectors.folder.appendingPathComponent("README.md"), encoding: .utf8)
        let data = try E2EData()
        // "Matrix order, used for both rows and columns: `x/a x/b ... z/c`."
        let line = try #require(readme.split(separator: "\n").first { $0.contains("Matrix order") })
        let quoted = line.split(separator: "`")
        #expect(quoted.count >= 2 && quoted[1].split(separator: " ").map(String.init) == data.order)
        // "x/a = 10.0.1.10, y/b = 10.0.2.20 and z/c = 10.0.3.30", and the rule behind them.
        for (id, ip) in [("x/a", "10.0.1.10"), ("y/b", "10.0.2.20"), ("z/c", "10.0.3.30")] {
            #expect(readme.contains("\(id) = \(ip)"))
        }
        for p in data.pods {
            let ns = p["namespace"] as! String, name = p["name"] as! String
            let n = ["x": 1, "y": 2, "z": 3][ns]!, m = ["a": 10, "b": 20, "c": 30][name]!
            #expect(p["ip"] as? String == "10.0.\(n).\(m)")
            let ports = (p["ports"] as! [[String: Any]]).map { "\($0["name"]!)" }
            #expect(ports == ["serve-80-tcp", "serve-80-udp", "serve-80-sctp", "serve-81-tcp", "serve-81-udp", "serve-81-sctp"])
        }
        // "`<x/a IP>/4` becomes `10.0.1.10/4`, which has host bits set and means 0.0.0.0/4".
        #expect(readme.contains("means 0.0.0.0/4"))
        #expect(CIDR("10.0.1.10/4")?.description == "0.0.0.0/4")
        for ns in data.namespaces {
            #expect(ns.labels == ["ns": ns.name, "kubernetes.io/metadata.name": ns.name])
        }
    }
}
