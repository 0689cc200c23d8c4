import Testing

/// The EC2NodeClass CRD's CEL rules, one case each (see ``RuleCase``).
extension CRDRuleCases {
  static let ec2NodeClass: [RuleCase] = [
    .init(
      .ec2NodeClass, "role and instanceProfile", at: "spec", ["spec.instanceProfile": #""Profile""#],
      "must specify exactly one of ['role', 'instanceProfile']"),
    .init(
      .ec2NodeClass, "an al2 alias with amiFamily AL2023", at: "spec",
      ["spec.amiSelectorTerms": #"[{"alias": "al2@latest"}]"#, "spec.amiFamily": #""AL2023""#],
      "if set, amiFamily must be 'AL2' or 'Custom' when using an AL2 alias"),
    .init(
      .ec2NodeClass, "an al2023 alias with amiFamily AL2", at: "spec", ["spec.amiFamily": #""AL2""#],
      "if set, amiFamily must be 'AL2023' or 'Custom' when using an AL2023 alias"),
    .init(
      .ec2NodeClass, "a bottlerocket alias with amiFamily AL2", at: "spec",
      ["spec.amiSelectorTerms": #"[{"alias": "bottlerocket@latest"}]"#, "spec.amiFamily": #""AL2""#],
      "if set, amiFamily must be 'Bottlerocket' or 'Custom' when using a Bottlerocket alias"),
    .init(
      .ec2NodeClass, "a windows2019 alias with amiFamily AL2", at: "spec",
      ["spec.amiSelectorTerms": #"[{"alias": "windows2019@latest"}]"#, "spec.amiFamily": #""AL2""#],
      "if set, amiFamily must be 'Windows2019' or 'Custom' when using a Windows2019 alias"),
    .init(
      .ec2NodeClass, "a windows2022 alias with amiFamily AL2", at: "spec",
      ["spec.amiSelectorTerms": #"[{"alias": "windows2022@latest"}]"#, "spec.amiFamily": #""AL2""#],
      "if set, amiFamily must be 'Windows2022' or 'Custom' when using a Windows2022 alias"),
    .init(
      .ec2NodeClass, "a windows2025 alias with amiFamily AL2", at: "spec",
      ["spec.amiSelectorTerms": #"[{"alias": "windows2025@latest"}]"#, "spec.amiFamily": #""AL2""#],
      "if set, amiFamily must be 'Windows2025' or 'Custom' when using a Windows2025 alias"),
    .init(
      .ec2NodeClass, "no alias and no amiFamily", at: "spec",
      ["spec.amiSelectorTerms": #"[{"name": "my-ami"}]"#],
      "must specify amiFamily if amiSelectorTerms does not contain an alias"),
    .init(
      .ec2NodeClass, "an AMI term with only an owner", at: "spec.amiSelectorTerms",
      ["spec.amiSelectorTerms": #"[{"owner": "self"}]"#, "spec.amiFamily": #""AL2023""#],
      "expected at least one, got none, ['tags', 'id', 'name', 'alias', 'ssmParameter']"),
    .init(
      .ec2NodeClass, "an AMI id with an owner", at: "spec.amiSelectorTerms",
      ["spec.amiSelectorTerms": #"[{"id": "ami-0123", "owner": "self"}]"#, "spec.amiFamily": #""AL2023""#],
      "'id' is mutually exclusive, cannot be set with a combination of other fields in amiSelectorTerms"),
    .init(
      .ec2NodeClass, "an alias with an owner", at: "spec.amiSelectorTerms",
      ["spec.amiSelectorTerms": #"[{"alias": "al2023@latest", "owner": "self"}]"#],
      "'alias' is mutually exclusive, cannot be set with a combination of other fields in amiSelectorTerms"),
    .init(
      .ec2NodeClass, "an alias and a second term", at: "spec.amiSelectorTerms",
      ["spec.amiSelectorTerms": #"[{"alias": "al2023@latest"}, {"name": "my-ami"}]"#],
      "'alias' is mutually exclusive, cannot be set with a combination of other amiSelectorTerms"),
    .init(
      .ec2NodeClass, "an alias without a version", at: "spec.amiSelectorTerms[].alias",
      ["spec.amiSelectorTerms": #"[{"alias": "al2023"}]"#],
      "'alias' is improperly formatted, must match the format 'family@version'"),
    .init(
      .ec2NodeClass, "an alias of an unknown family", at: "spec.amiSelectorTerms[].alias",
      ["spec.amiSelectorTerms": #"[{"alias": "ubuntu@latest"}]"#],
      "family is not supported, must be one of the following: 'al2', 'al2023', 'bottlerocket'"),
    .init(
      .ec2NodeClass, "a windows alias with a version", at: "spec.amiSelectorTerms[].alias",
      ["spec.amiSelectorTerms": #"[{"alias": "windows2022@v20240101"}]"#],
      "windows families may only specify version 'latest'"),
    .init(
      .ec2NodeClass, "an AMI tag with an empty value", at: "spec.amiSelectorTerms[].tags",
      ["spec.amiSelectorTerms": #"[{"tags": {"team": ""}}]"#, "spec.amiFamily": #""AL2023""#],
      "empty tag keys or values aren't supported"),
    .init(
      .ec2NodeClass, "two root volumes", at: "spec.blockDeviceMappings",
      [
        "spec.blockDeviceMappings":
          #"[{"deviceName": "/dev/xvda", "rootVolume": true}, {"deviceName": "/dev/xvdb", "rootVolume": true}]"#
      ],
      "must have only one blockDeviceMappings with rootVolume"),
    .init(
      .ec2NodeClass, "an EBS volume without size or snapshot", at: "spec.blockDeviceMappings[].ebs",
      ["spec.blockDeviceMappings": #"[{"deviceName": "/dev/xvda", "ebs": {"volumeType": "gp3"}}]"#],
      "snapshotID or volumeSize must be defined"),
    .init(
      .ec2NodeClass, "an initialization rate without a snapshot", at: "spec.blockDeviceMappings[].ebs",
      [
        "spec.blockDeviceMappings":
          #"[{"deviceName": "/dev/xvda", "ebs": {"volumeSize": "20Gi", "volumeInitializationRate": 100}}]"#
      ],
      "snapshotID must be set when volumeInitializationRate is set"),
    .init(
      .ec2NodeClass, "a reservation term with only an owner", at: "spec.capacityReservationSelectorTerms",
      ["spec.capacityReservationSelectorTerms": #"[{"ownerID": "012345678901"}]"#],
      "expected at least one, got none, ['tags', 'id', 'instanceMatchCriteria']"),
    .init(
      .ec2NodeClass, "a reservation id with an owner", at: "spec.capacityReservationSelectorTerms",
      ["spec.capacityReservationSelectorTerms": #"[{"id": "cr-0123", "ownerID": "012345678901"}]"#],
      "'id' is mutually exclusive, cannot be set along with other fields in a capacity reservation selector term"
    ),
    // `!self.all(...)` fails on an empty list too: upstream's API server refuses `[]`.
    .init(
      .ec2NodeClass, "an empty list of reservation terms", at: "spec.capacityReservationSelectorTerms",
      ["spec.capacityReservationSelectorTerms": "[]"],
      "'id' is mutually exclusive, cannot be set along with other fields in a capacity reservation selector term"
    ),
    .init(
      .ec2NodeClass, "a reservation tag with an empty value",
      at: "spec.capacityReservationSelectorTerms[].tags",
      ["spec.capacityReservationSelectorTerms": #"[{"tags": {"team": ""}}]"#],
      "empty tag keys or values aren't supported"),
    .init(
      .ec2NodeClass, "connection tracking with no timeout", at: "spec.connectionTracking",
      ["spec.connectionTracking": "{}"],
      "at least one of tcpEstablishedTimeout, udpStreamTimeout, or udpTimeout must be set"),
    .init(
      .ec2NodeClass, "an empty instance profile", at: "spec.instanceProfile",
      ["spec.role": "null", "spec.instanceProfile": #""""#], "instanceProfile cannot be empty"),
    .init(
      .ec2NodeClass, "image GC high below low", at: "spec.kubelet",
      ["spec.kubelet": #"{"imageGCHighThresholdPercent": 50, "imageGCLowThresholdPercent": 60}"#],
      "imageGCHighThresholdPercent must be greater than imageGCLowThresholdPercent"),
    .init(
      .ec2NodeClass, "a soft eviction without a grace period", at: "spec.kubelet",
      [
        "spec.kubelet":
          #"{"evictionSoft": {"memory.available": "10%", "nodefs.available": "10%"}, "evictionSoftGracePeriod": {"memory.available": "1m"}}"#
      ],
      "evictionSoft OwnerKey does not have a matching evictionSoftGracePeriod"),
    .init(
      .ec2NodeClass, "a grace period without a soft eviction", at: "spec.kubelet",
      [
        "spec.kubelet":
          #"{"evictionSoft": {"memory.available": "10%"}, "evictionSoftGracePeriod": {"memory.available": "1m", "nodefs.available": "1m"}}"#
      ],
      "evictionSoftGracePeriod OwnerKey does not have a matching evictionSoft"),
    .init(
      .ec2NodeClass, "an unknown hard eviction signal", at: "spec.kubelet.evictionHard",
      ["spec.kubelet": #"{"evictionHard": {"memory.free": "10%"}}"#], "valid keys for evictionHard are"),
    // evictionSoft and its grace periods must have the same keys: a bad key is in both.
    .init(
      .ec2NodeClass, "an unknown soft eviction signal", at: "spec.kubelet.evictionSoft",
      [
        "spec.kubelet":
          #"{"evictionSoft": {"memory.free": "10%"}, "evictionSoftGracePeriod": {"memory.free": "1m"}}"#
      ],
      "valid keys for evictionSoft are", also: ["valid keys for evictionSoftGracePeriod are"]),
    .init(
      .ec2NodeClass, "an unknown grace period signal", at: "spec.kubelet.evictionSoftGracePeriod",
      [
        "spec.kubelet":
          #"{"evictionSoft": {"pid.free": "10%"}, "evictionSoftGracePeriod": {"pid.free": "1m"}}"#
      ],
      "valid keys for evictionSoftGracePeriod are", also: ["valid keys for evictionSoft are"]),
    .init(
      .ec2NodeClass, "kube-reserved GPUs", at: "spec.kubelet.kubeReserved",
      ["spec.kubelet": #"{"kubeReserved": {"nvidia.com/gpu": "1"}}"#], "valid keys for kubeReserved are"),
    .init(
      .ec2NodeClass, "a negative kube-reserved CPU", at: "spec.kubelet.kubeReserved",
      ["spec.kubelet": #"{"kubeReserved": {"cpu": "-100m"}}"#],
      "kubeReserved value cannot be a negative resource quantity"),
    .init(
      .ec2NodeClass, "system-reserved GPUs", at: "spec.kubelet.systemReserved",
      ["spec.kubelet": #"{"systemReserved": {"nvidia.com/gpu": "1"}}"#], "valid keys for systemReserved are"),
    .init(
      .ec2NodeClass, "a negative system-reserved memory", at: "spec.kubelet.systemReserved",
      ["spec.kubelet": #"{"systemReserved": {"memory": "-1Gi"}}"#],
      "systemReserved value cannot be a negative resource quantity"),
    .init(
      .ec2NodeClass, "no primary interface", at: "spec.networkInterfaces",
      [
        "spec.networkInterfaces":
          #"[{"networkCardIndex": 0, "deviceIndex": 1, "interfaceType": "interface"}]"#
      ],
      "networkInterfaces must include a primary interface with interfaceType='interface'"),
    .init(
      .ec2NodeClass, "two interfaces at one index", at: "spec.networkInterfaces",
      [
        "spec.networkInterfaces":
          #"[{"networkCardIndex": 0, "deviceIndex": 0, "interfaceType": "interface"}, {"networkCardIndex": 0, "deviceIndex": 0, "interfaceType": "efa-only"}]"#
      ],
      "networkInterfaces must not have duplicate networkCardIndex and deviceIndex pairs"),
    .init(
      .ec2NodeClass, "an empty placement group selector", at: "spec.placementGroupSelector",
      ["spec.placementGroupSelector": "{}"], "expected at least one, got none, ['name', 'id']"),
    .init(
      .ec2NodeClass, "a placement group name and id", at: "spec.placementGroupSelector",
      ["spec.placementGroupSelector": #"{"name": "cluster", "id": "pg-0123"}"#],
      "'name' and 'id' are mutually exclusive"),
    .init(.ec2NodeClass, "an empty role", at: "spec.role", ["spec.role": #""""#], "role cannot be empty"),
    // Upstream's mutual-exclusion rules are `!self.all(...)`, which an empty list fails too.
    .init(
      .ec2NodeClass, "no security group terms", at: "spec.securityGroupSelectorTerms",
      ["spec.securityGroupSelectorTerms": "[]"], "securityGroupSelectorTerms cannot be empty",
      also: ["'id' is mutually exclusive", "'name' is mutually exclusive"]),
    .init(
      .ec2NodeClass, "an empty security group term", at: "spec.securityGroupSelectorTerms",
      ["spec.securityGroupSelectorTerms": "[{}]"], "expected at least one, got none, ['tags', 'id', 'name']"),
    .init(
      .ec2NodeClass, "a security group id with tags", at: "spec.securityGroupSelectorTerms",
      ["spec.securityGroupSelectorTerms": #"[{"id": "sg-0123", "tags": {"team": "a"}}]"#],
      "'id' is mutually exclusive, cannot be set with a combination of other fields in a security group selector term"
    ),
    .init(
      .ec2NodeClass, "a security group name with tags", at: "spec.securityGroupSelectorTerms",
      ["spec.securityGroupSelectorTerms": #"[{"name": "nodes", "tags": {"team": "a"}}]"#],
      "'name' is mutually exclusive, cannot be set with a combination of other fields in a security group selector term"
    ),
    .init(
      .ec2NodeClass, "a security group tag with an empty value", at: "spec.securityGroupSelectorTerms[].tags",
      ["spec.securityGroupSelectorTerms": #"[{"tags": {"team": ""}}]"#],
      "empty tag keys or values aren't supported"),
    .init(
      .ec2NodeClass, "no subnet terms", at: "spec.subnetSelectorTerms", ["spec.subnetSelectorTerms": "[]"],
      "subnetSelectorTerms cannot be empty", also: ["'id' is mutually exclusive"]),
    .init(
      .ec2NodeClass, "an empty subnet term", at: "spec.subnetSelectorTerms",
      ["spec.subnetSelectorTerms": "[{}]"],
      "expected at least one, got none, ['tags', 'id']"),
    .init(
      .ec2NodeClass, "a subnet id with tags", at: "spec.subnetSelectorTerms",
      ["spec.subnetSelectorTerms": #"[{"id": "subnet-0123", "tags": {"team": "a"}}]"#],
      "'id' is mutually exclusive, cannot be set with a combination of other fields in a subnet selector term"
    ),
    .init(
      .ec2NodeClass, "a subnet tag with an empty value", at: "spec.subnetSelectorTerms[].tags",
      ["spec.subnetSelectorTerms": #"[{"tags": {"team": ""}}]"#], "empty tag keys or values aren't supported"),
    .init(
      .ec2NodeClass, "an empty tag key", at: "spec.tags", ["spec.tags": #"{"": "a"}"#],
      "empty tag keys aren't supported"),
    .init(
      .ec2NodeClass, "the EKS cluster name tag", at: "spec.tags",
      ["spec.tags": #"{"eks:eks-cluster-name": "a"}"#],
      "tag contains a restricted tag matching eks:eks-cluster-name"),
    .init(
      .ec2NodeClass, "a cluster ownership tag", at: "spec.tags",
      ["spec.tags": #"{"kubernetes.io/cluster/demo": "owned"}"#],
      "tag contains a restricted tag matching kubernetes.io/cluster/"),
    .init(
      .ec2NodeClass, "the NodePool tag", at: "spec.tags", ["spec.tags": #"{"karpenter.sh/nodepool": "a"}"#],
      "tag contains a restricted tag matching karpenter.sh/nodepool"),
    .init(
      .ec2NodeClass, "the NodeClaim tag", at: "spec.tags", ["spec.tags": #"{"karpenter.sh/nodeclaim": "a"}"#],
      "tag contains a restricted tag matching karpenter.sh/nodeclaim"),
    .init(
      .ec2NodeClass, "the EC2NodeClass tag", at: "spec.tags",
      ["spec.tags": #"{"karpenter.k8s.aws/ec2nodeclass": "a"}"#],
      "tag contains a restricted tag matching karpenter.k8s.aws/ec2nodeclass"),
  ]
}
