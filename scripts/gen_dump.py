# Generates examples/cluster-dump.yaml: what `kubectl get ... -A -o yaml` prints for a small cluster.
import json, sys
def meta(name, ns=None, labels=None, annotations=None, owner=None, uid="", rv="1000"):
    m = {"creationTimestamp": "2024-05-02T09:14:07Z", "name": name, "resourceVersion": rv, "uid": uid or f"3f6c{abs(hash(name))%10**8:08d}-0d1e-4b6a-9a55-6a1f3c2e7b10"}
    if ns: m["namespace"] = ns
    if labels: m["labels"] = labels
    if annotations: m["annotations"] = annotations
    if owner: m["ownerReferences"] = [dict(apiVersion=owner[0], kind=owner[1], name=owner[2], uid="8d2f0c1a-77b4-4c3e-9f0e-2b9d6f1e4a33", controller=True, blockOwnerDeletion=True)]
    m["managedFields"] = [{"apiVersion": "v1", "fieldsType": "FieldsV1", "fieldsV1": {"f:metadata": {"f:labels": {".": {}}}}, "manager": "kube-controller-manager", "operation": "Update", "time": "2024-05-02T09:14:07Z"}]
    return m
items = []
items.append({"apiVersion": "karpenter.sh/v1", "kind": "NodePool", "metadata": meta("default", rv="5511"),
  "spec": {"template": {"spec": {"requirements": [
      {"key": "karpenter.sh/capacity-type", "operator": "In", "values": ["spot", "on-demand"]},
      {"key": "karpenter.k8s.aws/instance-category", "operator": "In", "values": ["c", "m", "r"]},
      {"key": "karpenter.k8s.aws/instance-generation", "operator": "Gt", "values": ["4"]}],
    "nodeClassRef": {"group": "karpenter.k8s.aws", "kind": "EC2NodeClass", "name": "default"}, "expireAfter": "720h"}},
   "limits": {"cpu": "200"},
   "disruption": {"consolidationPolicy": "WhenEmptyOrUnderutilized", "consolidateAfter": "1m", "budgets": [{"nodes": "10%"}]}},
  "status": {"conditions": [{"type": "Ready", "status": "True", "reason": "Ready", "message": "", "lastTransitionTime": "2024-05-02T09:14:07Z", "observedGeneration": 1}],
    "resources": {"cpu": "6", "memory": "24Gi", "nodes": "2", "pods": "87"}}})
items.append({"apiVersion": "karpenter.k8s.aws/v1", "kind": "EC2NodeClass", "metadata": meta("default", rv="5502"),
  "spec": {"role": "KarpenterNodeRole-demo", "amiSelectorTerms": [{"alias": "al2023@latest"}],
    "subnetSelectorTerms": [{"tags": {"karpenter.sh/discovery": "demo"}}],
    "securityGroupSelectorTerms": [{"tags": {"karpenter.sh/discovery": "demo"}}]},
  "status": {"conditions": [{"type": "Ready", "status": "True", "reason": "Ready", "message": "", "lastTransitionTime": "2024-05-02T09:14:07Z", "observedGeneration": 1}]}})
def node(name, itype, zone, cpu, mem, pods, ct=None, pool=None, claim=None, unschedulable=False, ready="True", taints=None, pid=None):
    labels = {"kubernetes.io/arch": "amd64", "kubernetes.io/os": "linux", "kubernetes.io/hostname": name,
              "node.kubernetes.io/instance-type": itype, "topology.kubernetes.io/region": "us-east-1", "topology.kubernetes.io/zone": zone}
    if pool:
        labels.update({"karpenter.sh/nodepool": pool, "karpenter.sh/capacity-type": ct, "karpenter.sh/initialized": "true", "karpenter.sh/registered": "true", "karpenter.k8s.aws/instance-category": itype[0], "karpenter.k8s.aws/instance-generation": "5"})
    else:
        labels["eks.amazonaws.com/nodegroup"] = "system"
        labels["eks.amazonaws.com/capacityType"] = "ON_DEMAND"
    spec = {"providerID": pid}
    if taints: spec["taints"] = taints
    if unschedulable: spec["unschedulable"] = True
    return {"apiVersion": "v1", "kind": "Node", "metadata": meta(name, labels=labels, annotations={"node.alpha.kubernetes.io/ttl": "0", "volumes.kubernetes.io/controller-managed-attach-detach": "true"}),
      "spec": spec,
      "status": {"addresses": [{"type": "InternalIP", "address": "10.0.%d.%d" % (len(items), 10 + len(items))}, {"type": "Hostname", "address": name}],
        "allocatable": {"cpu": cpu, "ephemeral-storage": "18242267924", "memory": mem, "pods": pods},
        "capacity": {"cpu": cpu.replace("1930m", "2").replace("3920m", "4"), "ephemeral-storage": "20959212Ki", "memory": mem, "pods": pods},
        "conditions": [{"type": "MemoryPressure", "status": "False", "reason": "KubeletHasSufficientMemory", "message": "kubelet has sufficient memory available", "lastHeartbeatTime": "2024-05-02T10:01:10Z", "lastTransitionTime": "2024-05-02T09:15:02Z"},
                       {"type": "Ready", "status": ready, "reason": "KubeletReady" if ready == "True" else "NodeStatusUnknown", "message": "kubelet is posting ready status" if ready == "True" else "Kubelet stopped posting node status.", "lastHeartbeatTime": "2024-05-02T10:01:10Z", "lastTransitionTime": "2024-05-02T09:15:32Z"}],
        "nodeInfo": {"architecture": "amd64", "containerRuntimeVersion": "containerd://1.7.11", "kernelVersion": "6.1.84-99.169.amzn2023.x86_64", "kubeProxyVersion": "v1.29.3-eks-ae9a62a", "kubeletVersion": "v1.29.3-eks-ae9a62a", "operatingSystem": "linux", "osImage": "Amazon Linux 2023.4.20240429"}}}
