import Diagnostics
import Foundation

/// Reads a file named on the command line (`-` for standard input) into a SourceFile.
enum InputFile {
    static func read(_ path: String, limit: Int = 64 << 20) throws(CLIError) -> SourceFile {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return SourceFile(name: "<stdin>", bytes: [UInt8](data))
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw CLIError("cannot read \(path): no such file")
        }
        if isDir.boolValue { throw CLIError("cannot read \(path): it is a directory") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CLIError("cannot read \(path): permission denied")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        if data.count > limit {
            throw CLIError("cannot read \(path): larger than \(limit >> 20) MB")
        }
        return SourceFile(name: path, bytes: [UInt8](data))
    }
}

/// A failure of the tool or of its usage (exit 2), as opposed to a learner's answer
/// that did not pass (exit 1).
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32

    init(_ message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }

    var description: String { message }
}
