/// Upstream-style manifests for the Kubernetes object tests.
enum KubernetesFixtures {
  /// A pod as `kubectl get -o yaml` prints it, with many fields the model does not know.
  static let podWithUnknownFields = """
    apiVersion: v1
    kind: Pod
    metadata:
      name: inflate-5d7f9c-abcde
      generateName: inflate-5d7f9c-
      namespace: default
      uid: 0f2e4c1a-1111-2222-3333-444455556666
      resourceVersion: "98765"
      creationTimestamp: "2024-05-01T12:00:00Z"
      labels: {app: inflate, pod-template-hash: 5d7f9c}
      managedFields:
      - manager: kube-controller-manager
        operation: Update
        fieldsV1: {"f:metadata": {}}
      ownerReferences:
      - apiVersion: apps/v1
        kind: ReplicaSet
        name: inflate-5d7f9c
        uid: 9a8b7c6d-0000-1111-2222-333344445555
        controller: true
        blockOwnerDeletion: true
    somethingNew: {nested: [1, 2, 3]}
    spec:
      schedulerName: default-scheduler
      dnsPolicy: ClusterFirst
      enableServiceLinks: true
      securityContext: {runAsNonRoot: true, fsGroup: 2000}
      containers:
      - name: web
        image: nginx:1.27
        imagePullPolicy: IfNotPresent
        env:
        - name: MODE
          valueFrom: {fieldRef: {fieldPath: metadata.name}}
        livenessProbe:
          httpGet: {path: /healthz, port: 8080}
        volumeMounts:
        - {name: www, mountPath: /usr/share/nginx/html}
        resources:
          requests: {cpu: 250m, memory: 256Mi}
          limits: {cpu: 500m, memory: 256Mi}
      volumes:
      - name: www
        persistentVolumeClaim: {claimName: www}
      - name: scratch
        ephemeral:
          volumeClaimTemplate:
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1Gi}}
      - name: token
        projected:
          sources: [{serviceAccountToken: {path: token, expirationSeconds: 3607}}]
    status:
      phase: Pending
      qosClass: Burstable
      conditions:
      - type: PodScheduled
        status: "False"
        reason: Unschedulable
        message: '0/3 nodes are available: 3 Insufficient cpu.'
        lastProbeTime: null
        lastTransitionTime: "2024-05-01T12:00:01Z"
      containerStatuses: []
    """

  static let node = """
    apiVersion: v1
    kind: Node
    metadata:
      name: ip-192-168-12-34.us-west-2.compute.internal
      labels:
        karpenter.sh/nodepool: default
        karpenter.sh/capacity-type: spot
        node.kubernetes.io/instance-type: m5.xlarge
        topology.kubernetes.io/zone: us-west-2a
        kubernetes.io/arch: amd64
    spec:
      providerID: aws:///us-west-2a/i-0123456789abcdef0
      podCIDR: 10.0.1.0/24
      podCIDRs: [10.0.1.0/24]
      taints:
      - key: karpenter.sh/disrupted
        effect: NoSchedule
    status:
      capacity: {cpu: "4", memory: 16069236Ki, pods: "58", ephemeral-storage: 20959212Ki}
      allocatable: {cpu: 3920m, memory: 15378036Ki, pods: "58", ephemeral-storage: "18242267924"}
      conditions:
      - type: MemoryPressure
        status: "False"
        reason: KubeletHasSufficientMemory
      - type: Ready
        status: "True"
        reason: KubeletReady
        message: kubelet is posting ready status
        lastHeartbeatTime: "2024-05-01T12:05:00Z"
        lastTransitionTime: "2024-05-01T12:01:00Z"
      addresses:
      - {type: InternalIP, address: 192.168.12.34}
      - {type: Hostname, address: ip-192-168-12-34.us-west-2.compute.internal}
      nodeInfo:
        architecture: amd64
        bootID: 4d3c2b1a
        containerRuntimeVersion: containerd://1.7.11
        kernelVersion: 5.10.217-205.860.amzn2.x86_64
        kubeProxyVersion: v1.30.2-eks-1552ad0
        kubeletVersion: v1.30.2-eks-1552ad0
        machineID: ec2a1b2c3d
        operatingSystem: linux
        osImage: Amazon Linux 2
        systemUUID: ec2a1b2c-3d4e
      images:
      - names: [public.ecr.aws/eks-distro/kubernetes/pause:3.7]
        sizeBytes: 299513
    """

