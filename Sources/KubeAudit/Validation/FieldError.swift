import Diagnostics

/// A field-level validation error, rendered exactly as apimachinery's `field.Error`.
public struct FieldError: Sendable, Equatable, Error, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case required = "Required value"
        case invalid = "Invalid value"
        case notSupported = "Unsupported value"
    }

    /// How the bad value is printed: Go `%q` for a plain string, `encoding/json`
    /// for anything else (a named string type such as audit.Level, a slice).
    public enum BadValue: Sendable, Equatable {
        case none
        case goString(String)
        case jsonString(String)
        case jsonStrings([String])
    }

    public var kind: Kind
    /// The apiserver's field path (`rules[0].resources.group`: no index on resources).
    public var field: String
    public var badValue: BadValue
    public var detail: String
    /// Our own fully indexed path (`rules[0].resources[1].group`), used to find the span.
    public var locator: String

    public init(kind: Kind, field: String, badValue: BadValue, detail: String, locator: String? = nil) {
        self.kind = kind
        self.field = field
        self.badValue = badValue
        self.detail = detail
        self.locator = locator ?? field
    }

    /// `field.Error.ErrorBody()`.
    public var body: String {
        var s = kind.rawValue
        switch badValue {
        case .none: break
        case .goString(let v): s += ": " + GoQuote.quote(v)
        case .jsonString(let v): s += ": " + GoQuote.json(v)
        case .jsonStrings(let vs): s += ": [" + vs.map(GoQuote.json).joined(separator: ",") + "]"
        }
        if !detail.isEmpty { s += ": " + detail }
        return s
    }

    /// `field.Error.Error()`: `<field>: <body>`.
    public var description: String { "\(field): \(body)" }
}

extension Array where Element == FieldError {
    /// The text of `ErrorList.ToAggregate().Error()`: duplicates removed; one message
    /// alone, several as `[a, b]`.
    public var aggregateMessage: String {
        var seen = Set<String>()
        var msgs: [String] = []
        for e in self {
            let m = e.description
            if seen.insert(m).inserted { msgs.append(m) }
        }
        if msgs.count == 1 { return msgs[0] }
        return "[" + msgs.joined(separator: ", ") + "]"
    }
}
