import ContentFormat
import Diagnostics
import Foundation
import Testing
@testable import PodSecurity

/// Every file of ../shared/conformance/pss, in process.
@Suite(.enabled(if: SharedVectors.exists, "../shared/conformance/pss is missing"))
struct ConformanceTests {
    static var checkVectors: [[String: Any]] { SharedVectors.objects("messages.json", key: "checkVectors") }
    static var aggregateVectors: [[String: Any]] { SharedVectors.objects("messages.json", key: "aggregateVectors") }
    static var policyVectors: [[String: Any]] { SharedVectors.objects("namespace-labels.json", key: "policyVectors") }
    static var versionVectors: [[String: Any]] { SharedVectors.objects("namespace-labels.json", key: "versionVectors") }
    static var fixtures: [[String: Any]] { SharedVectors.objects("fixtures.json") }

    @Test func theSharedFilesHoldWhatTheREADMESays() {
        #expect(Self.checkVectors.count == 92)
        #expect(Self.aggregateVectors.count == 30)
        #expect(Self.policyVectors.count + Self.versionVectors.count == 44)
        #expect(Self.fixtures.count == 1403)
    }

    /// One check, one implementation, no defaulting: reason and detail byte for byte.
    @Test func checkVectors() throws {
        var passed = 0
        for v in Self.checkVectors {
            let name = v["name"] as! String
            let id = try #require(CheckID(rawValue: v["check"] as! String), "\(name)")
            let check = try #require(CheckRegistry.standard.check(id))
            let minor = SharedVectors.version(v["version"] as! String).minorNumber
            let impl = try #require(check.implementation(atMinor: minor), "\(name)")
            #expect(impl.functionName == v["function"] as? String, "\(name)")
            let pod = try SharedVectors.pod(v["pod"]!)
            let r = impl.function(pod.podMetadata, pod.podSpec ?? PodSpec())
            let ok = r.allowed == (v["expectAllowed"] as! Bool) && r.forbiddenReason == (v["expectReason"] as! String)
                && r.forbiddenDetail == (v["expectDetail"] as! String)
            #expect(r.allowed == v["expectAllowed"] as? Bool, "\(name)")
            #expect(r.forbiddenReason == v["expectReason"] as? String, "\(name)")
            #expect(r.forbiddenDetail == v["expectDetail"] as? String, "\(name)")
            if ok { passed += 1 }
        }
        print("pss check vectors: \(passed)/\(Self.checkVectors.count)")
        #expect(passed == 92)
    }

    /// Whole-level evaluations: check order, overrides, the full enforce message.
    @Test func aggregateVectors() throws {
        var passed = 0
        for v in Self.aggregateVectors {
            let name = v["name"] as! String
            let pod = try SharedVectors.pod(v["pod"]!)
            let lv = LevelVersion(SharedVectors.level(v["level"] as! String), SharedVectors.version(v["version"] as! String))
            let r = CheckRegistry.standard.evaluate(lv, pod.podMetadata, pod.podSpec ?? PodSpec())
            let checks = r.violations.map(\.check.rawValue)
            // An allowed pod has no message ("" in the vectors).
            let expectMessage = (v["expectMessage"] as? String).flatMap { $0.isEmpty ? nil : $0 }
            #expect(r.allowed == v["expectAllowed"] as? Bool, "\(name)")
            #expect(checks == (v["expectChecks"] as? [String] ?? []), "\(name)")
            #expect(r.forbiddenReason == (v["expectForbiddenReason"] as? String ?? ""), "\(name)")
            #expect(r.enforceMessage == expectMessage, "\(name)")
            if r.allowed == v["expectAllowed"] as? Bool, r.enforceMessage == expectMessage { passed += 1 }
        }
        print("pss aggregate vectors: \(passed)/\(Self.aggregateVectors.count)")
        #expect(passed == 30)
    }

    private static func policy(_ value: Any?) -> NamespacePolicy? {
        guard let o = value as? [String: [String: String]] else { return nil }
        func lv(_ mode: String) -> LevelVersion {
            LevelVersion(SharedVectors.level(o[mode]!["level"]!), SharedVectors.version(o[mode]!["version"]!))
        }
        return NamespacePolicy(enforce: lv("enforce"), audit: lv("audit"), warn: lv("warn"))
    }

