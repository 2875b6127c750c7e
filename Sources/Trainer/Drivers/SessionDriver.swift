import Foundation
import Terminal

/// Runs a session to its end, reading command lines from the trainer's input. The two
/// drivers differ only in what a person at a terminal needs: a banner, history and a
/// final newline on Ctrl-D; a piped script instead reports whether every command
/// succeeded (exit 1 if any failed).
public enum SessionDriver {
    public static func run(_ trainer: inout Trainer) -> Int32 {
        let io = trainer.io
        if io.interactive {
            io.say(io.style.bold("kcsa \(BuildStamp.version)") + " - KCSA trainer. Type `help` for commands, Ctrl-D to leave.")
            trainer.offerToContinue()
        }
        var failures: Int32 = 0
        loop: while true {
            trainer.refreshCompleter()
            switch io.input.readLine(prompt: Prompt("kcsa> ", sgr: "1;36")) {
            case .eof:
                if io.interactive { io.say("") }
                break loop
            case .interrupted:
                io.say("^C")
                continue
            case .line(let raw):
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line.hasPrefix("#") { continue }
                io.input.addHistory(line)
                let outcome = trainer.execute(line)
                // A Ctrl-C pressed while the command ran belonged to that command.
                Interrupts.shared.clear()
                switch outcome {
                case .quit: break loop
                case .failed: failures += 1
                case .ok: break
                }
            }
        }
        return io.interactive || failures == 0 ? 0 : 1
    }
}
