#!/usr/bin/env python3
"""Runs `kcsa events generate` with standard error on a pseudo-terminal and checks that a
progress line shows and is cleared, and that the log file is complete.

Usage: events_progress_pty.py KCSA_BINARY PACKAGE_ROOT. Exits 1 with a message on failure.
"""
import os
import sys
import tempfile

import pexpect

BINARY, ROOT = sys.argv[1], sys.argv[2]
out = os.path.join(tempfile.mkdtemp(prefix="kcsa-progress-"), "log")
env = dict(os.environ, TERM="xterm", LANG="C.UTF-8")
child = pexpect.spawn(BINARY, ["events", "generate", "--scenario", "prod-100", "--duration", "20m", "--content", ROOT,
                               "-o", out], env=env, cwd=ROOT, encoding="utf-8", timeout=300)
try:
    child.expect(r"events: (preparing the request streams|\d+% of the simulated time)")
    child.expect(pexpect.EOF)
except pexpect.exceptions.ExceptionPexpect as error:
    print("no progress line: %s\n%s" % (type(error).__name__, child.before))
    sys.exit(1)
child.close()
if child.exitstatus != 0:
    print("exit status %s" % child.exitstatus)
    sys.exit(1)
with open(out) as f:
    lines = sum(1 for _ in f)
if lines < 1000:
    print("the log has only %d lines" % lines)
    sys.exit(1)
print("ok progress shown, %d events written" % lines)
