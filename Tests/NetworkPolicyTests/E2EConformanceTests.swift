import Diagnostics
import Foundation
import NetworkPolicy
import Testing

/// The 48 upstream e2e reachability cases (../shared/conformance/netpol/e2e.json), every step
/// in order, every probe's truth table compared cell by cell.
@Suite(.enabled(if: SharedVectors.exists, "needs ../shared/conformance/netpol"))
struct E2EConformanceTests {
    /// Runs a case's steps, calling `probe` with the objects of the step (as one `List`) and each probe.
    static func run(_ data: E2EData, _ c: [String: Any],
                    probe: (_ objects: String, _ port: Int, _ proto: String, _ expect: [String], _ where: String) throws -> Void) throws {
        var policies: [(key: String, value: Any)] = []
        var podLabels: [String: Labels] = [:]
        for p in data.pods { podLabels["\(p["namespace"]!)/\(p["name"]!)"] = p["labels"] as? Labels }
        var nsLabels: [String: Labels] = Dictionary(uniqueKeysWithValues: data.namespaces.map { ($0.name, $0.labels) })
        for (si, step) in (c["steps"] as! [[String: Any]]).enumerated() {
            for d in step["delete"] as? [[String: String]] ?? [] {
                policies.removeAll { $0.key == "\(d["namespace"]!)/\(d["name"]!)" }
            }
            for p in step["apply"] as? [[String: Any]] ?? [] {
                let meta = p["metadata"] as! [String: Any]
                let key = "\(meta["namespace"]!)/\(meta["name"]!)"
                if let i = policies.firstIndex(where: { $0.key == key }) { policies[i].value = p } else { policies.append((key, p)) }
            }
            E2EData.merge(step["labelPods"], into: &podLabels)
            E2EData.merge(step["labelNamespaces"], into: &nsLabels)
            let items: [Any] = data.namespaceObjects(labels: nsLabels) + data.podObjects(labels: podLabels) + policies.map(\.value)
            let list = try SharedVectors.text(["apiVersion": "v1", "kind": "List", "items": items] as [String: Any])
            for p in step["probes"] as? [[String: Any]] ?? [] {
                try probe(list, p["port"] as! Int, p["protocol"] as! String, p["expect"] as! [String],
                          "\(c["name"]!) step \(si) \(p["port"]!)/\(p["protocol"]!)")
            }
        }
    }

    @Test func everyCaseAndMatrixMatchesUpstream() throws {
        let data = try E2EData()
        var cases = 0, matrices = 0, passedMatrices = 0, passedCases = 0
        for c in data.cases {
            cases += 1
            var ok = true
            try Self.run(data, c) { list, port, proto, expect, label in
                matrices += 1
                let (objects, problems) = ObjectDecoder.decode(SourceFile(name: "e2e.json", text: list))
                #expect(problems.isEmpty, "\(label): \(problems)")
                let model = try ClusterModel(objects: objects)
                #expect(model.order == data.order)
                let table = model.truthTable(port: port, protocol: PortProtocol(rawValue: proto)!)
                if table.expect == expect {
                    passedMatrices += 1
                } else {
                    ok = false
                    Issue.record("\(label):\nexpected \(expect)\n     got \(table.expect)")
                }
                // The one-connection path must agree with the table on every cell.
                for (i, row) in expect.enumerated() {
                    for (j, cell) in row.enumerated() {
                        let allowed = model.allows(from: .pod(i), to: .pod(j), port: port, protocol: PortProtocol(rawValue: proto)!)
                        if allowed != (cell == ".") {
                            ok = false
                            Issue.record("\(label): connection \(data.order[i]) -> \(data.order[j]) says \(allowed)")
                        }
                    }
                }
            }
            if ok { passedCases += 1 }
        }
        print("netpol e2e conformance: \(passedCases)/\(cases) cases, \(passedMatrices)/\(matrices) matrices")
        #expect(cases == 48)
        #expect(matrices == 65)
        #expect(passedCases == cases)
        #expect(passedMatrices == matrices)
    }
}
