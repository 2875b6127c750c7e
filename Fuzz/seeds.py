#!/usr/bin/env python3
"""Builds the seed corpus of every fuzz target under Fuzz/corpus/<target>/ at run time:
the conformance files of ../shared (when present), the course content of the repository,
and the committed seeds in Fuzz/seeds/<target>/. Each seed is one file named by the hash
of its bytes, so running this again adds nothing twice. Usage: seeds.py ROOT TARGET..."""
import glob, hashlib, json, os, sys

def read(path):
    with open(path, "rb") as f:
        return f.read()

def jq_tests(shared):
    """(program, input) pairs from jq's .test files: groups of program, input, outputs."""
    for path in sorted(glob.glob(os.path.join(shared, "conformance/jq/tests/*.test"))):
        lines = [l for l in read(path).decode("utf-8", "replace").split("\n")]
        group = []
        for line in lines + [""]:
            if line.startswith("#"):
                continue
            if line.strip() == "":
                if len(group) >= 2 and group[0] not in ("%%FAIL", "%%FAIL IGNORE MSG"):
                    yield group[0], group[1]
                elif len(group) >= 2:
                    yield group[1], "null"
                group = []
            else:
                group.append(line)

def json_docs(shared, *names):
    for name in names:
        path = os.path.join(shared, "conformance", name)
        if os.path.exists(path):
            yield path, json.load(open(path))

def seeds(root, shared, target):
    files = lambda pattern: [read(p) for p in sorted(glob.glob(os.path.join(root, pattern), recursive=True))]
    out = []
    if target == "json":
        out += [read(p) for p in sorted(glob.glob(os.path.join(shared, "conformance/**/*.json"), recursive=True))
                if os.path.getsize(p) < 64 << 10]
        out += [i.encode() for _, i in jq_tests(shared)]
    elif target == "jq-compile":
        out += [p.encode() for p, _ in jq_tests(shared)]
    elif target == "jq-eval":
        out += [(p + "\n" + i).encode() for p, i in jq_tests(shared)]
    elif target == "policy":
        out += files("Labs/policies/*.yaml")
        for _, doc in json_docs(shared, "audit/policy-vectors.json", "audit/validation-vectors.json"):
            for case in doc.get("cases", []):
                if "policy" in case:
                    out.append(json.dumps({"apiVersion": "audit.k8s.io/v1", "kind": "Policy", **case["policy"]}).encode())
            for case in doc.get("loadCases", []):
                out.append(case["yaml"].encode())
    elif target == "lab":
        out += files("Labs/labs/*.yaml")
    elif target == "question":
        out += files("Questions/*.yaml")
    elif target == "scenario":
        out += files("Labs/scenarios/*.yaml")
    elif target == "pss":
        out += [read(p) for p in sorted(glob.glob(os.path.join(shared, "conformance/pss/fixtures/**/*.yaml"), recursive=True))]
    elif target == "rbac":
        out += files("Labs/**/*rbac*.yaml")
        for _, doc in json_docs(shared, "rbac/vectors.json"):
            for v in doc["vectors"]:
                objects = [v[k] for k in ("role", "clusterRole", "binding", "object") if isinstance(v.get(k), dict)]
                for k in ("roles", "clusterRoles", "bindings", "objects"):
                    objects += [o for o in v.get(k, []) if isinstance(o, dict)]
                if "rule" in v:
                    objects.append({"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
                                    "metadata": {"name": "r"}, "rules": [v["rule"]]})
                if objects:
                    out.append(json.dumps({"apiVersion": "v1", "kind": "List", "items": objects}).encode())
    elif target == "netpol":
        out += files("Labs/netpol/**/*.yaml")
        for _, doc in json_docs(shared, "netpol/e2e.json"):
            for case in doc["cases"]:
                applied = [o for step in case.get("steps", []) for o in step.get("apply", [])]
                out.append(json.dumps({"apiVersion": "v1", "kind": "List", "items": applied}).encode())
    out += files(os.path.join("Fuzz/seeds", target, "*"))
    return out

def main():
    root, targets = sys.argv[1], sys.argv[2:]
    shared = os.path.join(os.path.dirname(os.path.abspath(root)), "shared")
    if not os.path.isdir(os.path.join(shared, "conformance")):
        print(f"seeds.py: {shared} is missing; using the repository's content and Fuzz/seeds only", file=sys.stderr)
    for target in targets:
        directory = os.path.join(root, "Fuzz/corpus", target)
        os.makedirs(directory, exist_ok=True)
        items = seeds(root, shared, target)
        for data in items:
            with open(os.path.join(directory, hashlib.sha1(data).hexdigest()), "wb") as f:
                f.write(data)
        print(f"{target}: {len(items)} seeds", file=sys.stderr)

main()
