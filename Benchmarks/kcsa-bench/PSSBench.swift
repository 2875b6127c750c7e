import ContentFormat
import Diagnostics
import Foundation
import PodSecurity

/// Pod Security evaluation throughput on realistic workloads: a seeded mix of
/// Deployments, DaemonSets, StatefulSets, Jobs, CronJobs and Pods with init containers,
/// several containers, probes and volumes, some compliant and some not. Reports pods
/// evaluated per second (CPU time of one thread) for the restricted and baseline levels,
/// for the admission plugin in a labelled namespace, and for reading manifests end to end.
enum PSSBench {
    static func main(_ args: [String]) {
        var count = 20_000, iterations = 5
        var i = 0
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--workloads": count = max(1, Int(value) ?? count); i += 1
            case "--iterations": iterations = max(1, Int(value) ?? iterations); i += 1
            default: print("unknown option \(args[i])"); exit(2)
            }
            i += 1
        }
        var generator = Workloads(seed: 42)
        let text = (0..<count).map { _ in generator.next() }.joined(separator: "---\n")
        let source = SourceFile(name: "bench.yaml", bytes: Array(text.utf8))
        let start = threadCPUNanos()
        let entries = ManifestReader.read(source)
        let readNanos = Double(threadCPUNanos() - start)
        var objects: [PodSecurityObject] = entries.compactMap {
            if case .object(let o) = $0.result { return o }
            return nil
        }
        for k in objects.indices { APIDefaulting.apply(to: &objects[k]) }
        let containers = objects.reduce(0) { $0 + ($1.podSpec?.allContainers.count ?? 0) }
        print("pss: \(objects.count) workloads (\(String(format: "%.1f", Double(source.bytes.count) / 1_048_576)) MB of YAML, "
              + "\(String(format: "%.1f", Double(containers) / Double(max(1, objects.count)))) containers each incl. init)")
        print(String(format: "  read + decode:       %8.0f objects/s  (%.1f MB/s)", Double(objects.count) / (readNanos / 1e9),
                     Double(source.bytes.count) / 1_048_576 / (readNanos / 1e9)))
        let registry = CheckRegistry.standard
        for lv in [LevelVersion(.restricted), LevelVersion(.baseline), LevelVersion(.restricted, .minor(1))] {
            var checksum = 0
            let nanos = median(iterations) {
                for o in objects { checksum &+= registry.evaluate(lv, o.podMetadata, o.podSpec ?? PodSpec()).violations.count }
            }
            print(String(format: "  evaluate %-18@ %8.0f pods/s  (%.2f µs per pod)", "\(lv):", Double(objects.count) / (nanos / 1e9),
                         nanos / 1e3 / Double(objects.count)) + "  [checksum \(checksum)]")
        }
        let admission = PodSecurityAdmission(applyDefaulting: false)
        let labels = [PodSecurityLabels.enforce: "baseline", PodSecurityLabels.warn: "restricted",
                      PodSecurityLabels.audit: "restricted"]
        var denied = 0
        let nanos = median(iterations) {
            for o in objects {
                let r = admission.validate(AdmissionRequest(object: o, namespace: "prod", namespaceLabels: labels))
                if !r.allowed { denied += 1 }
            }
        }
        print(String(format: "  admission (enforce=baseline, warn+audit=restricted): %8.0f requests/s", Double(objects.count) / (nanos / 1e9))
              + "  [\(denied / (iterations + 1)) of \(objects.count) requests refused]")
    }

    /// Median CPU nanoseconds of `iterations` runs of `body`.
    static func median(_ iterations: Int, _ body: () -> Void) -> Double {
        body()
        var times: [Double] = []
        for _ in 0..<iterations {
            let s = threadCPUNanos()
            body()
            times.append(Double(threadCPUNanos() - s))
        }
        times.sort()
        return times[times.count / 2]
    }
}

/// A seeded generator of workload manifests in the shapes clusters hold.
struct Workloads {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }

    private mutating func random(_ n: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(n))
    }

    private var index = 0

    mutating func next() -> String {
        index += 1
        let hardened = random(3) > 0
        var containers = ""
        for c in 0..<(1 + random(3)) {
            containers += container("app\(c)", hardened: hardened || random(4) == 0, port: 8080 + c)
        }
        let initContainers = random(2) == 0 ? "" : "initContainers:\n" + container("init", hardened: hardened, port: nil)
        var volumes = "volumes:\n- name: data\n  emptyDir: {}\n- name: config\n  configMap: {name: cfg-\(index)}\n"
        if random(8) == 0 { volumes += "- name: host\n  hostPath: {path: /var/log}\n" }
        if random(10) == 0 { volumes += "- name: scratch\n" }
        var pod = "securityContext:\n  runAsNonRoot: \(hardened)\n  seccompProfile: {type: RuntimeDefault}\n"
        if random(12) == 0 { pod += "hostNetwork: true\n" }
        pod += initContainers + "containers:\n" + containers + volumes
        let kinds = ["Deployment", "DaemonSet", "StatefulSet", "Job", "CronJob", "Pod"]
        let kind = kinds[random(kinds.count)]
        switch kind {
        case "Pod":
            return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\(index)\n  labels: {app: a\(index)}\nspec:\n" + indent(pod, 2)
        case "CronJob":
            return "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: c\(index)\nspec:\n  schedule: \"0 * * * *\"\n"
                + "  jobTemplate:\n    spec:\n      template:\n        metadata:\n          labels: {app: a\(index)}\n"
                + "        spec:\n" + indent("restartPolicy: OnFailure\n" + pod, 10)
        default:
            let api = kind == "Job" ? "batch/v1" : "apps/v1"
            return "apiVersion: \(api)\nkind: \(kind)\nmetadata:\n  name: w\(index)\n  namespace: prod\nspec:\n"
                + "  selector: {matchLabels: {app: a\(index)}}\n  template:\n    metadata:\n      labels: {app: a\(index)}\n"
                + "      annotations: {team: payments}\n    spec:\n" + indent(pod, 6)
        }
    }

    private mutating func container(_ name: String, hardened: Bool, port: Int?) -> String {
        var s = "- name: \(name)\n  image: registry.example.com/\(name):1.\(random(40))\n"
        s += "  resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 256Mi}}\n"
        s += "  env:\n  - {name: LOG_LEVEL, value: info}\n  - {name: REGION, value: eu-west-1}\n"
        s += "  volumeMounts:\n  - {name: data, mountPath: /data}\n"
        if let port {
            s += "  ports:\n  - {containerPort: \(port), name: http}\n"
            s += "  readinessProbe: {httpGet: {path: /ready, port: \(port)}, periodSeconds: 5}\n"
            s += "  livenessProbe: {tcpSocket: {port: \(port)}}\n"
        }
        if hardened {
            s += "  securityContext:\n    allowPrivilegeEscalation: false\n    readOnlyRootFilesystem: true\n"
                + "    capabilities: {drop: [ALL]}\n"
        } else if random(3) == 0 {
            s += "  securityContext:\n    capabilities: {add: [NET_ADMIN]}\n"
        }
        return s
    }

    private func indent(_ text: String, _ n: Int) -> String {
        let pad = String(repeating: " ", count: n)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : pad + $0 }
            .joined(separator: "\n")
    }
}
