/// The word TAB completes: the text before the cursor back to a space or to jq's
/// punctuation, so `try select(.objectRef.` completes `.objectRef.`.
public enum CompletionWord {
    static let separators: Set<Character> = [" ", "(", ")", "|", ",", "'", "\"", "[", "]", "{", "}", ";", "=", "<", ">",
                                             "!", "+", "*", ":"]

    public static func token(_ before: String) -> String {
        String(before.reversed().prefix { !separators.contains($0) }.reversed())
    }
}
