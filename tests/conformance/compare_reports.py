"""Runs the conformance scenario in every language and compares the reports.

Usage: compare_reports.py NAME=COMMAND... (each COMMAND is one shell-quoted
string that prints the report JSON). Fails unless every output is identical,
byte for byte, and names the first differing key.
"""
import json
import shlex
import subprocess
import sys


def main(argv):
    outputs = {}
    for arg in argv[1:]:
        name, _, command = arg.partition("=")
        run = subprocess.run(shlex.split(command), capture_output=True)
        if run.returncode != 0:
            print(f"{name}: exit {run.returncode}\n{run.stderr.decode(errors='replace')}")
            return 1
        outputs[name] = run.stdout
    reference_name, reference = next(iter(outputs.items()))
    failed = False
    for name, out in outputs.items():
        if out == reference:
            continue
        failed = True
        print(f"{name} differs from {reference_name}")
        try:
            a, b = json.loads(reference), json.loads(out)
            for key in a:
                if a.get(key) != b.get(key):
                    print(f"  first difference at key {key!r}: {a.get(key)!r} vs {b.get(key)!r}")
                    break
        except ValueError:
            print(f"  {name} did not print JSON: {out[:200]!r}")
    if not failed:
        print(f"identical reports ({len(reference)} bytes) from: {', '.join(outputs)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