  static let pdbMinAvailable = """
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata: {name: inflate-pdb, namespace: default}
    spec:
      minAvailable: 50%
      unhealthyPodEvictionPolicy: AlwaysAllow
      selector:
        matchLabels: {app: inflate}
    status:
      currentHealthy: 5
      desiredHealthy: 3
      disruptionsAllowed: 2
      expectedPods: 5
      observedGeneration: 1
    """

  static let pdbMaxUnavailable = """
    apiVersion: policy/v1
    kind: PodDisruptionBudget
    metadata: {name: inflate-pdb}
    spec:
      maxUnavailable: 1
      selector:
        matchLabels: {app: inflate}
    status: {currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3}
    """

  static let persistentVolume = """
    apiVersion: v1
    kind: PersistentVolume
    metadata:
      name: pvc-6e2b1c1d
      annotations:
        pv.kubernetes.io/provisioned-by: ebs.csi.aws.com
      finalizers: [kubernetes.io/pv-protection, external-attacher/ebs-csi-aws-com]
    spec:
      accessModes: [ReadWriteOnce]
      capacity: {storage: 20Gi}
      claimRef:
        apiVersion: v1
        kind: PersistentVolumeClaim
        name: www-web-0
        namespace: default
        resourceVersion: "123456"
        uid: 6e2b1c1d-aaaa-bbbb-cccc-ddddeeeeffff
      csi:
        driver: ebs.csi.aws.com
        fsType: ext4
        volumeAttributes:
          storage.kubernetes.io/csiProvisionerIdentity: 1700000000000-8081-ebs.csi.aws.com
        volumeHandle: vol-0123456789abcdef0
      nodeAffinity:
        required:
          nodeSelectorTerms:
          - matchExpressions:
            - key: topology.ebs.csi.aws.com/zone
              operator: In
              values: [us-west-2a]
      persistentVolumeReclaimPolicy: Delete
      storageClassName: gp3
      volumeMode: Filesystem
    status: {phase: Bound}
    """

  static let persistentVolumeClaim = """
    apiVersion: v1
    kind: PersistentVolumeClaim
    metadata: {name: www-web-0, namespace: default, labels: {app: nginx}}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 20Gi}}
      storageClassName: gp3
      volumeMode: Filesystem
      volumeName: pvc-6e2b1c1d
    status:
      phase: Bound
      accessModes: [ReadWriteOnce]
      capacity: {storage: 20Gi}
    """

  static let storageClass = """
    apiVersion: storage.k8s.io/v1
    kind: StorageClass
    metadata:
      name: gp3
      annotations:
        storageclass.kubernetes.io/is-default-class: "true"
    provisioner: ebs.csi.aws.com
    parameters:
      type: gp3
      encrypted: "true"
      iops: "3000"
    reclaimPolicy: Delete
    volumeBindingMode: WaitForFirstConsumer
    allowVolumeExpansion: true
    allowedTopologies:
    - matchLabelExpressions:
      - key: topology.ebs.csi.aws.com/zone
        values: [us-west-2a, us-west-2b]
    """

  static let priorityClass = """
    apiVersion: scheduling.k8s.io/v1
    kind: PriorityClass
    metadata: {name: high-priority-nonpreempting}
    value: 1000000
    globalDefault: false
    preemptionPolicy: Never
    description: "Batch jobs that must not preempt other pods."
    """

  static let lease = """
    apiVersion: coordination.k8s.io/v1
    kind: Lease
    metadata: {name: karpenter-leader-election, namespace: kube-system}
    spec:
      holderIdentity: karpenter-7d9f8c-xyz_1b2c
      leaseDurationSeconds: 15
      acquireTime: "2024-05-01T11:00:00.000000Z"
      renewTime: "2024-05-01T12:00:05.123456Z"
      leaseTransitions: 3
    """

  static let event = """
    apiVersion: v1
    kind: Event
    metadata:
      name: inflate-5d7f9c-abcde.17c8f2a1b2c3d4e5
      namespace: default
    involvedObject:
      apiVersion: v1
      kind: Pod
      name: inflate-5d7f9c-abcde
      namespace: default
      uid: 0f2e4c1a-1111-2222-3333-444455556666
    reason: Nominated
    message: Pod should schedule on nodeclaim/default-x7k2p
    type: Normal
    source: {component: karpenter}
    count: 1
    firstTimestamp: "2024-05-01T12:00:02Z"
    lastTimestamp: "2024-05-01T12:00:02Z"
    eventTime: null
    reportingComponent: karpenter
    reportingInstance: ""
    """
}
