/// One object of each kind that sets every field the Swift model has, each list with one
/// element and each map with one entry: what ``CRDAgreementTests`` holds config/crds against.
/// Timestamps and quantities are quoted, as the API server writes them back.
enum MaximalFixtures {
  static let nodePool = #"""
    apiVersion: karpenter.sh/v1
    kind: NodePool
    metadata:
      name: maximal
    spec:
      template:
        metadata:
          labels:
            team: checkout
          annotations:
            example.com/owner: checkout
        spec:
          nodeClassRef:
            group: karpenter.k8s.aws
            kind: EC2NodeClass
            name: default
          requirements:
            - key: karpenter.k8s.aws/instance-category
              operator: In
              values: [c]
              minValues: 1
          taints:
            - key: example.com/dedicated
              value: checkout
              effect: NoSchedule
              timeAdded: "2024-01-01T00:00:00Z"
          startupTaints:
            - key: example.com/agent-not-ready
              value: "true"
              effect: NoExecute
              timeAdded: "2024-01-01T00:00:00Z"
          expireAfter: 720h
          terminationGracePeriod: 48h
      disruption:
        consolidationPolicy: Balanced
        consolidateAfter: 1m
        consolidationThreshold: 2.5
        budgets:
          - nodes: 10%
            schedule: "0 9 * * mon-fri"
            duration: 8h
            reasons: [Drifted]
      limits:
        cpu: "100"
      weight: 10
      replicas: 3
    status:
      resources:
        cpu: "4"
      nodes: 2
      nodeClassObservedGeneration: 1
      conditions:
        - type: Ready
          status: "True"
          reason: Ready
          message: ""
          lastTransitionTime: "2024-01-01T00:00:00Z"
          observedGeneration: 1
    """#

  static let nodeClaim = #"""
    apiVersion: karpenter.sh/v1
    kind: NodeClaim
    metadata:
      name: maximal
    spec:
      nodeClassRef:
        group: karpenter.k8s.aws
        kind: EC2NodeClass
        name: default
      requirements:
        - key: node.kubernetes.io/instance-type
          operator: In
          values: [m5.large]
          minValues: 1
      taints:
        - key: example.com/dedicated
          value: checkout
          effect: NoSchedule
          timeAdded: "2024-01-01T00:00:00Z"
      startupTaints:
        - key: example.com/agent-not-ready
          value: "true"
          effect: NoExecute
          timeAdded: "2024-01-01T00:00:00Z"
      resources:
        requests:
          cpu: 1500m
      expireAfter: 720h
      terminationGracePeriod: 48h
    status:
      nodeName: ip-10-0-1-2.ec2.internal
      providerID: aws:///us-east-1a/i-0123456789abcdef0
      imageID: ami-0123456789abcdef0
      capacity:
        cpu: "2"
      allocatable:
        cpu: 1930m
      lastPodEventTime: "2024-01-01T00:00:00Z"
      conditions:
        - type: Launched
          status: "True"
          reason: Launched
          message: ""
          lastTransitionTime: "2024-01-01T00:00:00Z"
          observedGeneration: 1
    """#

  static let ec2NodeClass = #"""
    apiVersion: karpenter.k8s.aws/v1
    kind: EC2NodeClass
    metadata:
      name: maximal
    spec:
      amiFamily: AL2023
      amiSelectorTerms:
        - alias: al2023@latest
          tags:
            team: checkout
          id: ami-0123456789abcdef0
          name: my-ami
          owner: self
          ssmParameter: /aws/service/eks/optimized-ami/1.31/amazon-linux-2023/x86_64/standard/recommended/image_id
      subnetSelectorTerms:
        - tags:
            karpenter.sh/discovery: my-cluster
          id: subnet-0123456789abcdef0
      securityGroupSelectorTerms:
        - tags:
            karpenter.sh/discovery: my-cluster
          id: sg-0123456789abcdef0
          name: my-group
      capacityReservationSelectorTerms:
        - tags:
            team: checkout
          id: cr-0123456789abcdef0
          ownerID: "012345678901"
          instanceMatchCriteria: open
      placementGroupSelector:
        name: my-group
        id: pg-0123456789abcdef0
      networkInterfaces:
        - networkCardIndex: 0
          deviceIndex: 0
          interfaceType: interface
      connectionTracking:
        tcpEstablishedTimeout: 3600
        udpStreamTimeout: 120
        udpTimeout: 30
      cpuOptions:
        nestedVirtualization: enabled
      associatePublicIPAddress: false
      role: KarpenterNodeRole-my-cluster
      instanceProfile: KarpenterNodeInstanceProfile
      tags:
        team: checkout
      kubelet:
        clusterDNS: [10.0.0.10]
        maxPods: 110
        podsPerCore: 10
        systemReserved:
          cpu: 100m
        kubeReserved:
          memory: 200Mi
        evictionHard:
          memory.available: 5%
        evictionSoft:
          memory.available: 10%
        evictionSoftGracePeriod:
          memory.available: 1m
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
      metadataOptions:
        httpEndpoint: enabled
        httpProtocolIPv6: disabled
        httpPutResponseHopLimit: 1
        httpTokens: required
      context: my-context
      ipPrefixCount: 1
    status:
      subnets:
        - id: subnet-0123456789abcdef0
          zone: us-east-1a
          zoneID: use1-az1
      securityGroups:
        - id: sg-0123456789abcdef0
          name: my-group
      capacityReservations:
        - availabilityZone: us-east-1a
          endTime: "2024-01-01T00:00:00Z"
          id: cr-0123456789abcdef0
          instanceMatchCriteria: open
          instanceType: m5.large
          ownerID: "012345678901"
          reservationType: default
          state: active
          interruptible: false
      amis:
        - id: ami-0123456789abcdef0
          name: my-ami
          deprecated: false
          requirements:
            - key: kubernetes.io/arch
              operator: In
              values: [amd64]
      instanceProfile: KarpenterNodeInstanceProfile
      conditions:
        - type: Ready
          status: "True"
          reason: Ready
          message: ""
          lastTransitionTime: "2024-01-01T00:00:00Z"
          observedGeneration: 1
    """#

  static let nodeOverlay = #"""
    apiVersion: karpenter.sh/v1alpha1
    kind: NodeOverlay
    metadata:
      name: maximal
    spec:
      requirements:
        - key: karpenter.k8s.aws/instance-family
          operator: In
          values: [m5]
      price: "0.42"
      priceAdjustment: "-10%"
      capacity:
        example.com/gpu-slice: "4"
      weight: 10
    status:
      conditions:
        - type: Ready
          status: "True"
          reason: Ready
          message: ""
          lastTransitionTime: "2024-01-01T00:00:00Z"
          observedGeneration: 1
    """#
}
