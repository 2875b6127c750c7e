import JSONValue

/// The JSON parser: every value of a stream (jq's input reader), printed back compact and pretty.
enum JSONFuzz {
    @Sendable static func run(_ data: UnsafeRawBufferPointer) {
        let bytes = Array(data)
        do {
            let values = try JSONParser.parseAll(bytes: bytes)
            for value in values {
                _ = JSONPrinter(options: .init()).string(value)
                _ = JSONPrinter(options: .pretty).string(value)
            }
        } catch {
            _ = JSONParser.fromjsonMessage(error, text: String(decoding: bytes, as: UTF8.self))
        }
    }
}
