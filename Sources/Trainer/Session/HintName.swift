/// What a hint is called: the first a nudge, the last the near-solution, those between pointers.
public enum HintName {
    public static func of(_ tier: Int, of count: Int) -> String {
        if tier == count && count > 1 { return "near-solution" }
        return tier == 1 ? "nudge" : "pointer"
    }
}
