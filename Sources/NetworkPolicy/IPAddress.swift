/// An IPv4 or IPv6 address, parsed the way `k8s.io/utils/net.ParseIPSloppy` parses it
/// (IPv4 octets may carry leading zeros, read as decimal; `::ffff:a.b.c.d` is IPv4).
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// 32 significant bits for IPv4 (in the low word), 128 for IPv6.
    public var high: UInt64
    public var low: UInt64
    public var isIPv4: Bool

    public var bitCount: Int { isIPv4 ? 32 : 128 }

    public init?(_ text: String) {
        if let v4 = IPAddress.parseIPv4(Substring(text)) {
            self.init(v4: v4)
        } else if text.contains(":"), let (hi, lo) = IPAddress.parseIPv6(text) {
            if hi == 0 && lo >> 32 == 0xFFFF {
                self.init(v4: UInt32(truncatingIfNeeded: lo))
            } else {
                self.init(high: hi, low: lo)
            }
        } else {
            return nil
        }
    }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
        isIPv4 = false
    }

    init(v4: UInt32) {
        high = 0
        low = UInt64(v4)
        isIPv4 = true
    }

    public var description: String {
        if isIPv4 {
            let v = UInt32(truncatingIfNeeded: low)
            return "\(v >> 24).\((v >> 16) & 255).\((v >> 8) & 255).\(v & 255)"
        }
        var groups: [UInt16] = []
        for i in 0..<4 { groups.append(UInt16(truncatingIfNeeded: high >> (48 - 16 * UInt64(i)))) }
        for i in 0..<4 { groups.append(UInt16(truncatingIfNeeded: low >> (48 - 16 * UInt64(i)))) }
        // The longest run of two or more zero groups becomes "::".
        var best = (start: -1, length: 0), i = 0
        while i < 8 {
            var j = i
            while j < 8 && groups[j] == 0 { j += 1 }
            if j - i > best.length && j - i >= 2 { best = (i, j - i) }
            i = j == i ? i + 1 : j
        }
        let hex = groups.map { String($0, radix: 16) }
        if best.start < 0 { return hex.joined(separator: ":") }
        return hex[..<best.start].joined(separator: ":") + "::" + hex[(best.start + best.length)...].joined(separator: ":")
    }

    static func parseIPv4(_ s: Substring) -> UInt32? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var v: UInt32 = 0
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let n = UInt32(p), n <= 255
            else { return nil }
            v = v << 8 | n
        }
        return v
    }

    static func parseIPv6(_ s: String) -> (UInt64, UInt64)? {
        func groups(_ part: Substring, allowIPv4: Bool) -> [UInt16]? {
            if part.isEmpty { return [] }
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            var out: [UInt16] = []
            for (i, p) in pieces.enumerated() {
                if allowIPv4 && i == pieces.count - 1 && p.contains(".") {
                    guard let v4 = parseIPv4(p) else { return nil }
                    out += [UInt16(v4 >> 16), UInt16(v4 & 0xFFFF)]
                    continue
                }
                guard !p.isEmpty, p.count <= 4, let g = UInt16(p, radix: 16) else { return nil }
                out.append(g)
            }
            return out
        }
        var all: [UInt16]
        if let gap = s.firstRange(of: "::") {
            let head = s[..<gap.lowerBound], tail = s[gap.upperBound...]
            guard tail.firstRange(of: "::") == nil, let h = groups(head, allowIPv4: false),
                  let t = groups(tail, allowIPv4: true), h.count + t.count <= 7 else { return nil }
            all = h + Array(repeating: 0, count: 8 - h.count - t.count) + t
        } else {
            guard let g = groups(Substring(s), allowIPv4: true), g.count == 8 else { return nil }
            all = g
        }
        var hi: UInt64 = 0, lo: UInt64 = 0
        for g in all[0..<4] { hi = hi << 16 | UInt64(g) }
        for g in all[4..<8] { lo = lo << 16 | UInt64(g) }
        return (hi, lo)
    }
}

/// A CIDR as `netutils.ParseCIDRSloppy` reads it: host bits may be set and are masked off
/// (`10.0.1.10/4` is `0.0.0.0/4`), as Go's `net.IPNet` does.
public struct CIDR: Sendable, Hashable, CustomStringConvertible {
    public var network: IPAddress
    public var prefixLength: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let ip = IPAddress(String(parts[0])),
              !parts[1].isEmpty, parts[1].count <= 3, parts[1].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let n = Int(parts[1]), n <= ip.bitCount else { return nil }
        prefixLength = n
        network = CIDR.mask(ip, n)
    }

    static func mask(_ ip: IPAddress, _ n: Int) -> IPAddress {
        var m = ip
        if ip.isIPv4 {
            m.low = n == 0 ? 0 : ip.low & (UInt64(UInt32.max) << UInt64(32 - n)) & UInt64(UInt32.max)
        } else {
            m.high = n == 0 ? 0 : n >= 64 ? ip.high : ip.high & (UInt64.max << UInt64(64 - n))
            m.low = n <= 64 ? 0 : n == 128 ? ip.low : ip.low & (UInt64.max << UInt64(128 - n))
        }
        return m
    }

    /// `net.IPNet.Contains`: same family, same network bits.
    public func contains(_ ip: IPAddress) -> Bool {
        ip.isIPv4 == network.isIPv4 && CIDR.mask(ip, prefixLength) == network
    }

    public var description: String { "\(network)/\(prefixLength)" }
}
