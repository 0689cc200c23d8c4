import APIServer

/// The OpenAPI schemas of Karpenter's kinds as its CRDs publish them (karpenter.sh v1), so that
/// `kubectl explain nodepool.spec` reads as it does on a cluster running upstream Karpenter.
/// The sandbox has no CRD objects for these kinds (they are built in), so the schemas are
/// written here; a CRD created at run time serves its own openAPIV3Schema instead.
enum KarpenterSchemas {
  static func schema(group: String, version: String, kind: String) -> JSON? {
    switch (group, version, kind) {
    case ("karpenter.sh", "v1", "NodePool"): nodePool
    case ("karpenter.sh", "v1", "NodeClaim"): nodeClaim
    case ("karpenter.k8s.aws", "v1", "EC2NodeClass"): ec2NodeClass
    default: nil
    }
  }

  static let requirement = S.object(
    "A node selector requirement with min values is a selector that contains values, a key, an operator that relates the key and values and minValues that represent the requirement to have at least that many values.",
    [
      "key": S.string("The label key that the selector applies to."),
      "operator": S.string(
        "Represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists, DoesNotExist. Gt, and Lt."
      ),
      "values": S.array(S.string(""), "An array of string values."),
      "minValues": S.integer(
        "This field is ALPHA and can be dropped or replaced at any time. MinValues is the minimum number of unique values required to define the flexibility of the specific requirement."
      ),
    ], required: ["key", "operator"])

  static let nodeClassRef = S.object(
    "NodeClassRef is a reference to an object that defines provider specific configuration",
    [
      "group": S.string("API version of the referent"),
      "kind": S.string(
        "Kind of the referent; More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds"
      ),
      "name": S.string(
        "Name of the referent; More info: http://kubernetes.io/docs/user-guide/identifiers#names"),
    ], required: ["group", "kind", "name"])

  static let nodeClaimSpecFields: [String: JSON] = [
    "requirements": S.array(
      requirement, "Requirements are layered with GetLabels and applied to every node."),
    "nodeClassRef": nodeClassRef,
    "taints": S.array(
      S.anyObject(
        "The node this Taint is attached to has the \"effect\" on any pod that does not tolerate the Taint."),
      "Taints will be applied to the NodeClaim's node."),
    "startupTaints": S.array(
      S.anyObject(
        "The node this Taint is attached to has the \"effect\" on any pod that does not tolerate the Taint."),
      "StartupTaints are taints that are applied to nodes upon startup which are expected to be removed automatically within a short period of time, typically by a DaemonSet that tolerates the taint."
    ),
    "expireAfter": S.string(
      "ExpireAfter is the duration the controller will wait before terminating a node, measured from when the node is created. This is useful to implement features like eventually consistent node upgrade, memory leak protection, and disruption testing."
    ),
    "terminationGracePeriod": S.string(
      "TerminationGracePeriod is the maximum duration the controller will wait before forcefully deleting the pods on a node, measured from when deletion is first initiated."
    ),
  ]

