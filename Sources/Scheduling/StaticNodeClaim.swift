import KarpenterAPI
import KubernetesAPI

extension PlannedNodeClaim {
  /// A NodeClaim of a static NodePool (`spec.replicas`): made from the NodePool's template
  /// alone, with no pods behind it, as upstream's static provisioning controller makes it.
  /// Every instance type the template's requirements allow (and that has an offering they
  /// allow, available or not) is an option, cheapest first; the cloud launches the cheapest
  /// available one.
  public init(staticFrom template: NodePoolTemplate, instanceTypes: [InstanceType]) {
    let requirements = template.nodeRequirements
    var options: [(type: InstanceType, price: Double)] = []
    for i in template.instanceTypeIndices ?? Array(instanceTypes.indices) {
      let type = instanceTypes[i]
      guard type.requirements.intersects(requirements) else { continue }
      var cheapest = Double.infinity
      for o in type.offerings {
        if let zone = requirements[WellKnown.zoneLabel], !zone.has(o.zone) { continue }
        if let capacityType = requirements[WellKnown.capacityTypeLabel], !capacityType.has(o.capacityType) {
          continue
        }
        cheapest = min(cheapest, o.price)
      }
      if cheapest.isFinite { options.append((type, cheapest)) }
    }
    options.sort { ($0.price, $0.type.name) < ($1.price, $1.type.name) }
    var labels = template.labels
    for (k, v) in requirements.singleValueLabels where k != WellKnown.hostnameLabel { labels[k] = v }
    labels[WellKnown.nodePoolLabel] = template.name
    self.init(
      nodePool: template.name, requirements: requirements, instanceTypes: options.map(\.type), pods: [],
      requests: Resources(), labels: labels, taints: template.taints, startupTaints: template.startupTaints)
  }
}
