/// Upstream-style workload manifests for the Kubernetes object tests.
extension KubernetesFixtures {
  static let deployment = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: inflate
      namespace: default
      labels: {app: inflate}
      annotations:
        deployment.kubernetes.io/revision: "3"
    spec:
      replicas: 3
      revisionHistoryLimit: 10
      progressDeadlineSeconds: 600
      selector:
        matchLabels:
          app: inflate
      strategy:
        type: RollingUpdate
        rollingUpdate:
          maxSurge: 25%
          maxUnavailable: 0
      template:
        metadata:
          labels:
            app: inflate
            pod-template-hash: 5d7f9c
        spec:
          terminationGracePeriodSeconds: 0
          priorityClassName: high-priority
          serviceAccountName: inflate
          nodeSelector:
            karpenter.sh/capacity-type: on-demand
            kubernetes.io/os: linux
          affinity:
            nodeAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
                nodeSelectorTerms:
                - matchExpressions:
                  - key: karpenter.k8s.aws/instance-family
                    operator: In
                    values: [m5, m6i, c6i]
                  - key: karpenter.k8s.aws/instance-cpu
                    operator: Gt
                    values: ["3"]
              preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 50
                preference:
                  matchExpressions:
                  - key: topology.kubernetes.io/zone
                    operator: In
                    values: [us-west-2a]
            podAntiAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
              - labelSelector:
                  matchLabels:
                    app: inflate
                topologyKey: kubernetes.io/hostname
                matchLabelKeys: [pod-template-hash]
              preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 100
                podAffinityTerm:
                  labelSelector:
                    matchExpressions:
                    - key: app
                      operator: In
                      values: [inflate]
                  topologyKey: topology.kubernetes.io/zone
                  namespaceSelector: {}
            podAffinity:
              preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 10
                podAffinityTerm:
                  labelSelector:
                    matchLabels: {app: cache}
                  namespaces: [cache]
                  topologyKey: topology.kubernetes.io/zone
                  mismatchLabelKeys: [tenant]
          topologySpreadConstraints:
          - maxSkew: 1
            topologyKey: topology.kubernetes.io/zone
            whenUnsatisfiable: DoNotSchedule
            minDomains: 3
            labelSelector:
              matchLabels:
                app: inflate
            matchLabelKeys: [pod-template-hash]
            nodeAffinityPolicy: Honor
            nodeTaintsPolicy: Ignore
          - maxSkew: 2
            topologyKey: kubernetes.io/hostname
            whenUnsatisfiable: ScheduleAnyway
            labelSelector:
              matchLabels:
                app: inflate
          tolerations:
          - key: dedicated
            operator: Equal
            value: inflate
            effect: NoSchedule
          - operator: Exists
            effect: NoExecute
            tolerationSeconds: 300
          initContainers:
          - name: setup
            image: busybox:1.36
            command: ["sh", "-c", "echo ready"]
            resources:
              requests:
                cpu: 500m
                memory: 64Mi
          - name: proxy
            image: envoyproxy/envoy:v1.30.1
            restartPolicy: Always
            ports:
            - containerPort: 15001
              protocol: TCP
            resources:
              requests:
                cpu: 100m
                memory: 128Mi
          containers:
          - name: inflate
            image: public.ecr.aws/eks-distro/kubernetes/pause:3.7
            ports:
            - name: http
              containerPort: 8080
              hostPort: 8080
            resources:
              requests:
                cpu: "1"
                memory: 1.5Gi
              limits:
                memory: 1.5Gi
          volumes:
          - name: data
            ephemeral:
              volumeClaimTemplate:
                metadata:
                  labels: {type: scratch}
                spec:
                  accessModes: [ReadWriteOnce]
                  storageClassName: gp3
                  resources:
                    requests:
                      storage: 10Gi
          - name: config
            configMap:
              name: inflate-config
    """

  static let replicaSet = """
    apiVersion: apps/v1
    kind: ReplicaSet
    metadata:
      name: inflate-5d7f9c
      ownerReferences:
      - {apiVersion: apps/v1, kind: Deployment, name: inflate, uid: abc, controller: true}
    spec:
      replicas: 2
      selector: {matchLabels: {app: inflate, pod-template-hash: 5d7f9c}}
      template:
        metadata: {labels: {app: inflate, pod-template-hash: 5d7f9c}}
        spec:
          containers: [{name: inflate, image: pause, resources: {requests: {cpu: "1"}}}]
    status: {replicas: 2, readyReplicas: 2, availableReplicas: 2, fullyLabeledReplicas: 2}
    """

  static let statefulSet = """
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: web}
    spec:
      serviceName: web
      replicas: 3
      podManagementPolicy: Parallel
      selector: {matchLabels: {app: nginx}}
      updateStrategy:
        type: RollingUpdate
        rollingUpdate: {partition: 0}
      persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Retain}
      template:
        metadata: {labels: {app: nginx}}
        spec:
          containers:
          - name: nginx
            image: registry.k8s.io/nginx-slim:0.8
            ports: [{containerPort: 80, name: web}]
      volumeClaimTemplates:
      - metadata: {name: www}
        spec:
          accessModes: [ReadWriteOnce]
          storageClassName: gp3
          resources: {requests: {storage: 1Gi}}
    status: {replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3}
    """

  static let job = """
    apiVersion: batch/v1
    kind: Job
    metadata: {name: pi}
    spec:
      parallelism: 4
      completions: 8
      backoffLimit: 2
      ttlSecondsAfterFinished: 100
      completionMode: Indexed
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: pi
            image: perl:5.34.0
            command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]
    status: {active: 4, succeeded: 1, startTime: "2024-05-01T12:00:00Z"}
    """

  static let daemonSet = """
    apiVersion: apps/v1
    kind: DaemonSet
    metadata: {name: node-exporter, namespace: monitoring}
    spec:
      selector: {matchLabels: {app: node-exporter}}
      updateStrategy:
        type: RollingUpdate
        rollingUpdate: {maxUnavailable: 10%, maxSurge: 0}
      template:
        metadata: {labels: {app: node-exporter}}
        spec:
          hostNetwork: true
          tolerations: [{operator: Exists}]
          containers:
          - name: node-exporter
            image: quay.io/prometheus/node-exporter:v1.8.0
            ports: [{containerPort: 9100, name: metrics}]
            resources: {requests: {cpu: 10m, memory: 24Mi}}
    status: {currentNumberScheduled: 3, desiredNumberScheduled: 3, numberReady: 3, numberMisscheduled: 0}
    """
}
