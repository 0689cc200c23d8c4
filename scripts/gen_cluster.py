#!/usr/bin/env python3
"""Write a running cluster for the consolidation benchmark: N managed kwok nodes (Ready at time 0,
labelled with their NodePool, instance type, zone and capacity type) each running P pods owned
by ReplicaSets, at low utilisation so consolidation has work to do.

usage: gen_cluster.py [--nodes 1000] [--pods-per-node 10] [--duration 24h] > cluster.yaml
"""
import argparse
import random

import yaml


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nodes", type=int, default=1000)
    ap.add_argument("--pods-per-node", type=int, default=10)
    ap.add_argument("--duration", default="24h")
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    zones = ["test-zone-a", "test-zone-b", "test-zone-c"]
    docs = [{"apiVersion": "simulation.karpenter.sh/v1alpha1", "kind": "Scenario", "metadata": {"name": "cluster"},
             "spec": {"cloud": {"instanceTypes": {"catalog": "kwok"}, "zones": zones}, "duration": args.duration}},
            {"apiVersion": "karpenter.sh/v1", "kind": "NodePool", "metadata": {"name": "default"},
             "spec": {"template": {"spec": {
                 "requirements": [{"key": "kubernetes.io/os", "operator": "In", "values": ["linux"]},
                                  {"key": "kubernetes.io/arch", "operator": "In", "values": ["amd64"]},
                                  {"key": "karpenter.sh/capacity-type", "operator": "In", "values": ["on-demand"]}],
                 "nodeClassRef": {"group": "karpenter.k8s.aws", "kind": "EC2NodeClass", "name": "default"},
                 "expireAfter": "Never"}},
                 "disruption": {"consolidateAfter": "0s", "budgets": [{"nodes": "10%"}]}}}]
    for n in range(args.nodes):
        name = f"node-{n:04d}"
        itype = "c-16x-amd64-linux"
        docs.append({"apiVersion": "v1", "kind": "Node",
                     "metadata": {"name": name, "labels": {
                         "karpenter.sh/nodepool": "default", "node.kubernetes.io/instance-type": itype,
                         "topology.kubernetes.io/zone": zones[n % 3], "karpenter.sh/capacity-type": "on-demand",
                         "kubernetes.io/arch": "amd64", "kubernetes.io/os": "linux", "kubernetes.io/hostname": name}},
                     "status": {"allocatable": {"cpu": "15900m", "memory": "32758Mi", "pods": "256"}}})
        for p in range(args.pods_per_node):
            app = f"app-{rng.randrange(50)}"
            docs.append({"apiVersion": "v1", "kind": "Pod",
                         "metadata": {"name": f"{name}-pod-{p}", "namespace": "default", "labels": {"app": app},
                                      "ownerReferences": [{"apiVersion": "apps/v1", "kind": "ReplicaSet", "name": app,
                                                           "uid": app, "controller": True}]},
                         "spec": {"nodeName": name, "containers": [{"name": "c", "image": "app", "resources": {
                             "requests": {"cpu": rng.choice(["250m", "500m", "750m"]), "memory": rng.choice(["512Mi", "1Gi"])}}}]}})
    print(yaml.safe_dump_all(docs, sort_keys=False), end="")


if __name__ == "__main__":
    main()
