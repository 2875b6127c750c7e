import Diagnostics
import Foundation
import JSONValue

/// `import` / `include` / `modulemeta`: finds module files on the search path
/// (`-L` directories, or a module's own `search` metadata relative to its directory),
/// parses and resolves each module once per compile, and binds its definitions.
final class ModuleLoader {
    struct Loaded {
        /// Definitions in order, as "name/arity" with their bodies (later ones shadow earlier).
        var defs: [(String, FuncBody)]
    }

    let searchPaths: [String]
    let prelude: [String: FuncBody]
    private var loaded: [String: Loaded] = [:]
    private var inProgress: Set<String> = []

    init(searchPaths: [String], prelude: [String: FuncBody]) {
        self.searchPaths = searchPaths
        self.prelude = prelude
    }

    static func expand(_ dir: String) -> String {
        if dir == "~" || dir.hasPrefix("~/") {
            let home = ProcessInfo.processInfo.environment["HOME"] ?? ""
            return home + dir.dropFirst()
        }
        if dir.hasPrefix("$ORIGIN") {
            let origin = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent().path
            return origin + dir.dropFirst("$ORIGIN".count)
        }
        return dir
    }

    /// The file an import names, or a "module not found" error.
    static func locate(_ rel: String, meta: JSON?, isData: Bool, from dir: String?, searchPaths: [String]) throws -> String {
        var dirs: [String] = []
        switch meta?["search"] {
        case .string(let s)?: dirs = [s]
        case .array(let a)?: dirs = a.compactMap(\.stringValue)
        default: dirs = searchPaths
        }
        let base = dir ?? FileManager.default.currentDirectoryPath
        let fm = FileManager.default
        let last = rel.split(separator: "/").last.map(String.init) ?? rel
        for d in dirs {
            var root = expand(d)
            if !root.hasPrefix("/") && meta?["search"] != nil { root = base + "/" + root }
            let candidates = isData ? ["\(root)/\(rel).json", "\(root)/\(rel)/\(last).json"]
                                    : ["\(root)/\(rel).jq", "\(root)/\(rel)/\(last).jq"]
            for c in candidates where fm.fileExists(atPath: c) {
                return URL(fileURLWithPath: c).standardizedFileURL.path
            }
        }
        throw JQError("module not found: \(rel)")
    }

    func importAll(_ imports: [ImportDecl], into r: Resolver, relativeTo dir: String?) throws {
        for imp in imports {
            if imp.path.isEmpty || imp.path.hasPrefix("/") || imp.path.contains("..") && false {
                throw JQError("Modules must be named by relative paths")
            }
            let file = try ModuleLoader.locate(imp.path, meta: imp.meta, isData: imp.isData, from: dir,
                                               searchPaths: searchPaths)
            if imp.isData {
                let data = try Data(contentsOf: URL(fileURLWithPath: file))
                let values: [JSON]
                do { values = try JSONParser.parseAll(bytes: Array(data)) } catch { throw JQError("\(file): \(error)") }
                let name = imp.alias ?? imp.path
                r.scope.append(.constant(name: name, value: .array(values)))
                r.scope.append(.constant(name: "\(name)::\(name)", value: .array(values)))
                continue
            }
            let module = try load(file)
            if let alias = imp.alias {
                var fns: [String: FuncBody] = [:]
                for (key, fb) in module.defs { fns[key] = fb }
                r.scope.append(.module(alias: alias, functions: fns))
            } else {
                for (key, fb) in module.defs {
                    let slash = key.lastIndex(of: "/")!
                    r.scope.append(.function(name: String(key[..<slash]), arity: Int(key[key.index(after: slash)...])!,
                                             level: 0, body: fb))
                }
            }
        }
    }

    func load(_ file: String) throws -> Loaded {
        if let m = loaded[file] { return m }
        if inProgress.contains(file) { throw JQError("module cycle detected involving \(file)") }
        inProgress.insert(file)
        defer { inProgress.remove(file) }
        let parsed = try Self.parse(file)
        let r = Resolver(globals: prelude)
        let dir = URL(fileURLWithPath: file).deletingLastPathComponent().path
        try importAll(parsed.imports, into: r, relativeTo: dir)
        var defs: [(String, FuncBody)] = []
        for d in parsed.defs {
            r.define(d)
            if case .function(let n, let a, _, let fb)? = r.scope.last { defs.append(("\(n)/\(a)", fb)) }
        }
        if let first = r.diagnostics.first {
            throw JQError("\(first.message) in module \(file)")
        }
        let m = Loaded(defs: defs)
        loaded[file] = m
        return m
    }

    /// Reads and parses a module file; errors name the file.
    static func parse(_ file: String) throws -> ParsedModule {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw JQError("could not read module \(file)")
        }
        var parser = Parser(source: SourceFile(name: file, text: text))
        do throws(SyntaxError) {
            return try parser.parseModule(requireBody: false)
        } catch {
            throw JQError("\(error.diagnostic.message) in module \(file)")
        }
    }

    /// `"name" | modulemeta`: the module's metadata plus its `deps` and `defs`.
    static func metadata(_ name: String, searchPaths: [String]) throws -> JSON {
        let file = try locate(name, meta: nil, isData: false, from: nil, searchPaths: searchPaths)
        let parsed = try Self.parse(file)
        var out = parsed.meta?.objectValue ?? JSONObject()
        var deps: [JSON] = []
        for imp in parsed.imports {
            var d = imp.meta?.objectValue ?? JSONObject()
            if let alias = imp.alias { d["as"] = .string(alias) }
            d["is_data"] = .bool(imp.isData)
            d["relpath"] = .string(imp.path)
            deps.append(.object(d))
        }
        out["deps"] = .array(deps)
        out["defs"] = .array(parsed.defs.map { .string("\($0.name)/\($0.params.count)") })
        return .object(out)
    }
}
