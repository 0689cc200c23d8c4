/// Objects that set (between them) every field of the four kinds, as
/// Tests/KarpenterAPITests/CRDs/MaximalFixtures.swift does, but valid: that fixture sets
/// fields the CEL rules keep apart (`replicas` with `weight`, `role` with `instanceProfile`, an
/// alias with an AMI id, `price` with `priceAdjustment`), so here they are split over two
/// objects of the kind.
enum ValidObjects {
  static let maximal: [(String, String)] = [
    ("dynamic NodePool", dynamicNodePool), ("static NodePool", staticNodePool), ("NodeClaim", nodeClaim),
    ("EC2NodeClass with an alias", ec2NodeClassWithAlias),
    ("EC2NodeClass with AMI terms", ec2NodeClassWithTerms),
    ("NodeOverlay with a price", nodeOverlayWithPrice),
    ("NodeOverlay with an adjustment", nodeOverlayWithAdjustment),
  ]

  static let dynamicNodePool = #"""
    apiVersion: karpenter.sh/v1
    kind: NodePool
    metadata: {name: dynamic}
    spec:
      template:
        metadata:
          labels: {team: checkout, karpenter.sh/capacity-type: spot}
          annotations: {example.com/owner: checkout}
        spec:
          nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
          requirements:
            - {key: karpenter.k8s.aws/instance-category, operator: In, values: [c, m], minValues: 2}
            - {key: karpenter.k8s.aws/instance-generation, operator: Gte, values: ["5"]}
            - {key: kubernetes.io/arch, operator: NotIn, values: [arm64]}
            - {key: node.kubernetes.io/instance-type, operator: Exists}
          taints:
            - {key: example.com/dedicated, value: checkout, effect: NoSchedule, timeAdded: "2024-01-01T00:00:00Z"}
          startupTaints:
            - {key: example.com/agent-not-ready, value: "true", effect: NoExecute}
          expireAfter: Never
          terminationGracePeriod: 48h
      disruption:
        consolidationPolicy: Balanced
        consolidateAfter: 1m30s
        consolidationThreshold: 2.5
        budgets:
          - {nodes: 10%}
          - {nodes: "0", schedule: "0 9 * * mon-fri", duration: 8h, reasons: [Drifted, Empty]}
          - {nodes: "3", schedule: "@daily", duration: 1h30m}
      limits: {cpu: "100", memory: 400Gi, nodes: 20}
      weight: 10
    status:
      resources: {cpu: "4"}
      nodes: 2
      nodeClassObservedGeneration: 1
      conditions:
        - {type: Ready, status: "True", reason: Ready, message: "", lastTransitionTime: "2024-01-01T00:00:00Z", observedGeneration: 1}
    """#

  static let staticNodePool = #"""
    apiVersion: karpenter.sh/v1
    kind: NodePool
    metadata: {name: static}
    spec:
      replicas: 3
      limits: {nodes: 5}
      template:
        spec:
          nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
          requirements:
            - {key: node.kubernetes.io/instance-type, operator: In, values: [m5.large]}
      disruption:
        consolidateAfter: Never
    """#

  static let nodeClaim = #"""
    apiVersion: karpenter.sh/v1
    kind: NodeClaim
    metadata: {name: maximal}
    spec:
      nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
      requirements:
        - {key: node.kubernetes.io/instance-type, operator: In, values: [m5.large], minValues: 1}
        - {key: karpenter.sh/nodepool, operator: In, values: [default]}
      taints:
        - {key: example.com/dedicated, value: checkout, effect: NoSchedule, timeAdded: "2024-01-01T00:00:00Z"}
      startupTaints:
        - {key: example.com/agent-not-ready, value: "true", effect: NoExecute}
      resources:
        requests: {cpu: 1500m, memory: 2Gi}
      expireAfter: 720h
      terminationGracePeriod: 48h
    status:
      nodeName: ip-10-0-1-2.ec2.internal
      providerID: aws:///us-east-1a/i-0123456789abcdef0
      imageID: ami-0123456789abcdef0
      capacity: {cpu: "2"}
      allocatable: {cpu: 1930m}
      lastPodEventTime: "2024-01-01T00:00:00Z"
      conditions:
        - {type: Launched, status: "True", reason: Launched, message: "", lastTransitionTime: "2024-01-01T00:00:00Z", observedGeneration: 1}
    """#

  static let ec2NodeClassWithAlias = #"""
    apiVersion: karpenter.k8s.aws/v1
    kind: EC2NodeClass
    metadata: {name: alias}
    spec:
      amiFamily: AL2023
      amiSelectorTerms: [{alias: al2023@v20240807}]
      subnetSelectorTerms: [{tags: {karpenter.sh/discovery: my-cluster}}]
      securityGroupSelectorTerms: [{tags: {karpenter.sh/discovery: my-cluster}}]
      capacityReservationSelectorTerms: [{tags: {team: checkout}, ownerID: "012345678901", instanceMatchCriteria: open}]
      placementGroupSelector: {name: my-group}
      networkInterfaces:
        - {networkCardIndex: 0, deviceIndex: 0, interfaceType: interface}
        - {networkCardIndex: 1, deviceIndex: 0, interfaceType: efa-only}
      connectionTracking: {tcpEstablishedTimeout: 3600, udpStreamTimeout: 120, udpTimeout: 30}
      cpuOptions: {nestedVirtualization: enabled}
      associatePublicIPAddress: false
      role: KarpenterNodeRole-my-cluster
      tags: {team: checkout}
      kubelet:
        clusterDNS: [10.0.0.10]
        maxPods: 110
        podsPerCore: 10
        systemReserved: {cpu: 100m}
        kubeReserved: {memory: 200Mi}
        evictionHard: {memory.available: 5%}
        evictionSoft: {memory.available: 10%}
        evictionSoftGracePeriod: {memory.available: 1m}
        evictionMaxPodGracePeriod: 60
        imageGCHighThresholdPercent: 85
        imageGCLowThresholdPercent: 80
        cpuCFSQuota: true
      blockDeviceMappings:
        - deviceName: /dev/xvda
          rootVolume: true
          ebs:
            deleteOnTermination: true
            encrypted: true
            iops: 3000
            kmsKeyID: arn:aws:kms:us-east-1:012345678901:key/abcd
            snapshotID: snap-0123456789abcdef0
            throughput: 125
            volumeInitializationRate: 100
            volumeSize: 100Gi
            volumeType: gp3
      instanceStorePolicy: RAID0
      userData: |
        echo hello
      detailedMonitoring: true
      metadataOptions: {httpEndpoint: enabled, httpProtocolIPv6: disabled, httpPutResponseHopLimit: 1, httpTokens: required}
      context: my-context
      ipPrefixCount: 1
    """#

  static let ec2NodeClassWithTerms = #"""
    apiVersion: karpenter.k8s.aws/v1
    kind: EC2NodeClass
    metadata: {name: terms}
    spec:
      amiFamily: Custom
      amiSelectorTerms:
        - {tags: {team: checkout}, name: my-ami, owner: self}
        - {id: ami-0123456789abcdef0}
        - {ssmParameter: /aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/recommended/image_id}
      subnetSelectorTerms: [{tags: {karpenter.sh/discovery: my-cluster}}, {id: subnet-0123456789abcdef0}]
      securityGroupSelectorTerms: [{tags: {team: checkout}}, {id: sg-0123456789abcdef0}, {name: my-group}]
      capacityReservationSelectorTerms: [{id: cr-0123456789abcdef0}, {tags: {team: checkout}}]
      placementGroupSelector: {id: pg-0123456789abcdef0}
      instanceProfile: KarpenterNodeInstanceProfile
      blockDeviceMappings:
        - {deviceName: /dev/xvdb, ebs: {volumeSize: 2T, volumeType: io2, iops: 10000}}
    """#

  static let nodeOverlayWithPrice = #"""
    apiVersion: karpenter.sh/v1alpha1
    kind: NodeOverlay
    metadata: {name: price}
    spec:
      requirements:
        - {key: karpenter.k8s.aws/instance-family, operator: In, values: [m5]}
        - {key: karpenter.k8s.aws/instance-cpu, operator: Lte, values: ["16"]}
      price: "0.42"
      capacity: {example.com/gpu-slice: "4"}
      weight: 10
    status:
      conditions:
        - {type: Ready, status: "True", reason: Ready, message: "", lastTransitionTime: "2024-01-01T00:00:00Z", observedGeneration: 1}
    """#

  static let nodeOverlayWithAdjustment = #"""
    apiVersion: karpenter.sh/v1alpha1
    kind: NodeOverlay
    metadata: {name: adjustment}
    spec:
      requirements: [{key: karpenter.sh/capacity-type, operator: In, values: [spot]}]
      priceAdjustment: "-10%"
    """#
}
