import Diagnostics
import Foundation
import Yams

/// The course's labs in catalog order (`Labs/catalog.yaml`), each read from
/// `Labs/labs/<id>.yaml`, with every problem found on the way.
public struct LabCatalog: Sendable {
    /// A problem in one content file, positioned when it can be.
    public struct Problem: Sendable {
        public var file: SourceFile?
        public var path: String
        public var diagnostic: Diagnostic

        public init(file: SourceFile?, path: String, diagnostic: Diagnostic) {
            self.file = file
            self.path = path
            self.diagnostic = diagnostic
        }
    }

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
        guard LabDecoder.isKebab(id) else { return nil }
        let path = root + "/Labs/labs/\(id).yaml"
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let source = SourceFile(name: path, bytes: [UInt8](data))
        let (lab, diagnostics) = LabDecoder.decode(source)
        return (lab, diagnostics.map { Problem(file: source, path: path, diagnostic: $0) })
    }

    public static func load(root: String) -> LabCatalog {
        var problems: [Problem] = []
        let catalogPath = root + "/Labs/catalog.yaml"
        let dir = root + "/Labs/labs"
        var order: [String] = []
        if let data = FileManager.default.contents(atPath: catalogPath) {
            let source = SourceFile(name: catalogPath, bytes: [UInt8](data))
            do {
                let node = try Yams.compose(yaml: String(decoding: data, as: UTF8.self))
                if let map = node?.mapping, let list = map["labs"]?.sequence {
                    if map["format_version"]?.int != 1 {
                        problems.append(.init(file: source, path: catalogPath,
                                              diagnostic: .error("the catalog needs format_version: 1")))
                    }
                    for item in list {
                        guard let id = item.string else { continue }
                        if order.contains(id) {
                            let span = item.mark.map { Span.at(source.offset(line: $0.line, column: $0.column)) }
                            problems.append(.init(file: source, path: catalogPath,
                                                  diagnostic: .error("lab \(id) is listed twice", at: span)))
                        }
                        order.append(id)
                    }
                } else {
                    problems.append(.init(file: source, path: catalogPath,
                                          diagnostic: .error("the catalog needs `format_version: 1` and a `labs:` list")))
                }
            } catch {
                problems.append(.init(file: source, path: catalogPath, diagnostic: .error("not valid YAML: \(error)")))
            }
        } else {
            problems.append(.init(file: nil, path: catalogPath, diagnostic: .error("no lab catalog at \(catalogPath)")))
        }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        var byID: [String: Lab] = [:]
        for file in files {
            let path = dir + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let source = SourceFile(name: path, bytes: [UInt8](data))
            let (lab, diagnostics) = LabDecoder.decode(source)
            problems += diagnostics.map { Problem(file: source, path: path, diagnostic: $0) }
            guard let lab else { continue }
            if byID[lab.id] != nil {
                problems.append(.init(file: source, path: path, diagnostic: .error("lab id \(lab.id) is used by two files")))
            }
            byID[lab.id] = lab
            if !order.contains(lab.id) {
                problems.append(.init(file: source, path: path,
                                      diagnostic: .error("lab \(lab.id) is not listed in Labs/catalog.yaml")))
            }
        }
        for id in order where byID[id] == nil && files.contains("\(id).yaml") == false {
            problems.append(.init(file: nil, path: catalogPath,
                                  diagnostic: .error("Labs/catalog.yaml lists \(id), but there is no Labs/labs/\(id).yaml")))
        }
        return LabCatalog(labs: order.compactMap { byID[$0] }, problems: problems)
    }
}
