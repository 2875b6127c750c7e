#!/usr/bin/env python3
"""Issue 14 on a real terminal (used by LearnerPTYTests): an 80-column colour pty.

Usage: learner_pty.py KCSA_BINARY COURSE_DIR STATE_DIR
- help wraps at the terminal's 80 columns, at words, continuation under the summary column;
- after a resize (SIGWINCH) the next output uses the new width, never wider than 120;
- `edit` runs the real vi (the default editor) in the foreground: it reads the keyboard,
  saves, and the session carries on with the saved answer (before the fix vi was stopped
  by SIGTTIN and the session hung);
- `try` cuts colour output by visible width, with a marker saying how much was left out;
- a new session offers to continue the lab that was open.
Exits 0 when every step saw what it expected, else prints the step and the screen, exits 1.
"""
import os
import re
import sys

import pexpect

binary, course, state = sys.argv[1:4]
env = {k: v for k, v in os.environ.items() if k not in ("VISUAL", "EDITOR", "NO_COLOR")}
env.update({"KCSA_CONTENT": course, "KCSA_HOME": state, "XDG_STATE_HOME": state, "HOME": state,
            "TERM": "xterm-256color", "LANG": "C.UTF-8"})
PROMPT = "kcsa>"  # in colour the space after it follows the reset code
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
answer = os.path.join(state, "answer.yaml")
with open(answer, "w") as f:
    f.write('apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n- level: Metadata\n  resources:\n'
            '  - group: ""\n    resources: ["secrets"]\n- level: Request\n')


def spawn():
    child = pexpect.spawn(binary, [], env=env, encoding="utf-8", timeout=20, dimensions=(24, 80))
    if os.environ.get("KCSA_PTY_LOG"):
        child.logfile_read = open(os.environ["KCSA_PTY_LOG"], "a")
    return child


def fail(name, child, detail=""):
    print(f"step failed: {name} {detail}\n--- screen ---\n{child.before}")
    sys.exit(1)


def step(child, name, send, expect):
    seen = ""
    try:
        child.sendline(send)
        for e in expect:
            child.expect_exact(e)
            seen += child.before + child.after
        child.expect_exact(PROMPT)
    except (pexpect.TIMEOUT, pexpect.EOF):
        fail(name, child, f"expected {expect!r}")
    return seen + child.before


def visible_lines(text):
    return [ANSI.sub("", line).rstrip("\r") for line in text.split("\n")]


child = spawn()
child.expect_exact(PROMPT)
# 3. help at 80 columns: no line wider, words whole, continuation under the summary column.
screen = step(child, "help at 80 columns", "help", ["Commands"])
lines = visible_lines(screen)
too_wide = [l for l in lines if len(l) > 80]
if too_wide:
    fail("help wider than 80 columns", child, repr(too_wide[0]))
if not any(l.startswith(" " * 44) and l.strip() for l in lines):
    fail("help continuation lines keep the summary column", child)

# 3. SIGWINCH: after a resize the next output uses the new width, clamped at 120 columns.
child.setwinsize(24, 60)
lines = visible_lines(step(child, "help after a resize to 60 columns", "help", ["Commands"]))
if [l for l in lines if len(l) > 60] or not any(len(l) > 50 for l in lines):
    fail("help follows the resize to 60 columns", child, repr(max(lines, key=len)))
child.setwinsize(24, 200)
lines = visible_lines(step(child, "help after a resize to 200 columns", "help", ["Commands"]))
widest = max(len(l) for l in lines)
if widest > 120 or widest <= 80:
    fail("help follows the resize to 200 columns, clamped at 120", child, f"widest line {widest}")
child.setwinsize(24, 80)

# 1. edit with the real vi (no $VISUAL or $EDITOR set).
step(child, "open the policy lab", "open fixture-secrets", ["[fixture-secrets, policy lab]"])
child.sendline("edit")
try:
    child.expect(r"fixture-secrets\.txt")  # vi's status line names the draft file
except (pexpect.TIMEOUT, pexpect.EOF):
    fail("vi starts on the draft", child)
for command in [":%d", f":r {answer}", ":1d", ":wq"]:
    child.send("\x1b" + command + "\r")
try:
    child.expect_exact("answer saved")
    child.expect_exact("from the editor")
    child.expect_exact(PROMPT)
except (pexpect.TIMEOUT, pexpect.EOF):
    fail("vi reads the keyboard, saves, and the session carries on", child)
step(child, "check the answer written in vi", "check", ["PASSED", "fixture-secrets"])

# 4. try clips colour output by visible width, always with a marker.
step(child, "open the query lab", "open fixture-query", ["[fixture-query, query lab]"])
screen = step(child, "try on whole events", "try .", ["outputs from"])
outputs = [l for l in screen.split("\n") if "\x1b[" in l and "kind" in l]
if not outputs:
    fail("try prints coloured events", child)
for line in outputs:
    shown = ANSI.sub("", line).rstrip("\r")
    if len(shown) > 80:
        fail("try output wider than the terminal", child, repr(shown))
    if not re.search(r"\.\.\. \(\d+ more characters\)$", shown):
        fail("try output cut without a marker", child, repr(shown))
child.sendline("quit")
child.expect(pexpect.EOF)

# 11. A new session offers the lab that was open.
child = spawn()
try:
    child.expect_exact("continue lab fixture-query")
except (pexpect.TIMEOUT, pexpect.EOF):
    fail("a new session offers to continue the last lab", child)
child.sendline("")
try:
    child.expect_exact("[fixture-query, query lab]")
    child.expect_exact(PROMPT)
except (pexpect.TIMEOUT, pexpect.EOF):
    fail("Enter reopens the lab", child)
child.sendline("quit")
child.expect(pexpect.EOF)
print("ok")
