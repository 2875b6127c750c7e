#!/usr/bin/env python3
"""Drives `kcsa` through a pseudo-terminal as a learner would (used by REPLTerminalTests).

Usage: repl_lab_session.py KCSA_BINARY COURSE_DIR STATE_DIR
Opens a policy lab (TAB-completing its id), enters a wrong policy, reads the feedback,
fixes it and passes; then a query lab the same way, with TAB completion of field paths;
then restarts and recalls the last command from the persistent history. Exits 0 when
every step saw what it expected, else prints the step and the screen and exits 1.
"""
import os
import sys
import time

import pexpect

binary, course, state = sys.argv[1:4]
env = dict(os.environ)
env.update({"KCSA_CONTENT": course, "KCSA_HOME": state, "XDG_STATE_HOME": state, "TERM": "xterm",
            "NO_COLOR": "1", "EDITOR": "false", "LANG": "C.UTF-8"})
PROMPT = "kcsa> "


def spawn():
    child = pexpect.spawn(binary, [], env=env, encoding="utf-8", timeout=20, dimensions=(50, 200))
    if os.environ.get("KCSA_PTY_LOG"):
        child.logfile_read = open(os.environ["KCSA_PTY_LOG"], "a")
    child.expect_exact(PROMPT)
    return child


def step(child, name, send, expect, raw=False):
    try:
        if raw:
            child.send(send)
        else:
            child.sendline(send)
        for e in expect:
            child.expect_exact(e)
        if not raw:
            child.expect_exact(PROMPT)
    except (pexpect.TIMEOUT, pexpect.EOF):
        print(f"step failed: {name}: expected {expect!r}\n--- screen ---\n{child.before}")
        sys.exit(1)


def write_answer(child, lines):
    step(child, "start multi-line entry", "write\r", ["end with a line holding only `.`", "  1| "], raw=True)
    for n, line in enumerate(lines):
        child.sendline(line)
        child.expect_exact(f"{n + 2:3d}| ")
    step(child, "end multi-line entry", ".", ["answer saved"])


child = spawn()
# TAB completes the lab id.
step(child, "complete lab id", "open fixture-se\t", ["crets"], raw=True)
step(child, "open the completed lab", "", ["Secrets at Metadata (test course)", "[fixture-secrets, policy lab]"])

wrong = ["apiVersion: audit.k8s.io/v1", "kind: Policy", "rules:", "- level: RequestResponse"]
write_answer(child, wrong)
step(child, "check the wrong policy", "check",
     ["FAIL  secrets at Metadata", "expected level Metadata, got RequestResponse",
      "rule 0 (line 4) matched first", "NOT PASSED fixture-secrets"])
step(child, "hint", "hint", ["Hint 1 of 2 (nudge)", "A rule for secrets first."])
right = ["apiVersion: audit.k8s.io/v1", "kind: Policy", "rules:", "- level: Metadata", "  resources:",
         "  - group: \"\"", "    resources: [\"secrets\"]", "- level: Request"]
write_answer(child, right)
step(child, "check the fixed policy", "check", ["PASSED fixture-secrets", "What to take away"])
step(child, "solution after the pass", "solution", ["Reference solution"])

# The query lab, reached with `next`.
step(child, "next lab", "next", ["The verbs of Secret requests (test course)"])
# TAB after `.objectRef.` lists the fields that occur in this lab's events.
step(child, "complete field paths", "try select(.objectRef.\t",
     [".objectRef.namespace", ".objectRef.resource", PROMPT + "try select(.objectRef."], raw=True)
# Ctrl-C abandons the half-written line (give the redraw a moment: a person is never faster).
time.sleep(0.3)
child.sendcontrol("c")
child.expect_exact("^C")
child.expect_exact(PROMPT)
step(child, "wrong query", "answer select(.objectRef.resource == \"secrets\") | .verb", ["answer set"])
step(child, "check the wrong query", "check",
     ["the smallest event where they differ", "expected: (no output)", "NOT PASSED fixture-query"])
step(child, "right query",
     "answer select(.stage == \"ResponseComplete\" and .objectRef.resource == \"secrets\") | .verb", ["answer set"])
step(child, "check the right query", "check", ["PASSED fixture-query"])
# Ctrl-C at the prompt cancels the line, never the program.
child.send("half a line")
child.expect_exact("half a line")
child.sendcontrol("c")
child.expect_exact("^C")
child.expect_exact(PROMPT)
step(child, "progress", "progress", ["Labs: 2 of 2 passed"])
child.sendline("quit")
child.expect(pexpect.EOF)

# A new session recalls the previous one's commands (persistent history): Up, Up gives `progress`.
child = spawn()
child.send("\x1b[A\x1b[A")
child.sendline("")
try:
    child.expect_exact("Labs: 2 of 2 passed")
except (pexpect.TIMEOUT, pexpect.EOF):
    print(f"step failed: history recall\n--- screen ---\n{child.before}")
    sys.exit(1)
# Ctrl-D leaves. (Sent a moment after the prompt: a ^D that arrives before libedit has put
# the terminal in raw mode is taken by the line discipline, see LIBEDIT-NOTES.md 4.2.)
child.expect_exact(PROMPT)
time.sleep(0.2)
child.sendcontrol("d")
child.expect(pexpect.EOF)
print("ok")
