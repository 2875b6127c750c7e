import Foundation

/// Sizes like `500MB` or `2GB` (powers of 1000, as disk budgets are quoted).
public enum ByteSize {
    public static func parse(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Double)] = [("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3), ("B", 1)]
        for (suffix, factor) in units where t.hasSuffix(suffix) {
            guard let n = Double(t.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), n >= 0 else { return nil }
            return n * factor
        }
        return nil
    }

    public static func format(_ bytes: Double) -> String {
        for (suffix, factor) in [("TB", 1e12), ("GB", 1e9), ("MB", 1e6), ("KB", 1e3)] where bytes >= factor {
            return String(format: "%.2f %@", bytes / factor, suffix)
        }
        return String(format: "%.0f B", bytes)
    }
}