    @Test func labelVectors() {
        var passed = 0
        for v in Self.policyVectors {
            let name = v["name"] as! String
            let labels = v["labels"] as? [String: String] ?? [:]
            let defaults = Self.policy(v["defaults"]) ?? .privileged
            let (p, errors) = NamespacePolicy.fromLabels(labels, defaults: defaults)
            let expected = Self.policy(v["expectPolicy"])
            let errorLabels = (v["errorLabels"] as? [String]) ?? []
            #expect(p == expected, "\(name)")
            #expect(!errors.isEmpty == (v["expectError"] as! Bool), "\(name)")
            // Vectors transcribed from upstream's table name no labels; the derived ones do.
            if !errorLabels.isEmpty { #expect(Set(errors.map(\.label)) == Set(errorLabels), "\(name)") }
            if p == expected, !errors.isEmpty == (v["expectError"] as! Bool) { passed += 1 }
        }
        for v in Self.versionVectors {
            let input = v["input"] as! String
            let r = PodSecurityVersion.parse(input)
            #expect(r.version.description == v["expect"] as? String, "\(input)")
            #expect((r.error == nil) == (v["valid"] as! Bool), "\(input)")
            if r.version.description == v["expect"] as? String, (r.error == nil) == (v["valid"] as! Bool) { passed += 1 }
        }
        print("pss label vectors: \(passed)/\(Self.policyVectors.count + Self.versionVectors.count)")
        #expect(passed == 44)
    }

    /// The fixtures in process, with the API server's defaulting (the binary runs them too).
    @Test func fixturesInProcess() throws {
        var passed = 0
        for f in Self.fixtures {
            let path = f["path"] as! String
            let url = SharedVectors.folder.appendingPathComponent("fixtures").appendingPathComponent(path)
            let source = SourceFile(name: path, bytes: [UInt8](try Data(contentsOf: url)))
            let entries = ManifestReader.read(source)
            guard entries.count == 1, case .object(var pod) = entries[0].result else {
                Issue.record("\(path) did not decode")
                continue
            }
            APIDefaulting.apply(to: &pod)
            let lv = LevelVersion(SharedVectors.level(f["level"] as! String), SharedVectors.version(f["version"] as! String))
            let r = CheckRegistry.standard.evaluate(lv, pod.podMetadata, pod.podSpec ?? PodSpec())
            let expectPass = f["expect"] as! String == "pass"
            #expect(r.allowed == expectPass, "\(path): \(r.enforceMessage ?? "allowed")")
            if let id = f["checkId"] as? String, !expectPass, lv.level == .baseline {
                #expect(r.violations.contains { $0.check.rawValue == id }, "\(path) is refused by \(id)")
            }
            if r.allowed == expectPass { passed += 1 }
        }
        print("pss fixtures (in process): \(passed)/\(Self.fixtures.count)")
        #expect(passed == 1403)
    }

    /// The 11 needsApiDefaulting fixtures are refused when evaluated as stored.
    @Test func withoutDefaultingTheSourcelessVolumeFixturesFail() throws {
        let marked = Self.fixtures.filter { $0["needsApiDefaulting"] as? Bool == true }
        #expect(marked.count == 11)
        for f in marked {
            let url = SharedVectors.folder.appendingPathComponent("fixtures").appendingPathComponent(f["path"] as! String)
            let entries = ManifestReader.read(SourceFile(name: "f", bytes: [UInt8](try Data(contentsOf: url))))
            guard case .object(let pod) = entries.first?.result else { Issue.record("decode"); continue }
            let lv = LevelVersion(.restricted, SharedVectors.version(f["version"] as! String))
            let r = CheckRegistry.standard.evaluate(lv, pod.podMetadata, pod.podSpec ?? PodSpec())
            #expect(r.violations.map(\.check) == [.restrictedVolumes], "\(f["path"]!)")
        }
    }
}
