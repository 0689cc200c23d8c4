#!/usr/bin/env python3
"""The growth exponent of a benchmark table: the least-squares slope of log(seconds) against
log(pods), read from karpenter-bench's Markdown table on standard input (one packing).

usage: karpenter-bench ... | scripts/growth_exponent.py [--packing cost-aware] [--min-pods 1000]

An exponent of 1 is linear; n log n from 1,000 to 100,000 pods reads as about 1.2; 2 is quadratic.
"""
import argparse
import math
import sys

ap = argparse.ArgumentParser()
ap.add_argument("--packing", default="cost-aware")
ap.add_argument("--min-pods", type=int, default=1000)
args = ap.parse_args()
points = []
for line in sys.stdin:
    sys.stdout.write(line)
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) < 7 or cells[1] != args.packing or not cells[2].isdigit():
        continue
    pods, seconds = int(cells[2]), float(cells[6])
    if pods >= args.min_pods and seconds > 0:
        points.append((math.log(pods), math.log(seconds)))
if len(points) < 2:
    print(f"growth exponent ({args.packing}): not enough sizes of at least {args.min_pods} pods")
    sys.exit(0)
mx = sum(x for x, _ in points) / len(points)
my = sum(y for _, y in points) / len(points)
slope = sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x, _ in points)
lo, hi = math.exp(min(x for x, _ in points)), math.exp(max(x for x, _ in points))
print(f"\ngrowth exponent ({args.packing}, {lo:.0f} to {hi:.0f} pods): {slope:.2f}")
