import APIServer
import Foundation
import KubernetesAPI

/// The Job controller stand-in: runs `parallelism` pods at once, never more than the
/// completions still missing; pods that Succeeded count towards `completions` (the kubelet
/// stand-in finishes a pod annotated with ``KubeletStandIn/runSecondsAnnotation``). The Job is
/// `Complete` once enough pods succeeded (any one, without `completions`), and `Failed` once
/// more than `backoffLimit` pods failed. `Indexed` Jobs give each pod its completion index.
/// A suspended Job deletes its running pods.
///
/// Not modelled: `activeDeadlineSeconds`, `podFailurePolicy`, `successPolicy`, pod
/// replacement policies, and `ttlSecondsAfterFinished`.
enum JobController {
  static let indexAnnotation = "batch.kubernetes.io/job-completion-index"

  static func reconcile(_ key: WorkloadKey, cache: ClusterCache, now: Date) -> [StandInWrite] {
    guard let cached = cache.jobs[ClusterCache.key(namespace: key.namespace, name: key.name)],
      cached.object.metadata.deletionTimestamp == nil, let spec = cached.object.spec,
      let template = cached.json[path: ["spec", "template"]]
    else { return [] }
    let job = cached.object
    let stored = cached.json["status"] ?? [:]
    let finished = (stored["conditions"]?.array ?? []).contains {
      ($0["type"]?.string == "Complete" || $0["type"]?.string == "Failed") && $0["status"]?.string == "True"
    }
    let owned = cache.pods(ownedBy: key, uid: job.metadata.uid).map(\.pod)
    let active = owned.filter(PodRanking.isActive)
    let succeededPods = owned.filter { $0.status?.phase == "Succeeded" }
    let succeeded = succeededPods.count
    let failed = owned.filter { $0.status?.phase == "Failed" }.count
    let indexed = spec.completionMode == "Indexed"
    var writes: [StandInWrite] = []

    let complete: Bool
    if let completions = spec.completions {
      complete = succeeded >= Int(completions)
    } else {
      complete = succeeded > 0 && active.isEmpty
    }
    let failedOut = failed > Int(spec.backoffLimit ?? 6)
    var wanted =
      spec.suspend == true || finished || complete || failedOut ? 0 : max(0, Int(spec.parallelism ?? 1))
    if let completions = spec.completions { wanted = min(wanted, max(0, Int(completions) - succeeded)) }
    if spec.completions == nil && succeeded > 0 { wanted = 0 }

    if active.count < wanted {
      let owner = PodTemplates.controllerReference(
        apiVersion: "batch/v1", kind: "Job", name: job.name, uid: job.metadata.uid)
      var labels = ["batch.kubernetes.io/job-name": job.name, "job-name": job.name]
      if let uid = job.metadata.uid {
        labels["batch.kubernetes.io/controller-uid"] = uid
        labels["controller-uid"] = uid
      }
      let taken = Set((active + succeededPods).compactMap { $0.annotations[indexAnnotation] })
      var nextIndex = 0
      for _ in 0..<(wanted - active.count) {
        var podLabels = labels
        var annotations: [String: String] = [:]
        var generateName = "\(job.name)-"
        if indexed {
          while taken.contains(String(nextIndex)) { nextIndex += 1 }
          if let completions = spec.completions, nextIndex >= Int(completions) { break }
          annotations[indexAnnotation] = String(nextIndex)
          podLabels[indexAnnotation] = String(nextIndex)
          generateName = "\(job.name)-\(nextIndex)-"
          nextIndex += 1
        }
        writes.append(
          .create(
            group: "", plural: "pods", namespace: key.namespace,
            object: PodTemplates.pod(
              template: template, namespace: key.namespace, generateName: generateName, owner: owner,
              extraLabels: podLabels, extraAnnotations: annotations)))
      }
    } else if active.count > wanted {
      for pod in active.sorted(by: PodRanking.deletesBefore).prefix(active.count - wanted) {
        writes.append(.deletePod(key.namespace, pod.name))
      }
    }

    var status: JSON = stored
    status["active"] = .int(Int64(active.count))
    status["succeeded"] = .int(Int64(succeeded))
    status["failed"] = .int(Int64(failed))
    status["ready"] = .int(Int64(active.filter(PodRanking.isReady).count))
    let time = JSON.string(Timestamp.format(now))
    if status["startTime"] == nil, spec.suspend != true { status["startTime"] = time }
    if !finished && (complete || failedOut) && active.isEmpty {
      var conditions = stored["conditions"]?.array ?? []
      if complete {
        conditions.append(
          condition(
            "SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods", time))
        conditions.append(
          condition("Complete", "CompletionsReached", "Reached expected number of succeeded pods", time))
        status["completionTime"] = time
      } else {
        conditions.append(
          condition(
            "FailureTarget", "BackoffLimitExceeded", "Job has reached the specified backoff limit", time))
        conditions.append(
          condition("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit", time))
      }
      status["conditions"] = .array(conditions)
    }
    if status != stored {
      writes.append(
        .patchStatus(
          group: "batch", plural: "jobs", namespace: key.namespace, name: job.name, patch: ["status": status])
      )
    }
    return writes
  }

  static func condition(_ type: String, _ reason: String, _ message: String, _ time: JSON) -> JSON {
    [
      "type": .string(type), "status": "True", "reason": .string(reason), "message": .string(message),
      "lastProbeTime": time, "lastTransitionTime": time,
    ]
  }
}
