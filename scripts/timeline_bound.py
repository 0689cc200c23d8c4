#!/usr/bin/env python3
"""The time integral of ../shared/tools/cost_lower_bound.py over a scenario's timeline phases.

For each phase between scale entries, writes the workload at that phase (Deployment replicas
as scaled) and solves the lower bound; multiplies by the phase length and sums, giving the
least any fleet could spend over the run (USD). Understands `scale` entries.

usage: timeline_bound.py SCENARIO.yaml [--shared ../shared]
"""
import argparse
import copy
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml


def seconds(text):
    total = 0.0
    for n, unit in re.findall(r"([0-9.]+)(h|ms|m|s)", text):
        total += float(n) * {"h": 3600, "m": 60, "s": 1, "ms": 0.001}[unit]
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scenario")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    args = ap.parse_args()
    docs = [d for d in yaml.safe_load_all(open(args.scenario)) if d]
    scenario = next(d for d in docs if d.get("kind") == "Scenario")
    duration = seconds(scenario["spec"].get("duration", "0s"))
    entries = sorted(scenario["spec"].get("timeline", []), key=lambda e: seconds(e["at"]))
    boundaries = [0.0] + [seconds(e["at"]) for e in entries] + [duration]
    current = copy.deepcopy(docs)
    total = 0.0
    bound = os.path.join(args.shared, "tools", "cost_lower_bound.py")
    for i in range(len(boundaries) - 1):
        if i > 0:
            for s in entries[i - 1].get("scale", []):
                for d in current:
                    if d.get("kind") == s["kind"] and d["metadata"]["name"] == s["name"]:
                        d["spec"]["replicas"] = s["replicas"]
        length = boundaries[i + 1] - boundaries[i]
        if length <= 0:
            continue
        snapshot = [d for d in current if d.get("kind") != "Scenario"] + [
            {**scenario, "spec": {k: v for k, v in scenario["spec"].items() if k != "timeline"}}]
        with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
            yaml.safe_dump_all(snapshot, f)
        out = subprocess.run([sys.executable, bound, f.name, "--json"], capture_output=True, text=True, check=True)
        os.unlink(f.name)
        lb = json.loads(out.stdout)["lowerBoundPerHour"]
        total += lb * length / 3600
    print(json.dumps({"lowerBoundTotal": total, "hours": duration / 3600}))


if __name__ == "__main__":
    main()
