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
    default: nil
    }
  }

  static let requirement = S.object(
    "A node selector requirement with min values is a selector that contains values, a key, an operator that relates the key and values and minValues that represent the requirement to have at least that many values.",
    [
      "key": S.string("The label key that the selector applies to."),
      "operator": S.string("Represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists, DoesNotExist. Gt, and Lt."),
      "values": S.array(S.string(""), "An array of string values."),
      "minValues": S.integer("This field is ALPHA and can be dropped or replaced at any time. MinValues is the minimum number of unique values required to define the flexibility of the specific requirement."),
    ], required: ["key", "operator"])

  static let nodeClassRef = S.object(
    "NodeClassRef is a reference to an object that defines provider specific configuration",
    [
      "group": S.string("API version of the referent"), "kind": S.string("Kind of the referent; More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds"),
      "name": S.string("Name of the referent; More info: http://kubernetes.io/docs/user-guide/identifiers#names"),
    ], required: ["group", "kind", "name"])

  static let nodeClaimSpecFields: [String: JSON] = [
    "requirements": S.array(requirement, "Requirements are layered with GetLabels and applied to every node."),
    "nodeClassRef": nodeClassRef,
    "taints": S.array(S.anyObject("The node this Taint is attached to has the \"effect\" on any pod that does not tolerate the Taint."), "Taints will be applied to the NodeClaim's node."),
    "startupTaints": S.array(S.anyObject("The node this Taint is attached to has the \"effect\" on any pod that does not tolerate the Taint."), "StartupTaints are taints that are applied to nodes upon startup which are expected to be removed automatically within a short period of time, typically by a DaemonSet that tolerates the taint."),
    "expireAfter": S.string("ExpireAfter is the duration the controller will wait before terminating a node, measured from when the node is created. This is useful to implement features like eventually consistent node upgrade, memory leak protection, and disruption testing."),
    "terminationGracePeriod": S.string("TerminationGracePeriod is the maximum duration the controller will wait before forcefully deleting the pods on a node, measured from when deletion is first initiated."),
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
                "", ["labels": S.stringMap("Map of string keys and values that can be used to organize and categorize (scope and select) objects. May match selectors of replication controllers and services."), "annotations": S.stringMap("Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata.")]),
              "spec": S.object(
                "NodeClaimTemplateSpec describes the desired state of the NodeClaim in the Nodepool NodeClaimTemplateSpec is used in the NodePool's NodeClaimTemplate, with the resource requests omitted since users are not able to set resource requests in the NodePool.",
                nodeClaimSpecFields, required: ["nodeClassRef", "requirements"]),
            ], required: ["spec"]),
          "disruption": S.object(
            "Disruption contains the parameters that relate to Karpenter's disruption logic",
            [
              "consolidateAfter": S.string("ConsolidateAfter is the duration the controller will wait before attempting to terminate nodes that are underutilized. Refer to ConsolidationPolicy for how underutilization is considered."),
              "consolidationPolicy": S.string("ConsolidationPolicy describes which nodes Karpenter can disrupt through its consolidation algorithm. This field defaults to 'WhenEmptyOrUnderutilized'."),
              "budgets": S.array(S.anyObject("Budget defines when Karpenter will restrict the number of Node Claims that can be terminating simultaneously."), "Budgets is a list of Budgets. If there are multiple active budgets, Karpenter uses the most restrictive value. If left undefined, this will default to one budget with a value to 10%."),
            ], required: ["consolidateAfter"]),
          "limits": S.quantityMap("Limits define a set of bounds for provisioning capacity."),
          "weight": S.integer("Weight is the priority given to the nodepool during scheduling. A higher numerical weight indicates that this nodepool will be ordered ahead of other nodepools with lower weights. A nodepool with no weight will be treated as if it is a nodepool with a weight of 0."),
          "replicas": S.integer("Replicas is the desired number of nodes for a static NodePool.", format: "int64"),
        ], required: ["template"]),
      "status": S.object(
        "NodePoolStatus defines the observed state of NodePool",
        [
          "resources": S.quantityMap("Resources is the list of resources that have been provisioned."),
          "nodes": S.integer("Nodes is the count of nodes associated with this NodePool", format: "int64"),
          "conditions": S.array(S.ref(BuiltInSchemas.meta + "Condition"), "Conditions contains signals for health and readiness"),
        ]),
    ], required: ["spec"])

  static let nodeClaim = S.kindSchema(
    "karpenter.sh", "v1", "NodeClaim", "NodeClaim is the Schema for the NodeClaims API",
    [
      "spec": S.object(
        "NodeClaimSpec describes the desired state of the NodeClaim",
        nodeClaimSpecFields.merging(["resources": S.anyObject("Resources models the resource requirements for the NodeClaim to launch")]) { a, _ in a },
        required: ["nodeClassRef", "requirements"]),
      "status": S.object(
        "NodeClaimStatus defines the observed state of NodeClaim",
        [
          "nodeName": S.string("NodeName is the name of the corresponding node object"),
          "providerID": S.string("ProviderID of the corresponding node object"),
          "imageID": S.string("ImageID is an identifier for the image that runs on the node"),
          "capacity": S.quantityMap("Capacity is the estimated full capacity of the node"),
          "allocatable": S.quantityMap("Allocatable is the estimated allocatable capacity of the node"),
          "conditions": S.array(S.ref(BuiltInSchemas.meta + "Condition"), "Conditions contains signals for health and readiness"),
        ]),
    ], required: ["spec"])

  /// The schema name a CRD's kind gets (`sh.karpenter.v1.NodePool`): the group reversed.
  static func name(group: String, version: String, kind: String) -> String {
    group.split(separator: ".").reversed().joined(separator: ".") + ".\(version).\(kind)"
  }
}
