import JSONValue

/// The command line of `kcsa jq`, parsed by hand the way jq 1.8's `main.c`
/// parses it: options anywhere, short options combined (`-nr`), `-Ldir`,
/// `--arg name value`, the first non-option the filter, the rest files (or
/// positional arguments after `--args` / `--jsonargs`), `--` ending options.
struct JQOptions {
    var nullInput = false
    var rawInput = false
    var slurp = false
    var rawOutput = false
    var rawOutput0 = false
    /// `-j`: no newline after each output.
    var noNewline = false
    var asciiOutput = false
    var sortKeys = false
    var colorOutput = false
    var monochrome = false
    var exitStatus = false
    var seq = false
    var stream = false
    var unbuffered = false
    var fromFile = false
    /// Read inputs on demand when the filter allows it (off only in tests that
    /// compare the two ways of reading).
    var onDemand = true
    /// jq's dump flags for layout, changed in command-line order (`-c`, `--tab`, `--indent`).
    var pretty = true
    var indent = 2
    var tab = false

    var filter: String?
    var files: [String] = []
    var named: [(String, NamedValue)] = []
    var positional: [JSON] = []
    var libraryPaths: [String] = []
    var showHelp = false
    var showVersion = false

    /// A named argument before files are read (`--slurpfile`/`--rawfile` load later).
    enum NamedValue {
        case value(JSON)
        case slurpFile(String)
        case rawFile(String)
    }

    /// A usage error: jq prints the message, then a hint, and exits 2.
    struct UsageError: Error {
        var message: String
    }

    /// jq's test for "looks like an option": `-` then a letter, or `--`.
    static func isOptionLike(_ arg: String) -> Bool {
        let u = Array(arg.utf8)
        guard u.count >= 2, u[0] == UInt8(ascii: "-") else { return false }
        let c = u[1]
        return c == UInt8(ascii: "-") || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A)
    }

    static func parse(_ args: [String]) throws(UsageError) -> JQOptions {
        var o = JQOptions()
        var furtherStrings = false
        var furtherJSON = false
        var argsDone = false
        var i = 0
        func need(_ n: Int, _ message: String) throws(UsageError) {
            if i + n >= args.count { throw UsageError(message: message) }
        }
        while i < args.count {
            let arg = args[i]
            if argsDone || !isOptionLike(arg) {
                if o.filter == nil {
                    o.filter = arg
                } else if furtherStrings {
                    o.positional.append(.string(arg))
                } else if furtherJSON {
                    guard let v = try? JSONParser.parse(arg) else {
                        throw UsageError(message: "jq: invalid JSON text passed to --jsonargs")
                    }
                    o.positional.append(v)
                } else {
                    o.files.append(arg)
                }
                i += 1
                continue
            }
            if arg == "--" {
                argsDone = true
                i += 1
                continue
            }
            if arg.hasPrefix("--") {
                let name = String(arg.dropFirst(2))
                switch name {
                case "slurp": o.slurp = true
                case "raw-output": o.rawOutput = true
                case "raw-output0": o.rawOutput = true; o.noNewline = true; o.rawOutput0 = true
                case "join-output": o.rawOutput = true; o.noNewline = true
                case "compact-output": o.pretty = false; o.tab = false; o.indent = 0
                case "color-output": o.colorOutput = true
                case "monochrome-output": o.monochrome = true
                case "ascii-output": o.asciiOutput = true
                case "unbuffered": o.unbuffered = true
                case "sort-keys": o.sortKeys = true
                case "raw-input": o.rawInput = true
                case "null-input": o.nullInput = true
                case "from-file": o.fromFile = true
                case "exit-status": o.exitStatus = true
                case "seq": o.seq = true
                case "stream", "stream-errors": o.stream = true
                case "binary": break
                case "tab": o.pretty = true; o.tab = true; o.indent = 0
                case "indent":
                    try need(1, "jq: --indent takes one parameter")
                    guard let n = Int(args[i + 1]), n >= -1, n <= 7 else {
                        throw UsageError(message: "jq: --indent takes a number between -1 and 7")
                    }
                    o.tab = n == -1
                    o.pretty = true
                    o.indent = max(0, n)
                    i += 1
                case "library-path":
                    try need(1, "-L takes a parameter: (e.g. -L /search/path or -L/search/path)")
                    o.libraryPaths.append(args[i + 1])
                    i += 1
                case "args": furtherStrings = true; furtherJSON = false
                case "jsonargs": furtherStrings = false; furtherJSON = true
                case "arg", "argjson", "slurpfile", "rawfile":
                    let example = name == "arg" ? "varname value" : name == "argjson" ? "varname text" : "varname filename"
                    try need(2, "jq: --\(name) takes two parameters (e.g. --\(name) \(example))")
                    let key = args[i + 1], text = args[i + 2]
                    i += 2
                    // The first definition of a name wins, as in jq.
                    if o.named.contains(where: { $0.0 == key }) { break }
                    switch name {
                    case "arg": o.named.append((key, .value(.string(text))))
                    case "argjson":
                        guard let v = try? JSONParser.parse(text) else {
                            throw UsageError(message: "jq: invalid JSON text passed to --argjson")
                        }
                        o.named.append((key, .value(v)))
                    case "slurpfile": o.named.append((key, .slurpFile(text)))
                    default: o.named.append((key, .rawFile(text)))
                    }
                case "help": o.showHelp = true
                case "version": o.showVersion = true
                default:
                    throw UsageError(message: "jq: Unknown option --\(name)")
                }
                i += 1
                continue
            }
            // Short options, possibly combined.
            let letters = Array(arg.dropFirst())
            var k = 0
            while k < letters.count {
                let c = letters[k]
                k += 1
                switch c {
                case "s": o.slurp = true
                case "r": o.rawOutput = true
                case "j": o.rawOutput = true; o.noNewline = true
                case "c": o.pretty = false; o.tab = false; o.indent = 0
                case "C": o.colorOutput = true
                case "M": o.monochrome = true
                case "a": o.asciiOutput = true
                case "S": o.sortKeys = true
                case "R": o.rawInput = true
                case "n": o.nullInput = true
                case "f": o.fromFile = true
                case "e": o.exitStatus = true
                case "b": break
                case "h": o.showHelp = true
                case "V": o.showVersion = true
                case "L":
                    if k < letters.count {
                        o.libraryPaths.append(String(letters[k...]))
                    } else {
                        try need(1, "-L takes a parameter: (e.g. -L /search/path or -L/search/path)")
                        o.libraryPaths.append(args[i + 1])
                        i += 1
                    }
                    k = letters.count
                default:
                    throw UsageError(message: "jq: Unknown option -\(c)")
                }
            }
            i += 1
        }
        return o
    }

    /// The printer options these flags select.
    func printerOptions(colors: JSONColors?) -> JSONPrinter.Options {
        JSONPrinter.Options(indent: indent, tab: tab, pretty: pretty, sortKeys: sortKeys,
                            asciiOutput: asciiOutput, colors: colors)
    }
}
