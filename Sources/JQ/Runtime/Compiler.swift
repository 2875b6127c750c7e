import Diagnostics
import JSONValue

/// A program ready to run: the resolved tree plus what it needs at run time.
final class CompiledProgram: @unchecked Sendable {
    let root: Node
    let rootSlots: Int
    let builtinsList: JSON
    let libraryPaths: [String]

    init(root: Node, rootSlots: Int, builtinsList: JSON, libraryPaths: [String]) {
        self.root = root
        self.rootSlots = rootSlots
        self.builtinsList = builtinsList
        self.libraryPaths = libraryPaths
    }
}

/// Parses, loads modules, resolves names. The prelude is parsed and resolved once per process.
enum Compiler {
    struct PreludeState: @unchecked Sendable {
        let functions: [String: FuncBody]
        let builtins: JSON
    }

    static let prelude: PreludeState = {
        var parser = Parser(source: SourceFile(name: "<builtin>", text: Prelude.source))
        let module: ParsedModule
        do throws(SyntaxError) {
            module = try parser.parseModule(requireBody: false)
        } catch {
            fatalError("jq prelude does not parse: \(error.diagnostic.message) at \(String(describing: error.diagnostic.span))")
        }
        let r = Resolver(globals: [:])
        for d in module.defs { r.define(d) }
        precondition(r.diagnostics.isEmpty, "jq prelude: \(r.diagnostics.map(\.message))")
        var fns: [String: FuncBody] = [:]
        for b in r.scope {
            if case .function(let n, let a, _, let fb) = b { fns["\(n)/\(a)"] = fb }
        }
        var names = Set(fns.keys)
        names.formUnion(Natives.table.keys)
        let visible = names.filter { !$0.hasPrefix("_") && !$0.hasPrefix("$") && $0 != "toarray/0" }
        return PreludeState(functions: fns, builtins: .array(visible.sorted().map { .string($0) }))
    }()

    static func compile(_ text: String, options: JQCompileOptions) throws(JQCompileFailure) -> CompiledProgram {
        let source = SourceFile(name: options.sourceName, text: text)
        var parser = Parser(source: source)
        let module: ParsedModule
        do throws(SyntaxError) {
            module = try parser.parseModule(requireBody: true)
        } catch {
            throw JQCompileFailure(diagnostics: [error.diagnostic], source: source)
        }
        let r = Resolver(globals: prelude.functions)
        // $ARGS and --arg variables.
        var named = JSONObject()
        for (name, value) in options.namedArguments {
            named[name] = value
            r.scope.append(.constant(name: name, value: value))
        }
        r.scope.append(.constant(name: "ARGS", value: .object([
            "positional": .array(options.positionalArguments), "named": .object(named),
        ])))
        let loader = ModuleLoader(searchPaths: options.libraryPaths, prelude: prelude.functions)
        do {
            try loader.importAll(module.imports, into: r, relativeTo: nil)
        } catch let e as JQError {
            let msg: String
            if case .string(let s) = e.value { msg = s } else { msg = JSONText.dump(e.value) }
            throw JQCompileFailure(diagnostics: [.error(msg, at: module.imports.first?.span)], source: source)
        } catch {
            throw JQCompileFailure(diagnostics: [.error("\(error)")], source: source)
        }
        for d in module.defs { r.define(d) }
        let root = r.resolve(module.body!)
        if !r.diagnostics.isEmpty {
            throw JQCompileFailure(diagnostics: r.diagnostics, source: source)
        }
        return CompiledProgram(root: root, rootSlots: r.levelSlots[0], builtinsList: prelude.builtins,
                               libraryPaths: options.libraryPaths)
    }
}
