import Foundation
import Terminal

/// Runs a session to its end, reading command lines from the trainer's input. The two
/// drivers differ only in what a person at a terminal needs: a banner, history and a
/// final newline on Ctrl-D; a piped script instead reports whether every command
/// succeeded (exit 1 if any failed).
public enum SessionDriver {
    public static func run(_ trainer: inout Trainer) -> Int32 {
        let io = trainer.io
        // A command typed at the "continue lab?" question runs first.
        var typed: String?
        if io.interactive {
            io.say(io.style.bold("kcsa \(BuildStamp.version)") + " - KCSA trainer. Type `help` for commands, Ctrl-D to leave.")
            typed = trainer.offerToContinue()
        }
        var failures: Int32 = 0
        loop: while true {
            trainer.refreshCompleter()
            let read = typed.map { ReadResult.line($0) } ?? io.input.readLine(prompt: Prompt("kcsa> ", sgr: "1;36"))
            typed = nil
            switch read {
            case .eof:
                if io.interactive { io.say("") }
                break loop
            case .interrupted:
                io.say("^C")
                continue
            case .line(let raw):
                if Interrupts.shared.terminationSignal != nil { break loop }
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.isEmpty || line.hasPrefix("#") { continue }
                // A refused paste (too long to be a command) is not kept in the history.
                if line.utf8.count <= Trainer.maxLineBytes { io.input.addHistory(line) }
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
        // SIGTERM or SIGHUP: the readers ended the loop; the drafts and history are on disk.
        if let signal = Interrupts.shared.terminationSignal {
            io.warn("kcsa: ended by \(signal == SIGHUP ? "SIGHUP (the terminal closed)" : "SIGTERM"); your answers and history are saved\n")
            return 128 + signal
        }
        return io.interactive || failures == 0 ? 0 : 1
    }
}
