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

/// Go's quoting: `strconv.Quote` for `%q`, and `encoding/json` string encoding for JSON values.
public enum GoQuote {
    /// `strconv.Quote`: printable characters kept, others escaped.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{0B}": out += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.value >= 0x80 && !scalar.properties.isPrintableForGo {
                    out += scalar.value > 0xFFFF ? "\\U" + hex(scalar.value, width: 8) : "\\u" + hex(scalar.value, width: 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `json.Marshal` of a string (HTML-safe escaping, as Go does by default).
    public static func json(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}": out += "\\u" + hex(scalar.value, width: 4)
            default:
                if scalar.value < 0x20 { out += "\\u" + hex(scalar.value, width: 4) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// `json.Marshal` of a `[]string` (`null` for a nil slice).
    public static func jsonArray(_ values: [String]?) -> String {
        guard let values else { return "null" }
        return "[" + values.map(json).joined(separator: ",") + "]"
    }

    private static func hex(_ v: UInt32, width: Int) -> String {
        let h = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - h.count)) + h
    }
}

extension Unicode.Scalar.Properties {
    /// Close to Go's `unicode.IsPrint` for non-ASCII: letters, marks, numbers, punctuation, symbols.
    fileprivate var isPrintableForGo: Bool {
        switch generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
             .spaceSeparator:
            return false
        default:
            return true
        }
    }
}
