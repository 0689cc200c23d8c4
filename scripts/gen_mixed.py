#!/usr/bin/env python3
"""Write a mixed workload without topology constraints, for the fleet-cost comparison with
../shared/tools/cost_lower_bound.py: Deployments of cpu-heavy, memory-heavy and balanced pods
(sizes drawn with a fixed seed) on one NodePool over the kwok catalog or the aws catalog.

usage: gen_mixed.py PODS [--catalog kwok|aws] [--seed N] > mixed.yaml
"""
import argparse
import random

import yaml

SHAPES = [  # (cpu millicores, memory MiB) families
    [(250, 256), (500, 512), (1000, 1024), (2000, 2048)],       # cpu-heavy
    [(250, 1024), (500, 2048), (1000, 4096), (2000, 8192)],     # balanced
    [(250, 2048), (500, 4096), (1000, 8192), (500, 16384)],     # memory-heavy
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pods", type=int)
    ap.add_argument("--catalog", choices=["kwok", "aws"], default="kwok")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    docs = [{"apiVersion": "simulation.karpenter.sh/v1alpha1", "kind": "Scenario",
             "metadata": {"name": f"mixed-{args.pods}"},
             "spec": {"cloud": {"instanceTypes": {"catalog": args.catalog}}}}]
    requirements = [{"key": "karpenter.sh/capacity-type", "operator": "In", "values": ["spot", "on-demand"]}]
    if args.catalog == "aws":
        requirements.append({"key": "kubernetes.io/arch", "operator": "In", "values": ["amd64"]})
    else:
        requirements.append({"key": "kubernetes.io/os", "operator": "In", "values": ["linux"]})
        requirements.append({"key": "kubernetes.io/arch", "operator": "In", "values": ["amd64"]})
    docs.append({"apiVersion": "karpenter.sh/v1", "kind": "NodePool", "metadata": {"name": "default"},
                 "spec": {"template": {"spec": {"requirements": requirements,
                                                "nodeClassRef": {"group": "karpenter.k8s.aws", "kind": "EC2NodeClass", "name": "default"}}}}})
    remaining, i = args.pods, 0
    while remaining > 0:
        family = SHAPES[i % len(SHAPES)]
        cpu, mem = rng.choice(family)
        replicas = min(remaining, rng.randint(5, 60))
        remaining -= replicas
        docs.append({"apiVersion": "apps/v1", "kind": "Deployment",
                     "metadata": {"name": f"app-{i}", "namespace": "default"},
                     "spec": {"replicas": replicas, "selector": {"matchLabels": {"app": f"app-{i}"}},
                              "template": {"metadata": {"labels": {"app": f"app-{i}"}},
                                           "spec": {"containers": [{"name": "c", "image": "app", "resources": {
                                               "requests": {"cpu": f"{cpu}m", "memory": f"{mem}Mi"}}}]}}}})
        i += 1
    print(yaml.safe_dump_all(docs, sort_keys=False), end="")


if __name__ == "__main__":
    main()
