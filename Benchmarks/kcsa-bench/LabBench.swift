import Diagnostics
import Foundation
import Labs

/// How long checking an answer takes, for every lab of the course with its reference
/// solution: in-process cold (nothing cached: the scenario's requests or logs are
/// generated), in-process warm (as in the REPL after the first check), and the whole
/// `kcsa lab check` command (process start, content loading and all) the first time
/// (empty cache) and then (logs and reference outputs cached on disk).
enum LabBench {
    static func main(_ args: [String]) {
        var kcsa = ".build/release/kcsa"
        var i = 0
        while i < args.count {
            if args[i] == "--kcsa", i + 1 < args.count { kcsa = args[i + 1]; i += 1 }
            i += 1
        }
        let root = FileManager.default.currentDirectoryPath
        let catalog = LabCatalog.load(root: root)
        guard !catalog.labs.isEmpty else {
            print("no labs found (run from the package root)")
            exit(2)
        }
        print("kcsa lab check benchmark: \(catalog.labs.count) labs, reference answers, times in ms")
        print("lab                                 kind      cold   warm  CLI-1    CLI")
        var colds: [Double] = [], warms: [Double] = [], firsts: [Double] = [], clis: [Double] = []
        let home = NSTemporaryDirectory() + "kcsa-bench-home-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        for lab in catalog.labs {
            let answer = SourceFile(name: "reference", text: lab.reference)
            let checker = LabChecker(resources: LabResources(root: root))
            var t = Date()
            let passed = (try? checker.check(lab, answer: answer))?.passed ?? false
            let cold = Date().timeIntervalSince(t) * 1000
            var warm = Double.infinity
            for _ in 0..<3 {
                t = Date()
                _ = try? checker.check(lab, answer: answer)
                warm = min(warm, Date().timeIntervalSince(t) * 1000)
            }
            let file = NSTemporaryDirectory() + "kcsa-bench-\(lab.id).answer"
            try? lab.reference.write(toFile: file, atomically: true, encoding: .utf8)
            var cli = Double.infinity, first = 0.0
            for run in 0..<4 {
                // posix_spawn and waitpid: Foundation's waitUntilExit polls in 50 ms steps.
                t = Date()
                guard Spawn.run(kcsa, ["lab", "check", lab.id, file, "--no-record"], environment: ["KCSA_HOME": home]) else {
                    break
                }
                let ms = Date().timeIntervalSince(t) * 1000
                if run == 0 { first = ms } else { cli = min(cli, ms) }
            }
            colds.append(cold); warms.append(warm); firsts.append(first); clis.append(cli)
            print(String(format: "%@ %@ %6.1f %6.1f %6.1f %6.1f%@", lab.id.padding(toLength: 35, withPad: " ", startingAt: 0),
                         lab.kind.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0), cold, warm, first, cli,
                         passed ? "" : "  (reference did not pass!)"))
        }
        func median(_ v: [Double]) -> Double { v.sorted()[v.count / 2] }
        print(String(format: "median: cold %.1f, warm %.1f, CLI first %.1f, CLI %.1f", median(colds), median(warms),
                     median(firsts), median(clis)))
        print(String(format: "max:    cold %.1f, warm %.1f, CLI first %.1f, CLI %.1f", colds.max()!, warms.max()!,
                     firsts.max()!, clis.max()!))
    }
}

/// Runs a program to completion with its output discarded.
enum Spawn {
    static func run(_ path: String, _ args: [String], environment extra: [String: String]) -> Bool {
        var env = ProcessInfo.processInfo.environment
        for (k, v) in extra { env[k] = v }
        let argv = ([path] + args).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, argv, envp) == 0 else { return false }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return true
    }
}