  static let nodePool = S.kindSchema(
    "karpenter.sh", "v1", "NodePool", "NodePool is the Schema for the NodePools API",
    [
      "spec": S.object(
        "NodePoolSpec is the top level nodepool specification. Nodepools launch nodes in response to pods that are unschedulable. A single nodepool is capable of managing a diverse set of nodes. Node properties are determined from a combination of nodepool and pod scheduling constraints.",
        [
          "template": S.object(
            "Template contains the template of possibilities for the provisioning logic to launch a NodeClaim with. NodeClaims launched from this NodePool will often be further constrained than the template specifies.",
            [
              "metadata": S.object(
                "",
                [
                  "labels": S.stringMap(
                    "Map of string keys and values that can be used to organize and categorize (scope and select) objects. May match selectors of replication controllers and services."
                  ),
                  "annotations": S.stringMap(
                    "Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata."
                  ),
                ]),
              "spec": S.object(
                "NodeClaimTemplateSpec describes the desired state of the NodeClaim in the Nodepool NodeClaimTemplateSpec is used in the NodePool's NodeClaimTemplate, with the resource requests omitted since users are not able to set resource requests in the NodePool.",
                nodeClaimSpecFields, required: ["nodeClassRef", "requirements"]),
            ], required: ["spec"]),
          "disruption": S.object(
            "Disruption contains the parameters that relate to Karpenter's disruption logic",
            [
              "consolidateAfter": S.string(
                "ConsolidateAfter is the duration the controller will wait before attempting to terminate nodes that are underutilized. Refer to ConsolidationPolicy for how underutilization is considered."
              ),
              "consolidationPolicy": S.string(
                "ConsolidationPolicy describes which nodes Karpenter can disrupt through its consolidation algorithm. This field defaults to 'WhenEmptyOrUnderutilized'."
              ),
              "budgets": S.array(
                S.anyObject(
                  "Budget defines when Karpenter will restrict the number of Node Claims that can be terminating simultaneously."
                ),
                "Budgets is a list of Budgets. If there are multiple active budgets, Karpenter uses the most restrictive value. If left undefined, this will default to one budget with a value to 10%."
              ),
            ], required: ["consolidateAfter"]),
          "limits": S.quantityMap("Limits define a set of bounds for provisioning capacity."),
          "weight": S.integer(
            "Weight is the priority given to the nodepool during scheduling. A higher numerical weight indicates that this nodepool will be ordered ahead of other nodepools with lower weights. A nodepool with no weight will be treated as if it is a nodepool with a weight of 0."
          ),
          "replicas": S.integer(
            "Replicas is the desired number of nodes for a static NodePool.", format: "int64"),
        ], required: ["template"]),
      "status": S.object(
        "NodePoolStatus defines the observed state of NodePool",
        [
          "resources": S.quantityMap("Resources is the list of resources that have been provisioned."),
          "nodes": S.integer("Nodes is the count of nodes associated with this NodePool", format: "int64"),
          "conditions": S.array(
            S.ref(BuiltInSchemas.meta + "Condition"), "Conditions contains signals for health and readiness"),
        ]),
    ], required: ["spec"])

  static let nodeClaim = S.kindSchema(
    "karpenter.sh", "v1", "NodeClaim", "NodeClaim is the Schema for the NodeClaims API",
    [
      "spec": S.object(
        "NodeClaimSpec describes the desired state of the NodeClaim",
        nodeClaimSpecFields.merging([
          "resources": S.anyObject("Resources models the resource requirements for the NodeClaim to launch")
        ]) { a, _ in a },
        required: ["nodeClassRef", "requirements"]),
      "status": S.object(
        "NodeClaimStatus defines the observed state of NodeClaim",
        [
          "nodeName": S.string("NodeName is the name of the corresponding node object"),
          "providerID": S.string("ProviderID of the corresponding node object"),
          "imageID": S.string("ImageID is an identifier for the image that runs on the node"),
          "capacity": S.quantityMap("Capacity is the estimated full capacity of the node"),
          "allocatable": S.quantityMap("Allocatable is the estimated allocatable capacity of the node"),
          "conditions": S.array(
            S.ref(BuiltInSchemas.meta + "Condition"), "Conditions contains signals for health and readiness"),
        ]),
    ], required: ["spec"])

  static func selectorTerms(_ description: String, _ fields: [String: JSON]) -> JSON {
    S.array(S.object("", fields), description)
  }

  static let tagsAndID: [String: JSON] = [
    "tags": S.stringMap(
      "Tags is a map of key/value tags used to select resources. Specifying '*' for a value selects all values for a given tag key."
    ),
    "id": S.string("ID is the resource id."),
  ]

