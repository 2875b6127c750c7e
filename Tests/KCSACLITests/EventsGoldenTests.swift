import Foundation
import Testing

/// `kcsa events generate` writes the same bytes however it produces them: these hashes
/// (FNV-1a 64 of the log and of --truth) were recorded from the version that kept the
/// whole log in memory, before events were streamed (and re-recorded once when every
/// request began to be authorized by the RBAC engine). A change to what the simulator
/// emits (EventBuilder, Bodies, the scenarios) changes them on purpose: re-record with
/// `kcsa events generate ARGS -o log --truth truth` and FNV-1a 64 of each file.
struct EventsGoldenTests {
    struct Golden: Sendable, CustomTestStringConvertible {
        var name: String
        var arguments: [String]
        var bytes: Int
        var log: UInt64
        var truth: UInt64
        var testDescription: String { name }
    }

    static let goldens: [Golden] = [
        Golden(name: "dev-small", arguments: ["--scenario", "dev-small", "--duration", "10m", "--seed", "1"],
               bytes: 1_012_782, log: 0x29fa_8115_d9fb_0bf1, truth: 0xcbfa_6740_47e7_840e),
        Golden(name: "tampering legacy", arguments: ["--scenario", "incident-tampering", "--duration", "30m", "--seed", "7",
                                                     "--format", "legacy"],
               bytes: 1_443_030, log: 0x8615_67f5_8b6b_1c04, truth: 0x16b9_ab0b_5546_25da),
        Golden(name: "prod-100 comprehensive", arguments: ["--scenario", "prod-100", "--duration", "1m", "--seed", "3",
                                                           "--policy", "Labs/policies/seed-comprehensive.yaml"],
               bytes: 3_814_065, log: 0xe452_a3d7_c75d_ade5, truth: 0xc164_2f18_3792_f578),
        Golden(name: "workloads-pss", arguments: ["--scenario", "workloads-pss", "--duration", "20m", "--seed", "2"],
               bytes: 2_028_345, log: 0xd582_9a7f_ddd3_778d, truth: 0x9780_26b8_3341_2d75),
        Golden(name: "breakout requestresponse", arguments: ["--scenario", "incident-breakout", "--duration", "15m", "--seed", "5",
                                                             "--policy", "Labs/policies/volume-requestresponse.yaml",
                                                             "--now", "2026-05-01T00:00:00Z"],
               bytes: 2_680_351, log: 0xdce9_35bc_e1c8_9e19, truth: 0x13db_6140_11c9_184a),
    ]

    static func fnv1a(_ data: Data) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in data {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    @Test("events generate -o writes the recorded bytes", arguments: goldens)
    func toFile(_ g: Golden) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kcsa-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let log = dir.appendingPathComponent("log").path, truth = dir.appendingPathComponent("truth").path
        let r = try PolicyCommandTests.kcsa(["events", "generate"] + g.arguments + ["--content", ".", "-o", log, "--truth", truth])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try #require(FileManager.default.contents(atPath: log))
        #expect(data.count == g.bytes)
        #expect(Self.fnv1a(data) == g.log)
        #expect(Self.fnv1a(try #require(FileManager.default.contents(atPath: truth))) == g.truth)
    }

    @Test("events generate to standard output writes the same bytes")
    func toStandardOutput() throws {
        let g = Self.goldens[0]
        let r = try PolicyCommandTests.kcsa(["events", "generate"] + g.arguments + ["--content", "."])
        #expect(r.status == 0)
        #expect(r.stdout.utf8.count == g.bytes)
        #expect(Self.fnv1a(Data(r.stdout.utf8)) == g.log)
    }
}
