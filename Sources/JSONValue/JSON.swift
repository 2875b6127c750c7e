import OrderedCollections

/// A JSON value. Objects keep their keys in insertion order (as jq does), while
/// `==` ignores object key order (as jq's equality does).
public enum JSON: Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSON])
    case object(JSONObject)
}

/// An object's members in the order they were written.
public typealias JSONObject = OrderedDictionary<String, JSON>

/// A JSON number: its IEEE double value, plus the decimal text it was read from when
/// that text must be kept (jq 1.8 prints an unchanged literal as written, canonicalised).
public struct JSONNumber: Sendable {
    public var double: Double
    /// The canonical literal text, or nil for a computed number.
    public var literal: String?

    public init(_ double: Double, literal: String? = nil) {
        self.double = double
        self.literal = literal
    }
}

extension JSON {
    public static func number(_ d: Double) -> JSON { .number(JSONNumber(d)) }
    public static func number(_ i: Int) -> JSON { .number(JSONNumber(Double(i))) }

    /// jq's type name: "null", "boolean", "number", "string", "array", "object".
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var doubleValue: Double? {
        if case .number(let n) = self { return n.double }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    public var arrayValue: [JSON]? {
        if case .array(let a) = self { return a }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// Member lookup on an object; nil for other values or a missing key.
    public subscript(key: String) -> JSON? {
        if case .object(let o) = self { return o[key] }
        return nil
    }
}

extension JSON: Equatable {
    /// Structural equality as jq defines it: numbers by value, objects regardless of key order.
    public static func == (a: JSON, b: JSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x.double == y.double
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            guard x.count == y.count else { return false }
            for (k, v) in x {
                guard let w = y[k], w == v else { return false }
            }
            return true
        default: return false
        }
    }
}
