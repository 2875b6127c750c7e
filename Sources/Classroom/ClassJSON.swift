import Diagnostics
import Foundation
import JSONValue

/// A class file (handout, bundle, joined class) that cannot be used, with the file's name.
public struct ClassFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var message: String
    /// The syntax error's place in the file, when it has one.
    public var diagnostic: Diagnostic?

    public init(_ file: String, _ message: String, diagnostic: Diagnostic? = nil) {
        self.file = file
        self.message = message
        self.diagnostic = diagnostic
    }

    public var description: String { "\(file) \(message)" }
}

/// JSON in and out for the class's own files: sorted keys and pretty output (so they diff
/// well), and errors with a place: jq's syntax check first (line and column), then the
/// decoder's field path.
enum ClassJSON {
    static func encode<T: Encodable>(_ value: T) -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(ClassDate.format(date))
        }
        return (try? e.encode(value)).map { $0 + Data([0x0A]) } ?? Data()
    }

    static func decode<T: Decodable>(_ data: Data, name: String, what: String) throws(ClassFileError) -> T {
        do {
            _ = try JSONParser.parse(bytes: [UInt8](data))
        } catch {
            // jq's wording and place ("Unfinished JSON term at EOF at line 3, column 1").
            let truncated = error.atEOF ? " (the file is truncated)" : ""
            throw ClassFileError(name, "is not valid JSON: \(error.message)\(truncated)", diagnostic: error.diagnostic())
        }
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            let text = try c.decode(String.self)
            guard let date = ClassDate.parse(text) else {
                throw DecodingError.dataCorruptedError(in: c, debugDescription: "\"\(text)\" is not an ISO 8601 date")
            }
            return date
        }
        do {
            return try d.decode(T.self, from: data)
        } catch let e as DecodingError {
            throw ClassFileError(name, "is not \(what): \(describe(e))")
        } catch {
            throw ClassFileError(name, "is not \(what): \(error)")
        }
    }

    static func describe(_ e: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let p = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return p.isEmpty ? "the top level" : "`\(p.hasPrefix(".") ? String(p.dropFirst()) : p)`"
        }
        switch e {
        case let .keyNotFound(key, c): return "\(path(c.codingPath + [key])) is missing"
        case let .typeMismatch(type, c): return "\(path(c.codingPath)) must be \(typeName(type))"
        case let .valueNotFound(type, c): return "\(path(c.codingPath)) must be \(typeName(type)), not null"
        case let .dataCorrupted(c): return "\(path(c.codingPath)): \(c.debugDescription)"
        @unknown default: return "\(e)"
        }
    }

    static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is UInt64.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }
}