N1, N2, N3, N4 = "ip-10-0-1-17.ec2.internal", "ip-10-0-2-41.ec2.internal", "ip-10-0-3-88.ec2.internal", "ip-10-0-1-203.ec2.internal"
items.append(node(N1, "m5.xlarge", "us-east-1a", "3920m", "14162236Ki", "58", ct="on-demand", pool="default", pid="aws:///us-east-1a/i-0a1b2c3d4e5f60001"))
items.append(node(N2, "c5.large", "us-east-1b", "1930m", "3114400Ki", "29", ct="spot", pool="default", pid="aws:///us-east-1b/i-0a1b2c3d4e5f60002"))
items.append(node(N3, "m5.large", "us-east-1c", "1930m", "7213056Ki", "29", pid="aws:///us-east-1c/i-0a1b2c3d4e5f60003", unschedulable=True,
                  taints=[{"key": "node.kubernetes.io/unschedulable", "effect": "NoSchedule", "timeAdded": "2024-05-02T09:58:00Z"}]))
items.append(node(N4, "m5.large", "us-east-1a", "1930m", "7213056Ki", "29", pid="aws:///us-east-1a/i-0a1b2c3d4e5f60004", ready="Unknown",
                  taints=[{"key": "node.kubernetes.io/unreachable", "effect": "NoSchedule", "timeAdded": "2024-05-02T09:59:00Z"}, {"key": "node.kubernetes.io/unreachable", "effect": "NoExecute", "timeAdded": "2024-05-02T09:59:05Z"}]))
def claim(name, nodeName, itype, zone, ct, pid, drifted=False):
    conds = [{"type": t, "status": "True", "reason": t, "message": "", "lastTransitionTime": "2024-05-02T09:15:40Z"} for t in ("Launched", "Registered", "Initialized", "Ready")]
    if drifted: conds.append({"type": "Drifted", "status": "True", "reason": "AMIDrift", "message": "", "lastTransitionTime": "2024-05-02T09:50:00Z"})
    return {"apiVersion": "karpenter.sh/v1", "kind": "NodeClaim",
      "metadata": dict(meta(name, labels={"karpenter.sh/nodepool": "default", "node.kubernetes.io/instance-type": itype, "topology.kubernetes.io/zone": zone, "karpenter.sh/capacity-type": ct},
         annotations={"karpenter.sh/nodepool-hash": "6821555240594823858", "karpenter.sh/nodepool-hash-version": "v3", "karpenter.k8s.aws/ec2nodeclass-hash": "15535182697325354914"},
         owner=("karpenter.sh/v1", "NodePool", "default")), finalizers=["karpenter.sh/termination"]),
      "spec": {"requirements": [{"key": "karpenter.sh/nodepool", "operator": "In", "values": ["default"]}, {"key": "node.kubernetes.io/instance-type", "operator": "In", "values": [itype]}],
               "nodeClassRef": {"group": "karpenter.k8s.aws", "kind": "EC2NodeClass", "name": "default"}, "expireAfter": "720h", "resources": {"requests": {"cpu": "1", "pods": "4"}}},
      "status": {"nodeName": nodeName, "providerID": pid, "imageID": "ami-0c1f9bd0a2b4f1d4e", "conditions": conds,
                 "allocatable": {"cpu": "1930m", "memory": "3114400Ki", "pods": "29"}, "capacity": {"cpu": "2", "memory": "3788Mi", "pods": "29"}}}
