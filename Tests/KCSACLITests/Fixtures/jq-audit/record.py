#!/usr/bin/env python3
"""Records the expected outputs of queries.json over audit.jsonl from jq 1.8.2.

jq 1.8.2 comes from `pip install jq==1.13.0` through the repository's shared
harness shared/conformance/jq/pyjq_cli.py (libjq 1.8.2 driven like jq's main.c).
Run once from this directory:  python3 record.py /path/to/shared/conformance/jq/pyjq_cli.py
The outputs are committed, so tests need neither pip nor jq.
"""
import json, os, subprocess, sys

cli = sys.argv[1]
here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(os.path.join(here, "expected"), exist_ok=True)
stdin = open(os.path.join(here, "audit.jsonl"), "rb").read()
for q in json.load(open(os.path.join(here, "queries.json"))):
    p = subprocess.run([sys.executable, cli] + q["args"], input=stdin, capture_output=True,
                       env=dict(os.environ, LC_ALL="C", TZ="UTC"))
    base = os.path.join(here, "expected", q["id"])
    open(base + ".stdout", "wb").write(p.stdout)
    open(base + ".stderr", "wb").write(p.stderr)
    open(base + ".status", "w").write("%d\n" % p.returncode)
    print("%-34s status %d, %d bytes" % (q["id"], p.returncode, len(p.stdout)))
