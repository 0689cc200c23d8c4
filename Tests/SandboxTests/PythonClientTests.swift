import APIServer
import Foundation
import Testing

@testable import Sandbox

/// The official Python client (`pip install kubernetes`), installed for the test when it is
/// missing; the tests are skipped, saying so, only when neither python3 nor PyPI is there.
enum PythonClient {
  static let available: Bool = {
    if Subprocess.run(["python3", "-c", "import kubernetes"]).status == 0 { return true }
    guard Subprocess.run(["python3", "-m", "pip", "--version"]).status == 0 else { return false }
    return Subprocess.run(["python3", "-m", "pip", "install", "--quiet", "kubernetes"], timeout: 300).status
      == 0
      && Subprocess.run(["python3", "-c", "import kubernetes"]).status == 0
  }()

  /// Lists, creates, patches (merge and strategic), watches and deletes through the client's
  /// typed and custom-object APIs, and prints what it saw as one JSON document.
  static let script = #"""
    import json, sys, threading, time
    from kubernetes import client, config, watch

    config.load_kube_config(sys.argv[1])
    core = client.CoreV1Api()
    apps = client.AppsV1Api()
    custom = client.CustomObjectsApi()
    out = {}

    out["namespaces"] = sorted(n.metadata.name for n in core.list_namespace().items)
    cm = core.create_namespaced_config_map("default", client.V1ConfigMap(metadata=client.V1ObjectMeta(name="py", labels={"app": "py"}), data={"a": "1"}))
    out["created_rv"] = cm.metadata.resource_version
    patched = core.patch_namespaced_config_map("py", "default", {"data": {"b": "2"}})
    out["patched_data"] = patched.data
    listed = core.list_namespaced_config_map("default", label_selector="app=py")
    out["listed"] = [c.metadata.name for c in listed.items]

    events = []
    w = watch.Watch()
    def writer():
        time.sleep(0.3)
        core.create_namespaced_config_map("default", client.V1ConfigMap(metadata=client.V1ObjectMeta(name="py-2")))
        core.delete_namespaced_config_map("py-2", "default")
    t = threading.Thread(target=writer)
    t.start()
    for event in w.stream(core.list_namespaced_config_map, "default", resource_version=listed.metadata.resource_version, timeout_seconds=3):
        events.append([event["type"], event["object"].metadata.name])
        if len(events) == 2:
            w.stop()
    t.join()
    out["events"] = events

    dep = {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "py-web"},
           "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "py-web"}},
                    "template": {"metadata": {"labels": {"app": "py-web"}},
                                 "spec": {"containers": [{"name": "a", "image": "nginx"}, {"name": "b", "image": "busybox"}]}}}}
    apps.create_namespaced_deployment("default", dep)
    strategic = apps.patch_namespaced_deployment("py-web", "default", {"spec": {"template": {"spec": {"containers": [{"name": "a", "image": "nginx:2"}]}}}})
    out["strategic_images"] = [c.image for c in strategic.spec.template.spec.containers]

    pool = {"apiVersion": "karpenter.sh/v1", "kind": "NodePool", "metadata": {"name": "py-pool"},
            "spec": {"template": {"spec": {"nodeClassRef": {"group": "karpenter.k8s.aws", "kind": "EC2NodeClass", "name": "default"},
                                           "requirements": [{"key": "karpenter.sh/capacity-type", "operator": "In", "values": ["spot"]}]}}}}
    custom.create_cluster_custom_object("karpenter.sh", "v1", "nodepools", pool)
    custom.patch_cluster_custom_object("karpenter.sh", "v1", "nodepools", "py-pool", {"spec": {"weight": 7}})
    out["pool_weight"] = custom.get_cluster_custom_object("karpenter.sh", "v1", "nodepools", "py-pool")["spec"]["weight"]
    try:
        bad = dict(pool, metadata={"name": "py-bad"})
        bad["spec"] = dict(pool["spec"], weight=0)
        custom.create_cluster_custom_object("karpenter.sh", "v1", "nodepools", bad)
        out["bad_status"] = 0
    except client.exceptions.ApiException as e:
        out["bad_status"] = e.status
        out["bad_reason"] = json.loads(e.body)["reason"]
    try:
        core.read_namespaced_config_map("nothing", "default")
    except client.exceptions.ApiException as e:
        out["missing_status"] = e.status
    print(json.dumps(out))
    """#
}

@Suite(
  "The official Python client against the sandbox",
  .enabled(if: PythonClient.available, "python3 with pip cannot install the kubernetes package (no PyPI?)"))
struct PythonClientTests {
  @Test("list, create, patch (merge and strategic), watch, custom objects, and errors as ApiExceptions")
  func client() async throws {
    try await withSandbox { sandbox in
      let scratch = try Scratch()
      defer { scratch.remove() }
      let kubeconfig = try scratch.write("kubeconfig", sandbox.kubeconfig())
      let script = try scratch.write("client.py", PythonClient.script)
      let run = Subprocess.run(["python3", script, kubeconfig])
      #expect(run.status == 0, "\(run.output)")
      let out = try JSON(parsing: Array(run.stdout.utf8))
      #expect(out["namespaces"] == ["default", "kube-node-lease", "kube-public", "kube-system"])
      #expect(out["patched_data"] == ["a": "1", "b": "2"])
      #expect(out["listed"] == ["py"])
      #expect(out["events"] == [["ADDED", "py-2"], ["DELETED", "py-2"]])
      #expect(out["strategic_images"] == ["nginx:2", "busybox"])
      #expect(out["pool_weight"] == 7)
      #expect(out["bad_status"] == 422)
      #expect(out["bad_reason"] == "Invalid")
      #expect(out["missing_status"] == 404)
    }
  }
}
