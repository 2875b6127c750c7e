import JSONValue

extension Natives {
    static let regex: [Native] = [
        Native("_match_impl", 3, .values { v, a in try Regex.match(v, a[0], a[1], testOnly: a[2] == .bool(true)) }),
    ]
}
