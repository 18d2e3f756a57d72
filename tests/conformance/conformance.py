"""The conformance scenario through the Python binding: prints the report."""
import sys

import dialer

with open(sys.argv[1], encoding="utf-8") as f:
    sys.stdout.write(dialer.run_simulation_json(f.read()) + "\n")
