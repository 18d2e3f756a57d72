"""Event-rate benchmark, Python side: every event-log line of the simulation
delivered to a Python callback (GIL taken per line). Prints "<events>
<seconds>" of the fastest of 5 runs. Usage: event_rate.py <scenario.json>"""
import sys
import time

import dialer

scenario = open(sys.argv[1], encoding="utf-8").read()
best, events = 1e9, 0
for _ in range(5):
    lines = []
    start = time.perf_counter()
    dialer.run_simulation_json(scenario, on_log_line=lines.append)
    best = min(best, time.perf_counter() - start)
    events = len(lines)
print(events, best)
