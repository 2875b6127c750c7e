import Diagnostics
import JSONValue

/// One token of jq source. Strings are not tokens: the parser reads them itself,
/// because `"\( ... )"` nests whole programs inside a string.
enum Token: Equatable {
    case ident(String)        // foo, foo::bar
    case field(String)        // .foo
    case variable(String)     // $foo (without the $)
    case keyword(String)      // if then ...
    case number(String)
    case format(String)       // @base64 (without the @)
    case punct(String)        // | , ( ) [ ] { } : ; . .. ?// == |= ...
    case quote                // the opening " of a string
    case eof
    case invalid(String)
}

/// Reads tokens from program bytes on demand.
struct Lexer {
    let bytes: [UInt8]
    var pos = 0

    static let keywords: Set<String> = [
        "def", "as", "if", "then", "elif", "else", "end", "reduce", "foreach", "try", "catch",
        "label", "import", "include", "module", "and", "or", "__loc__",
    ]

    init(bytes: [UInt8]) { self.bytes = bytes }

    private static func isIdentStart(_ c: UInt8) -> Bool {
        (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95
    }
    private static func isIdentChar(_ c: UInt8) -> Bool {
        isIdentStart(c) || (c >= 48 && c <= 57)
    }
    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    func byte(_ i: Int) -> UInt8 { i < bytes.count ? bytes[i] : 0 }

    mutating func skipTrivia() {
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 32 || c == 9 || c == 10 || c == 13 {
                pos += 1
            } else if c == 35 { // '#': comment to end of line; a backslash continues it (jq 1.8)
                while pos < bytes.count && bytes[pos] != 10 {
                    if bytes[pos] == 92 && pos + 1 < bytes.count {
                        // An odd number of backslashes before a newline continues the comment.
                        var n = 0
                        while pos < bytes.count && bytes[pos] == 92 { n += 1; pos += 1 }
                        if n % 2 == 1 && pos < bytes.count && (bytes[pos] == 10 || bytes[pos] == 13) {
                            if bytes[pos] == 13 && byte(pos + 1) == 10 { pos += 1 }
                            pos += 1
                        }
                        continue
                    }
                    pos += 1
                }
            } else {
                break
            }
        }
    }

    private mutating func identifier() -> String {
        let start = pos
        while true {
            while pos < bytes.count && Lexer.isIdentChar(bytes[pos]) { pos += 1 }
            if byte(pos) == 58 && byte(pos + 1) == 58 && Lexer.isIdentStart(byte(pos + 2)) {
                pos += 2
                continue
            }
            break
        }
        return String(decoding: bytes[start..<pos], as: UTF8.self)
    }

    /// The next token and its span; trivia before it is skipped.
    mutating func next() -> (Token, Span) {
        skipTrivia()
        let start = pos
        guard pos < bytes.count else { return (.eof, .at(pos)) }
        let c = bytes[pos]
        func done(_ t: Token) -> (Token, Span) { (t, Span(start: start, end: pos)) }
        if Lexer.isIdentStart(c) {
            let name = identifier()
            if Lexer.keywords.contains(name) && name != "__loc__" { return done(.keyword(name)) }
            return done(.ident(name))
        }
        if c == 36 { // $
            pos += 1
            if Lexer.isIdentStart(byte(pos)) {
                let name = identifier()
                if name == "__loc__" { return done(.keyword("$__loc__")) }
                return done(.variable(name))
            }
            return done(.invalid("$"))
        }
        if c == 64 { // @
            pos += 1
            let s = pos
            while pos < bytes.count && Lexer.isIdentChar(bytes[pos]) { pos += 1 }
            return done(.format(String(decoding: bytes[s..<pos], as: UTF8.self)))
        }
        if Lexer.isDigit(c) || (c == 46 && Lexer.isDigit(byte(pos + 1))) {
            while Lexer.isDigit(byte(pos)) { pos += 1 }
            if byte(pos) == 46 {
                pos += 1
                while Lexer.isDigit(byte(pos)) { pos += 1 }
            }
            if byte(pos) == 101 || byte(pos) == 69 {
                var p = pos + 1
                if byte(p) == 43 || byte(p) == 45 { p += 1 }
                if Lexer.isDigit(byte(p)) {
                    pos = p
                    while Lexer.isDigit(byte(pos)) { pos += 1 }
                }
            }
            return done(.number(String(decoding: bytes[start..<pos], as: UTF8.self)))
        }
        if c == 34 { pos += 1; return done(.quote) }
        if c == 46 { // .
            if byte(pos + 1) == 46 { pos += 2; return done(.punct("..")) }
            if Lexer.isIdentStart(byte(pos + 1)) {
                pos += 1
                let s = pos
                while pos < bytes.count && Lexer.isIdentChar(bytes[pos]) { pos += 1 }
                return done(.field(String(decoding: bytes[s..<pos], as: UTF8.self)))
            }
            pos += 1
            return done(.punct("."))
        }
        let three = ["?//", "//="]
        let two = ["|=", "+=", "-=", "*=", "/=", "%=", "==", "!=", "<=", ">=", "//"]
        for op in three where matches(op) { pos += 3; return done(.punct(op)) }
        for op in two where matches(op) { pos += 2; return done(.punct(op)) }
        if "|,()[]{}:;=<>+-*/%?".utf8.contains(c) {
            pos += 1
            return done(.punct(String(UnicodeScalar(c))))
        }
        // One whole UTF-8 character, for the message.
        pos += 1
        while pos < bytes.count && bytes[pos] & 0xC0 == 0x80 { pos += 1 }
        return done(.invalid(String(decoding: bytes[start..<pos], as: UTF8.self)))
    }

    private func matches(_ op: String) -> Bool {
        var i = pos
        for b in op.utf8 {
            if byte(i) != b { return false }
            i += 1
        }
        return true
    }
}