items.append(claim("default-7xk2p", N1, "m5.xlarge", "us-east-1a", "on-demand", "aws:///us-east-1a/i-0a1b2c3d4e5f60001"))
# this claim names its node by providerID only (status.nodeName not yet set in this dump)
c2 = claim("default-q9wzt", None, "c5.large", "us-east-1b", "spot", "aws:///us-east-1b/i-0a1b2c3d4e5f60002", drifted=True)
del c2["status"]["nodeName"]
items.append(c2)
def pod(name, ns, nodeName, cpu, mem, labels, owner, phase="Running", extra=None, tolerations=None):
    spec = {"containers": [{"name": name.split("-")[0], "image": "public.ecr.aws/docker/library/nginx:1.25", "imagePullPolicy": "IfNotPresent",
             "resources": {"requests": {"cpu": cpu, "memory": mem}}, "terminationMessagePath": "/dev/termination-log", "terminationMessagePolicy": "File",
             "volumeMounts": [{"mountPath": "/var/run/secrets/kubernetes.io/serviceaccount", "name": "kube-api-access-x2v9r", "readOnly": True}]}],
            "dnsPolicy": "ClusterFirst", "enableServiceLinks": True, "nodeName": nodeName, "preemptionPolicy": "PreemptLowerPriority", "priority": 0,
            "restartPolicy": "Always" if owner[1] != "Job" else "Never", "schedulerName": "default-scheduler", "securityContext": {}, "serviceAccount": "default", "serviceAccountName": "default",
            "terminationGracePeriodSeconds": 30,
            "tolerations": tolerations or [{"effect": "NoExecute", "key": "node.kubernetes.io/not-ready", "operator": "Exists", "tolerationSeconds": 300},
                            {"effect": "NoExecute", "key": "node.kubernetes.io/unreachable", "operator": "Exists", "tolerationSeconds": 300}],
            "volumes": [{"name": "kube-api-access-x2v9r", "projected": {"defaultMode": 420, "sources": [{"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}}]}}]}
    if extra: spec.update(extra)
    status = {"phase": phase, "hostIP": "10.0.1.17", "podIP": "10.0.1.%d" % (len(items) + 30), "qosClass": "Burstable", "startTime": "2024-05-02T09:16:02Z",
              "conditions": [{"type": "PodScheduled", "status": "True", "lastProbeTime": None, "lastTransitionTime": "2024-05-02T09:16:02Z"}],
              "containerStatuses": [{"name": name.split("-")[0], "ready": phase == "Running", "restartCount": 0, "started": phase == "Running", "image": "public.ecr.aws/docker/library/nginx:1.25",
                "imageID": "public.ecr.aws/docker/library/nginx@sha256:0d17b565c37bcbd895e9d92315a05c1c3c9a29f762b011a10c54a66cd53c9b31", "containerID": "containerd://5c9e",
                "lastState": {}, "state": {"running": {"startedAt": "2024-05-02T09:16:05Z"}} if phase == "Running" else {"terminated": {"exitCode": 0, "reason": "Completed", "startedAt": "2024-05-02T09:16:05Z", "finishedAt": "2024-05-02T09:20:05Z"}}}]}
    return {"apiVersion": "v1", "kind": "Pod", "metadata": meta(name, ns, labels=labels, owner=owner), "spec": spec, "status": status}
web_labels = {"app": "web", "pod-template-hash": "6d4cf56db6"}
tmpl = {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "web", "image": "public.ecr.aws/docker/library/nginx:1.25", "resources": {"requests": {"cpu": "500m", "memory": "512Mi"}}}],
        "topologySpreadConstraints": [{"maxSkew": 1, "topologyKey": "topology.kubernetes.io/zone", "whenUnsatisfiable": "ScheduleAnyway", "labelSelector": {"matchLabels": {"app": "web"}}}]}}
items.append({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": dict(meta("web", "default", labels={"app": "web"}, annotations={"deployment.kubernetes.io/revision": "2"}), generation=3),
  "spec": {"replicas": 4, "revisionHistoryLimit": 10, "progressDeadlineSeconds": 600, "selector": {"matchLabels": {"app": "web"}},
           "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": "25%"}}, "template": tmpl},
  "status": {"availableReplicas": 3, "readyReplicas": 3, "replicas": 3, "updatedReplicas": 3, "unavailableReplicas": 1, "observedGeneration": 3,
             "conditions": [{"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable", "message": "Deployment has minimum availability.", "lastTransitionTime": "2024-05-02T09:16:10Z", "lastUpdateTime": "2024-05-02T09:16:10Z"}]}})
for rs, rev, replicas in (("web-6d4cf56db6", "2", 4), ("web-5b8f7c9d44", "1", 0)):
    t = json.loads(json.dumps(tmpl)); t["metadata"]["labels"]["pod-template-hash"] = rs.split("-")[1]
    items.append({"apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": meta(rs, "default", labels={"app": "web", "pod-template-hash": rs.split("-")[1]},
        annotations={"deployment.kubernetes.io/desired-replicas": "4", "deployment.kubernetes.io/max-replicas": "5", "deployment.kubernetes.io/revision": rev}, owner=("apps/v1", "Deployment", "web")),
      "spec": {"replicas": replicas, "selector": {"matchLabels": {"app": "web", "pod-template-hash": rs.split("-")[1]}}, "template": t},
      "status": {"replicas": 3 if replicas else 0, "readyReplicas": 3 if replicas else 0, "availableReplicas": 3 if replicas else 0, "fullyLabeledReplicas": 3 if replicas else 0, "observedGeneration": 2}})
for suffix, n in (("8kq2x", N1), ("mz7tv", N1), ("r4wpl", N2)):
    items.append(pod("web-6d4cf56db6-" + suffix, "default", n, "500m", "512Mi", web_labels, ("apps/v1", "ReplicaSet", "web-6d4cf56db6")))
items.append({"apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": meta("web", "default"),
  "spec": {"minAvailable": 2, "selector": {"matchLabels": {"app": "web"}}},
  "status": {"currentHealthy": 3, "desiredHealthy": 2, "disruptionsAllowed": 1, "expectedPods": 3, "observedGeneration": 1}})
ds_tmpl = {"metadata": {"labels": {"k8s-app": "kube-proxy"}}, "spec": {"priorityClassName": "system-node-critical", "hostNetwork": True,
  "containers": [{"name": "kube-proxy", "image": "602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/kube-proxy:v1.29.0-minimal-eksbuild.1", "resources": {"requests": {"cpu": "100m"}}}],
  "tolerations": [{"operator": "Exists"}]}}
items.append({"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": dict(meta("kube-proxy", "kube-system", labels={"k8s-app": "kube-proxy"}, annotations={"deprecated.daemonset.template.generation": "1"}), generation=1),
  "spec": {"revisionHistoryLimit": 10, "selector": {"matchLabels": {"k8s-app": "kube-proxy"}}, "template": ds_tmpl, "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 0, "maxUnavailable": "10%"}}},
  "status": {"currentNumberScheduled": 4, "desiredNumberScheduled": 4, "numberAvailable": 3, "numberMisscheduled": 0, "numberReady": 3, "numberUnavailable": 1, "observedGeneration": 1, "updatedNumberScheduled": 4}})
for suffix, n in (("2hxkp", N1), ("7tqzd", N2), ("c9vmw", N3), ("lq4rn", N4)):
    items.append(pod("kube-proxy-" + suffix, "kube-system", n, "100m", "0", {"k8s-app": "kube-proxy", "controller-revision-hash": "7cd8f9b6c5", "pod-template-generation": "1"},
                     ("apps/v1", "DaemonSet", "kube-proxy"), tolerations=[{"operator": "Exists"}], extra={"priorityClassName": "system-node-critical", "priority": 2000001000, "hostNetwork": True}))
items.append({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": dict(meta("coredns", "kube-system", labels={"k8s-app": "kube-dns"}, annotations={"deployment.kubernetes.io/revision": "1"}), generation=1),
  "spec": {"replicas": 2, "selector": {"matchLabels": {"k8s-app": "kube-dns"}}, "template": {"metadata": {"labels": {"k8s-app": "kube-dns"}},
     "spec": {"priorityClassName": "system-cluster-critical", "containers": [{"name": "coredns", "image": "coredns:v1.11.1", "resources": {"requests": {"cpu": "100m", "memory": "70Mi"}}}],
              "affinity": {"podAntiAffinity": {"preferredDuringSchedulingIgnoredDuringExecution": [{"weight": 100, "podAffinityTerm": {"topologyKey": "kubernetes.io/hostname", "labelSelector": {"matchLabels": {"k8s-app": "kube-dns"}}}}]}}}}},
  "status": {"replicas": 2, "readyReplicas": 2, "availableReplicas": 2, "observedGeneration": 1}})
items.append({"apiVersion": "apps/v1", "kind": "ReplicaSet", "metadata": meta("coredns-54d6f577c6", "kube-system", labels={"k8s-app": "kube-dns", "pod-template-hash": "54d6f577c6"},
    annotations={"deployment.kubernetes.io/revision": "1"}, owner=("apps/v1", "Deployment", "coredns")),
  "spec": {"replicas": 2, "selector": {"matchLabels": {"k8s-app": "kube-dns", "pod-template-hash": "54d6f577c6"}}, "template": {"metadata": {"labels": {"k8s-app": "kube-dns", "pod-template-hash": "54d6f577c6"}},
     "spec": {"priorityClassName": "system-cluster-critical", "containers": [{"name": "coredns", "image": "coredns:v1.11.1", "resources": {"requests": {"cpu": "100m", "memory": "70Mi"}}}]}}},
  "status": {"replicas": 2, "readyReplicas": 2, "availableReplicas": 2}})
for suffix, n in (("5xw8k", N3), ("n2j6q", N4)):
    items.append(pod("coredns-54d6f577c6-" + suffix, "kube-system", n, "100m", "70Mi", {"k8s-app": "kube-dns", "pod-template-hash": "54d6f577c6"}, ("apps/v1", "ReplicaSet", "coredns-54d6f577c6"),
                     extra={"priorityClassName": "system-cluster-critical", "priority": 2000000000}))
items.append({"apiVersion": "batch/v1", "kind": "Job", "metadata": meta("nightly-report", "default", labels={"job-name": "nightly-report"}),
  "spec": {"backoffLimit": 6, "completions": 1, "parallelism": 1, "completionMode": "NonIndexed", "suspend": False,
           "selector": {"matchLabels": {"batch.kubernetes.io/controller-uid": "f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b"}},
           "template": {"metadata": {"labels": {"job-name": "nightly-report"}}, "spec": {"restartPolicy": "Never", "containers": [{"name": "report", "image": "busybox:1.36", "resources": {"requests": {"cpu": "1", "memory": "1Gi"}}}]}}},
  "status": {"succeeded": 1, "completionTime": "2024-05-02T09:20:07Z", "startTime": "2024-05-02T09:16:00Z", "ready": 0,
             "conditions": [{"type": "Complete", "status": "True", "lastProbeTime": "2024-05-02T09:20:07Z", "lastTransitionTime": "2024-05-02T09:20:07Z"}]}})
items.append(pod("nightly-report-x7k2m", "default", N1, "1", "1Gi", {"job-name": "nightly-report"}, ("batch/v1", "Job", "nightly-report"), phase="Succeeded"))
# A pod the cluster could not place yet.
p = pod("analytics-0", "default", None, "3", "6Gi", {"app": "analytics"}, ("apps/v1", "StatefulSet", "analytics"), phase="Pending")
del p["spec"]["nodeName"]; p["status"] = {"phase": "Pending", "qosClass": "Burstable", "conditions": [{"type": "PodScheduled", "status": "False", "reason": "Unschedulable", "lastProbeTime": None, "lastTransitionTime": "2024-05-02T10:00:00Z", "message": "0/4 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 1 node(s) were unschedulable. preemption: 0/4 nodes are available."}]}
items.append(p)
items.append({"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": meta("analytics", "default", labels={"app": "analytics"}),
  "spec": {"replicas": 1, "serviceName": "analytics", "selector": {"matchLabels": {"app": "analytics"}}, "podManagementPolicy": "OrderedReady",
           "template": {"metadata": {"labels": {"app": "analytics"}}, "spec": {"containers": [{"name": "analytics", "image": "analytics:3.2", "resources": {"requests": {"cpu": "3", "memory": "6Gi"}}}]}}},
  "status": {"replicas": 1, "readyReplicas": 0, "currentReplicas": 1, "observedGeneration": 1}})
doc = {"apiVersion": "v1", "kind": "List", "items": items, "metadata": {"resourceVersion": ""}}
import yaml
print("# What `kubectl get nodes,pods,deploy,rs,sts,ds,jobs,pdb,nodepools,nodeclaims,ec2nodeclasses -A -o yaml`")
print("# printed for a small EKS cluster (generated by scripts/gen_dump.py), taken as it is:")
print("#   karpenter simulate examples/cluster-dump.yaml")
print("# Deployment web wants 4 and owns 3 pods through its current ReplicaSet: one more is made.")
print("# The cordoned and the unreachable node take no new pod; the finished Job pod holds nothing;")
print("# NodeClaim default-q9wzt (found by providerID) was Drifted, so its node is replaced.")
sys.stdout.write(yaml.safe_dump(doc, sort_keys=True, default_flow_style=False, width=200))
