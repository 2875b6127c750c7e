import ClusterSim
import Foundation
import Trainer

/// `--objects SCENARIO-ID` for `kcsa rbac` and `kcsa netpol`: the cluster of a scenario in
/// Labs/scenarios, as it starts or before/after one of its incidents (`--before ID`,
/// `--after ID`), with every RBAC and NetworkPolicy write up to then applied.
enum ScenarioClusterLoading {
    /// Whether an `--objects` value names a scenario rather than a path: no file or
    /// folder of that name exists and it is a bare id.
    static func isScenarioID(_ value: String) -> Bool {
        guard !FileManager.default.fileExists(atPath: value), !value.contains("/"), !value.contains("."), !value.isEmpty,
              let root = try? ContentLocator.locate(explicit: nil) else { return false }
        return FileManager.default.fileExists(atPath: root + "/Labs/scenarios/\(value).yaml")
    }

    /// The scenario of an id, read from the content folder.
    static func scenario(_ id: String) throws(CLIError) -> Scenario {
        let path = try ContentLocator.locate(explicit: nil) + "/Labs/scenarios/\(id).yaml"
        guard FileManager.default.fileExists(atPath: path) else {
            throw CLIError("cannot read \(id): no such file or folder, and no scenario \(id) in \(path)", exitCode: 2)
        }
        do {
            return try Scenario.load(path: path)
        } catch {
            throw CLIError("\(path): \(error)", exitCode: 2)
        }
    }

    /// The point of the story `--before`/`--after` name (at most one of them).
    static func point(before: String?, after: String?) throws(CLIError) -> ClusterReplay.Point {
        switch (before, after) {
        case (nil, nil): return .start
        case (let b?, nil): return .before(incident: b)
        case (nil, let a?): return .after(incident: a)
        default: throw CLIError("--before and --after cannot be given together", exitCode: 2)
        }
    }

    /// The cluster of scenario `id` at `point`.
    static func state(_ id: String, at point: ClusterReplay.Point, defaults: Bool = true) throws(CLIError) -> (Scenario, ClusterState) {
        let s = try scenario(id)
        do {
            return (s, try ClusterReplay.state(s, at: point, defaults: defaults))
        } catch {
            throw CLIError("scenario \(id): \(error)", exitCode: 2)
        }
    }
}
