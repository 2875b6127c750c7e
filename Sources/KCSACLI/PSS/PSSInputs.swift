import Diagnostics
import PodSecurity
import Terminal
import Trainer

/// Reads the FILE arguments of `kcsa pss`: each file's objects, with its problems drawn
/// on stderr (positioned, with a caret). A bad file or document marks the run as bad
/// input (exit 2) without stopping the others.
struct PSSInputs {
    struct Object {
        var path: String
        var object: PodSecurityObject
    }

    var objects: [Object] = []
    var badInput = false

    static func read(_ paths: [String], asStored: Bool) -> PSSInputs {
        var inputs = PSSInputs()
        let renderer = DiagnosticRenderer(color: Console.stderrColor)
        for path in paths {
            let source: SourceFile
            do {
                source = try InputFile.read(path, limit: ManifestReader.maxBytes)
            } catch {
                Console.err("kcsa: \(error.message)\n")
                inputs.badInput = true
                continue
            }
            let entries = ManifestReader.read(source)
            if entries.isEmpty {
                Console.err(renderer.render(.error("no Kubernetes objects in \(source.name): the file is empty",
                                                   help: "a manifest holds one or more YAML or JSON documents with apiVersion and kind"),
                                            in: nil))
                inputs.badInput = true
            }
            for entry in entries {
                switch entry.result {
                case .invalid(let diagnostics):
                    Console.err(renderer.render(diagnostics, in: source))
                    inputs.badInput = true
                case .skipped(let kind, let name, let span):
                    Console.err(renderer.renderShort(.init(.note, "\(kind)/\(name) has no pod template; not checked", at: span),
                                                     in: source) + "\n")
                case .object(var object):
                    Console.err(renderer.render(object.warnings, in: source))
                    if !asStored { APIDefaulting.apply(to: &object) }
                    inputs.objects.append(Object(path: path, object: object))
                }
            }
        }
        return inputs
    }

    /// The `--namespace` file: the namespace (and its new state, if a second one is given)
    /// and the plugin configuration.
    static func namespaceFile(_ path: String) throws -> NamespaceFile {
        let source = try InputFile.read(path, limit: ManifestReader.maxBytes)
        let file = NamespaceFile.read(source)
        if !file.diagnostics.isEmpty {
            Console.err(DiagnosticRenderer(color: Console.stderrColor).render(file.diagnostics, in: source))
            throw CLIError("the namespace file \(path) cannot be used")
        }
        return file
    }
}
