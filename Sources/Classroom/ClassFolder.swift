import Diagnostics
import Foundation

/// A class folder: `class.yaml`, `roster.csv` and `gradebook.sqlite`, read and written
/// together.
public struct ClassFolder: Sendable {
    public static let classFile = "class.yaml"
    public static let rosterFile = "roster.csv"

    public var path: String
    public var spec: ClassSpec
    public var roster: Roster

    /// A class file or roster with problems: each with the file it is in, for rendering.
    public struct Problems: Error, Sendable {
        public var items: [(file: SourceFile?, diagnostic: Diagnostic)]

        public var message: String {
            items.first.map { $0.diagnostic.message } ?? "the class cannot be read"
        }
    }

    public var gradebookPath: String { path + "/" + Gradebook.fileName }

    /// Reads the folder; `knownLabs` are the course's lab ids (a class.yaml lab not among
    /// them is an error at its line).
    public static func load(_ path: String, knownLabs: [String]) throws(Problems) -> ClassFolder {
        let classPath = path + "/" + classFile
        let rosterPath = path + "/" + rosterFile
        guard let classData = FileManager.default.contents(atPath: classPath) else {
            throw Problems(items: [(nil, .error("\(classPath) does not exist or cannot be read (is \(path) a class folder? "
                                                 + "`kcsa class init` makes one)"))])
        }
        let classSource = SourceFile(name: classPath, bytes: [UInt8](classData))
        let (spec, classDiagnostics) = ClassDecoder.decode(classSource, knownLabs: knownLabs)
        var items = classDiagnostics.filter { $0.severity == .error }.map { (Optional(classSource), $0) }
        var roster: Roster?
        if let rosterData = FileManager.default.contents(atPath: rosterPath) {
            let rosterSource = SourceFile(name: rosterPath, bytes: [UInt8](rosterData))
            let (r, d) = Roster.read(rosterSource)
            roster = r
            items += d.filter { $0.severity == .error }.map { (Optional(rosterSource), $0) }
        } else {
            items.append((nil, .error("\(rosterPath) does not exist or cannot be read")))
        }
        guard let spec, let roster, items.isEmpty else { throw Problems(items: items) }
        return ClassFolder(path: path, spec: spec, roster: roster)
    }

    /// Writes a new class folder; refuses to overwrite an existing class.yaml.
    public static func create(_ path: String, spec: ClassSpec, roster: Roster) throws(ClassFileError) {
        let fm = FileManager.default
        let classPath = path + "/" + classFile
        if fm.fileExists(atPath: classPath) { throw ClassFileError(classPath, "already exists (a class is never overwritten)") }
        do {
            try fm.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            // The salt is the instructor's secret: the class file is readable by its owner only.
            guard fm.createFile(atPath: classPath, contents: Data(ClassDecoder.encode(spec).utf8),
                                attributes: [.posixPermissions: 0o600]) else {
                throw ClassFileError(classPath, "cannot be written")
            }
            try Data(roster.csv().utf8).write(to: URL(fileURLWithPath: path + "/" + rosterFile))
        } catch let e as ClassFileError {
            throw e
        } catch {
            throw ClassFileError(path, "cannot be written: \(error.localizedDescription)")
        }
    }

    /// A class id from a folder name: kebab-case, or nil when nothing usable is left.
    public static func id(forFolder path: String) -> String? {
        let name = URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent.lowercased()
        var out = ""
        for c in name {
            if c.isASCII && (c.isLetter || c.isNumber) { out.append(c) } else if !out.isEmpty && out.last != "-" { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? nil : out
    }
}
