import ContentFormat
import Diagnostics
import Foundation

/// The course's labs in catalog order (`Labs/catalog.yaml`), each read from
/// `Labs/labs/<id>.yaml`, with every problem found on the way.
public struct LabCatalog: Sendable {
    /// A problem in one content file (the one content-problem type of every content file).
    public typealias Problem = ContentProblem

    public var labs: [Lab]
    public var problems: [Problem]

    public var isValid: Bool { !problems.contains { $0.diagnostic.severity == .error } }

    public func lab(_ id: String) -> Lab? { labs.first { $0.id == id } }

    /// The lab after `id` in catalog order.
    public func next(after id: String) -> Lab? {
        guard let i = labs.firstIndex(where: { $0.id == id }), i + 1 < labs.count else { return nil }
        return labs[i + 1]
    }

    /// Reads one lab's file only (a one-shot check need not read the whole course).
    /// nil when there is no such file.
    public static func loadOne(root: String, id: String) -> (lab: Lab?, problems: [Problem])? {
        guard ContentID.isValid(id) else { return nil }
        let path = root + "/Labs/labs/\(id).yaml"
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let source = SourceFile(name: path, bytes: [UInt8](data))
        let (lab, diagnostics) = LabDecoder.decode(source)
        return (lab, diagnostics.map { Problem(file: source, diagnostic: $0) })
    }

    public static func load(root: String) -> LabCatalog {
        var problems: [Problem] = []
        let catalogPath = root + "/Labs/catalog.yaml"
        let dir = root + "/Labs/labs"
        var order: [String] = []
        if let data = FileManager.default.contents(atPath: catalogPath) {
            let source = SourceFile(name: catalogPath, bytes: [UInt8](data))
            var r = FieldReader(source: source)
            order = catalogOrder(&r)
            problems += r.problems
        } else {
            problems.append(Problem(path: catalogPath, diagnostic: .error("no lab catalog at \(catalogPath)")))
        }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        var byID: [String: Lab] = [:]
        for file in files {
            let path = dir + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let source = SourceFile(name: path, bytes: [UInt8](data))
            let (lab, diagnostics) = LabDecoder.decode(source)
            problems += diagnostics.map { Problem(file: source, diagnostic: $0) }
            guard let lab else { continue }
            if byID[lab.id] != nil {
                problems.append(.init(file: source, diagnostic: .error("lab id \(lab.id) is used by two files")))
            }
            byID[lab.id] = lab
            if !order.contains(lab.id) {
                problems.append(.init(file: source, diagnostic: .error("lab \(lab.id) is not listed in Labs/catalog.yaml")))
            }
        }
        for id in order where byID[id] == nil && files.contains("\(id).yaml") == false {
            problems.append(.init(path: catalogPath,
                                  diagnostic: .error("Labs/catalog.yaml lists \(id), but there is no Labs/labs/\(id).yaml")))
        }
        return LabCatalog(labs: order.compactMap { byID[$0] }, problems: problems)
    }

    /// The lab ids of `Labs/catalog.yaml` (`format_version: 1`, `labs:` a list of ids), in order.
    private static func catalogOrder(_ r: inout FieldReader) -> [String] {
        guard var root = r.document("the lab catalog", keys: "format_version, labs") else { return [] }
        r.formatVersion(&root)
        var order: [String] = []
        for item in r.sequence(&root, "labs", required: true) ?? [] {
            guard let id = r.string(item.node, path: item.path) else { continue }
            r.checkID(id, at: item.node.span, what: "lab id")
            if order.contains(id) { r.error("lab \(id) is listed twice", at: item.node.span, code: "duplicate-id") }
            order.append(id)
        }
        r.finish(root)
        return order
    }
}
