import ContentFormat
import Diagnostics
import Foundation
@testable import PodSecurity

/// The shared conformance data (../shared/conformance/pss), located from this file.
enum SharedVectors {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let folder = packageRoot.appendingPathComponent("../shared/conformance/pss").standardizedFileURL
    static var exists: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("fixtures.json").path) }

    static func json(_ name: String) -> Any? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
        return try? JSONSerialization.jsonObject(with: data)
    }

    static func objects(_ name: String, key: String? = nil) -> [[String: Any]] {
        guard let root = json(name) else { return [] }
        if let key { return ((root as? [String: Any])?[key] as? [[String: Any]]) ?? [] }
        return (root as? [[String: Any]]) ?? []
    }

    /// A vector's pod, as JSON text, decoded the way files are.
    static func pod(_ value: Any) throws -> PodSecurityObject {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys])
        let source = SourceFile(name: "<vector>", bytes: [UInt8](data))
        let entries = ManifestReader.read(source)
        guard entries.count == 1, case .object(let o) = entries[0].result else {
            throw VectorError("the vector's pod did not decode: \(entries.map { "\($0.result)" })")
        }
        return o
    }

    static func version(_ text: String) -> PodSecurityVersion { PodSecurityVersion.parse(text).version }

    static func level(_ text: String) -> PodSecurityLevel { PodSecurityLevel(rawValue: text) ?? .restricted }
}

struct VectorError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