  static let ec2NodeClass = S.kindSchema(
    "karpenter.k8s.aws", "v1", "EC2NodeClass", "EC2NodeClass is the Schema for the EC2NodeClass API",
    [
      "spec": S.object(
        "EC2NodeClassSpec is the top level specification for the AWS Karpenter Provider. This will contain configuration necessary to launch instances in AWS.",
        [
          "amiFamily": S.string(
            "AMIFamily dictates the UserData format and default BlockDeviceMappings used when generating launch templates. This field is optional when using an alias amiSelectorTerm, and the value will be inferred from the alias' family."
          ),
          "amiSelectorTerms": selectorTerms(
            "AMISelectorTerms is a list of or ami selector terms. The terms are ORed.",
            tagsAndID.merging([
              "alias": S.string(
                "Alias specifies which EKS optimized AMI to select. Each alias consists of a family and an AMI version, specified as \"family@version\"."
              ),
              "name": S.string(
                "Name is the ami name in EC2. This value is the name field, which is different from the name tag."
              ),
              "owner": S.string(
                "Owner is the owner for the ami. You can specify a combination of AWS account IDs, \"self\", \"amazon\", and \"aws-marketplace\""
              ),
              "ssmParameter": S.string(
                "SSMParameter is the name (or ARN) of the SSM parameter containing the Image ID."),
            ]) { a, _ in a }),
          "subnetSelectorTerms": selectorTerms(
            "SubnetSelectorTerms is a list of subnet selector terms. The terms are ORed.", tagsAndID),
          "securityGroupSelectorTerms": selectorTerms(
            "SecurityGroupSelectorTerms is a list of security group selector terms. The terms are ORed.",
            tagsAndID.merging([
              "name": S.string(
                "Name is the security group name in EC2. This value is the name field, which is different from the name tag."
              )
            ]) { a, _ in a }),
          "capacityReservationSelectorTerms": selectorTerms(
            "CapacityReservationSelectorTerms is a list of capacity reservation selector terms. Each term is ORed together to determine the set of eligible capacity reservations.",
            tagsAndID.merging(["ownerID": S.string("The owner ID for the capacity reservation.")]) { a, _ in a
            }),
          "role": S.string(
            "Role is the AWS identity that nodes use. This field is immutable. This field is mutually exclusive from instanceProfile."
          ),
          "instanceProfile": S.string(
            "InstanceProfile is the AWS entity that instances use. This field is mutually exclusive from role."
          ),
          "userData": S.string(
            "UserData to be applied to the provisioned nodes. It must be in the appropriate format based on the AMIFamily in use."
          ),
          "tags": S.stringMap("Tags to be applied on ec2 resources like instances and launch templates."),
          "blockDeviceMappings": S.array(
            S.anyObject("A block device mapping of the launched instances."),
            "BlockDeviceMappings to be applied to provisioned nodes."),
          "metadataOptions": S.anyObject(
            "MetadataOptions for the generated launch template of provisioned nodes."),
          "kubelet": S.anyObject(
            "Kubelet defines args to be used when configuring kubelet on provisioned nodes."),
          "associatePublicIPAddress": S.boolean(
            "AssociatePublicIPAddress controls if public IP addresses are assigned to instances that are launched with the nodeclass."
          ),
          "detailedMonitoring": S.boolean(
            "DetailedMonitoring controls if detailed monitoring is enabled for instances that are launched"),
          "instanceStorePolicy": S.string(
            "InstanceStorePolicy specifies how to handle instance-store disks."),
        ], required: ["securityGroupSelectorTerms", "subnetSelectorTerms"]),
      "status": S.object(
        "EC2NodeClassStatus contains the resolved state of the EC2NodeClass",
        [
          "amis": S.array(
            S.anyObject("AMI contains resolved AMI selector values utilized for node launch"),
            "AMI contains the current AMI values that are available to the cluster under the AMI selectors."),
          "subnets": S.array(
            S.anyObject("Subnet contains resolved Subnet selector values utilized for node launch"),
            "Subnets contains the current subnet values that are available to the cluster under the subnet selectors."
          ),
          "securityGroups": S.array(
            S.anyObject(
              "SecurityGroup contains resolved SecurityGroup selector values utilized for node launch"),
            "SecurityGroups contains the current security group values that are available to the cluster under the SecurityGroups selectors."
          ),
          "instanceProfile": S.string("InstanceProfile contains the resolved instance profile for the role"),
          "conditions": S.array(
            S.ref(BuiltInSchemas.meta + "Condition"), "Conditions contains signals for health and readiness"),
        ]),
    ], required: ["spec"])

  /// The schema name a CRD's kind gets (`sh.karpenter.v1.NodePool`): the group reversed.
  static func name(group: String, version: String, kind: String) -> String {
    group.split(separator: ".").reversed().joined(separator: ".") + ".\(version).\(kind)"
  }
}
