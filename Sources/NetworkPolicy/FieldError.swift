import Diagnostics

/// One validation error as apimachinery's `field.Error` carries it: a type, a field path,
/// the offending value and a detail, rendered the way `(*field.Error).Error()` renders it.
public struct FieldError: Sendable, Equatable, Error, CustomStringConvertible {
    /// `field.ErrorType`: the name (`FieldValueInvalid`) is what conformance compares,
    /// the text (`Invalid value`) is what users read.
    public enum ErrorType: String, Sendable, Equatable {
        case required = "FieldValueRequired"
        case invalid = "FieldValueInvalid"
        case notSupported = "FieldValueNotSupported"
        case forbidden = "FieldValueForbidden"
        case typeInvalid = "FieldValueTypeInvalid"

        public var text: String {
            switch self {
            case .required: "Required value"
            case .invalid, .typeInvalid: "Invalid value"
            case .notSupported: "Unsupported value"
            case .forbidden: "Forbidden"
            }
        }
    }

    /// The bad value as Go's `ErrorBody` prints it: `%v` for numbers, `%q` for plain strings,
    /// JSON for named string types and slices.
    public enum BadValue: Sendable, Equatable {
        case string(String)
        case int(Int)
        case json(String)
    }

    public var type: ErrorType
    public var field: String
    public var badValue: BadValue?
    public var detail: String

    public init(_ type: ErrorType, _ field: String, _ badValue: BadValue? = nil, _ detail: String = "") {
        self.type = type
        self.field = field
        self.badValue = badValue
        self.detail = detail
    }

    public static func required(_ field: String, _ detail: String) -> FieldError {
        FieldError(.required, field, nil, detail)
    }

    public static func forbidden(_ field: String, _ detail: String) -> FieldError {
        FieldError(.forbidden, field, nil, detail)
    }

    public static func invalid(_ field: String, _ value: BadValue, _ detail: String) -> FieldError {
        FieldError(.invalid, field, value, detail)
    }

    /// `field.NotSupported`: the detail lists the supported values, each quoted.
    public static func notSupported(_ field: String, _ value: BadValue, _ supported: [String]) -> FieldError {
        FieldError(.notSupported, field, value,
                   supported.isEmpty ? "" : "supported values: " + supported.map(GoQuote.quote).joined(separator: ", "))
    }

    /// The message without the field (`ErrorBody`).
    public var body: String {
        var s = type.text
        if type != .required && type != .forbidden, let badValue {
            switch badValue {
            case .string(let v): s += ": " + GoQuote.quote(v)
            case .int(let v): s += ": \(v)"
            case .json(let v): s += ": " + v
            }
        }
        if !detail.isEmpty { s += ": " + detail }
        return s
    }

    /// `field: body`, exactly as `(*field.Error).Error()`.
    public var description: String { "\(field): \(body)" }
}
