#!/usr/bin/env python3
"""Issue 17 on a real terminal (used by SignalsPTYTests): signals, pastes and garbage.

Usage: signals_pty.py KCSA_BINARY COURSE_DIR STATE_DIR
- a 100 KB paste at the prompt, at `try` and at `jq` is refused with a clear message;
- binary garbage typed at the prompt (every byte, Ctrl-\\ included) leaves the session alive;
- `peek` with a garbage argument prints its usage;
- SIGTERM in the middle of `write` ends the session with status 143: the lines typed so far
  are saved as the draft, the history is on disk, and the terminal is back in cooked mode;
- SIGHUP during a running `try` ends it with status 129, the terminal restored.
Exits 0 when every step saw what it expected, else prints the step and the screen, exits 1.
"""
import glob
import os
import signal
import sys
import termios
import time

import pexpect

binary, course, state = sys.argv[1:4]
env = {k: v for k, v in os.environ.items() if k not in ("VISUAL", "EDITOR")}
env.update({"KCSA_CONTENT": course, "KCSA_HOME": state, "XDG_STATE_HOME": state, "HOME": state,
            "TERM": "xterm-256color", "LANG": "C.UTF-8", "NO_COLOR": "1", "SWIFT_BACKTRACE": "enable=no"})
PROMPT = "kcsa>"
LIMIT = "a command line may be at most"


def spawn():
    return pexpect.spawn(binary, [], env=env, encoding="utf-8", codec_errors="replace", timeout=30,
                         dimensions=(24, 80))


def fail(name, child, detail=""):
    print(f"step failed: {name} {detail}\n--- screen ---\n{child.before}")
    sys.exit(1)


def drain(child):
    try:
        while True:
            child.read_nonblocking(65536, timeout=0.01)
    except pexpect.TIMEOUT:
        pass


def paste(child, text):
    """Types `text` in pieces, reading the echo as it comes (a pty's buffer is small)."""
    for i in range(0, len(text), 1024):
        child.send(text[i:i + 1024])
        drain(child)
    child.send("\r")


def expect(child, name, texts, timeout=60):
    try:
        for t in texts:
            child.expect_exact(t, timeout=timeout)
    except (pexpect.TIMEOUT, pexpect.EOF):
        fail(name, child, f"expected {texts!r}")


def rss_kb(child):
    """The child's resident memory in kB."""
    for line in open(f"/proc/{child.pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def cooked(child):
    attrs = termios.tcgetattr(child.child_fd)
    return bool(attrs[3] & termios.ICANON) and bool(attrs[3] & termios.ECHO)


def ended(child, name, status):
    try:
        child.expect(pexpect.EOF, timeout=30)
    except pexpect.TIMEOUT:
        fail(name, child, "the session did not end")
    restored = cooked(child)
    child.close()
    if child.exitstatus != status:
        fail(name, child, f"exit status {child.exitstatus} signal {child.signalstatus}, wanted {status}")
    if not restored:
        fail(name, child, "the terminal was left in raw mode")


child = spawn()
expect(child, "start", [PROMPT])
paste(child, "x" * 100_000)
expect(child, "100 KB at the prompt", [LIMIT, PROMPT])
child.sendline("open fixture-query")
expect(child, "open", ["[fixture-query, query lab]", PROMPT])
paste(child, "try " + "." * 100_000)
expect(child, "100 KB at try", [LIMIT, PROMPT])
paste(child, "jq -n " + "(" * 100_000)
expect(child, "100 KB at jq", [LIMIT, PROMPT])

# Every byte but the ones a terminal acts on as keys to wait for (XON/XOFF, literal-next,
# escape prefixes) and the line ends; Ctrl-C, Ctrl-\ and Ctrl-D-free garbage stays.
skip = {0x04, 0x0A, 0x0D, 0x11, 0x13, 0x16, 0x18, 0x1B, 0x0C, 0x12}
garbage = bytes(b for b in range(1, 256) if b not in skip)
os.write(child.child_fd, garbage)
drain(child)
child.send("\r")
child.sendline("peek -1")
expect(child, "peek with a garbage argument", ["usage: peek [N]", PROMPT])
child.sendline("labs")
expect(child, "alive after garbage", ["fixture-query", PROMPT])
if not child.isalive():
    fail("garbage", child, "the session died")

child.sendline("write")
expect(child, "write", ["1| "])
child.sendline(".verb")
expect(child, "write line 1", ["2| "])
child.sendline("| ascii_downcase")
expect(child, "write line 2", ["3| "])
time.sleep(0.3)
child.kill(signal.SIGTERM)
ended(child, "SIGTERM during write", 143)
drafts = glob.glob(os.path.join(state, "drafts", "fixture-query*"))
if not drafts or ".verb\n| ascii_downcase" not in open(drafts[0]).read():
    print(f"step failed: the draft was not saved: {drafts}")
    sys.exit(1)
# libedit saves history with strvis(3): a space is \040. A refused 100 KB line is not kept.
history = open(os.path.join(state, "kcsa", "history")).read().split("\n")
if "open\\040fixture-query" not in history or "write" not in history or max(map(len, history)) > 16384:
    print(f"step failed: history not saved as expected: {[h[:80] for h in history]!r}")
    sys.exit(1)

child = spawn()
expect(child, "second session offers to continue", ["continue lab fixture-query"])
child.sendline("y")
expect(child, "continued", ["[fixture-query, query lab]", PROMPT])
child.sendline("try [limit(100000000; repeat(1))] | length")
time.sleep(1.5)
child.kill(signal.SIGHUP)
ended(child, "SIGHUP during try", 129)
# A terminal that reports 65535x65535, and a resize storm during `check`: text is wrapped
# at TerminalWidth.maximum (120) and memory stays small.
child = pexpect.spawn(binary, [], env=env, encoding="utf-8", codec_errors="replace", timeout=60,
                      dimensions=(65535, 65535))
expect(child, "huge terminal", ["continue lab fixture-query"])
child.sendline("y")
expect(child, "huge terminal continued", [PROMPT])
child.sendline("help")
expect(child, "help on a huge terminal", ["Commands"])
expect(child, "help ends", [PROMPT])
widest = max(len(line.rstrip("\r")) for line in child.before.split("\n"))
if widest > 120:
    fail("help is wrapped at 120 columns", child, f"widest line {widest}")
child.sendline("answer .verb")
expect(child, "answer", [PROMPT])
child.sendline("check")
for i in range(400):
    child.setwinsize(1 + i % 500, 65535 - i)
expect(child, "check during a resize storm", ["PASSED fixture-query", PROMPT])
rss = rss_kb(child)
if rss > 1_000_000:
    fail("memory after the resize storm", child, f"{rss} kB")
# A resize to 65535x65535 in the middle of a line being typed: the line is read at once,
# and libedit never lays out a display that size (it took gigabytes and stopped answering).
child.setwinsize(24, 80)
child.sendline("")
expect(child, "back to 80 columns", [PROMPT])
child.send("hel")
time.sleep(0.3)
child.setwinsize(65535, 65535)
time.sleep(0.5)
child.send("p\r")
expect(child, "help after a huge resize mid-line", ["Commands", PROMPT], timeout=20)
rss = rss_kb(child)
if rss > 300_000:
    fail("memory after a huge resize mid-line", child, f"{rss} kB")
child.kill(signal.SIGTERM)
ended(child, "SIGTERM at the prompt of a huge terminal", 143)
print("ok")
