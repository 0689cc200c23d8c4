import Testing

@testable import APIServer

/// Every distinct `x-kubernetes-validations` rule of upstream Karpenter v1.14's CRDs
/// (karpenter.sh_nodepools, karpenter.sh_nodeclaims, karpenter.k8s.aws_ec2nodeclasses,
/// karpenter.sh_nodeoverlays), copied verbatim, each on objects that pass and objects that fail.
struct UpstreamRuleCase: Sendable, CustomTestStringConvertible {
  enum Outcome: Sendable { case passes, fails, errors }
  var origin: String
  var rule: String
  var value: String
  var old: String?
  var outcome: Outcome

  var testDescription: String { "\(origin): \(value) \(outcome)" }
}

let upstreamRuleCases: [UpstreamRuleCase] = [
  UpstreamRuleCase(
    origin: "NodePool .spec",
    rule: #"has(self.replicas) == has(oldSelf.replicas)"#,
    value: #"{"replicas":1}"#, old: #"{"replicas":2}"#, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec",
    rule: #"has(self.replicas) == has(oldSelf.replicas)"#,
    value: #"{"replicas":1}"#, old: #"{}"#, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodePool .spec",
    rule: #"has(self.replicas) == has(oldSelf.replicas)"#,
    value: #"{}"#, old: #"{}"#, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec",
    rule:
      #"!has(self.replicas) || (!has(self.limits) || size(self.limits) == 0 || (size(self.limits) == 1 && 'nodes' in self.limits))"#,
    value: #"{"replicas":1,"limits":{"nodes":"5"}}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec",
    rule:
      #"!has(self.replicas) || (!has(self.limits) || size(self.limits) == 0 || (size(self.limits) == 1 && 'nodes' in self.limits))"#,
    value: #"{}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec",
    rule:
      #"!has(self.replicas) || (!has(self.limits) || size(self.limits) == 0 || (size(self.limits) == 1 && 'nodes' in self.limits))"#,
    value: #"{"replicas":1}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec",
    rule:
      #"!has(self.replicas) || (!has(self.limits) || size(self.limits) == 0 || (size(self.limits) == 1 && 'nodes' in self.limits))"#,
    value: #"{"replicas":1,"limits":{"cpu":"5"}}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodePool .spec",
    rule:
      #"!has(self.replicas) || (!has(self.limits) || size(self.limits) == 0 || (size(self.limits) == 1 && 'nodes' in self.limits))"#,
    value: #"{"replicas":1,"limits":{"nodes":"5","cpu":"1"}}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodePool .spec",
    rule: #"!has(self.replicas) || !has(self.weight)"#,
    value: #"{"weight":10}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec",
    rule: #"!has(self.replicas) || !has(self.weight)"#,
    value: #"{"replicas":1,"weight":10}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodePool .spec.disruption.budgets",
    rule: #"self.all(x, has(x.schedule) == has(x.duration))"#,
    value: #"[{"nodes":"10%"},{"nodes":"1","schedule":"@daily","duration":"10m"}]"#, old: nil,
    outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec.disruption.budgets",
    rule: #"self.all(x, has(x.schedule) == has(x.duration))"#,
    value: #"[{"nodes":"1","schedule":"@daily"}]"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.metadata.labels",
    rule:
      #"self.all(x, x in ["karpenter.sh/capacity-type", "karpenter.sh/nodepool"] || !x.find("^([^/]+)").endsWith("karpenter.sh"))"#,
    value: #"{"karpenter.sh/capacity-type":"spot","team":"a","example.com/x":"y"}"#, old: nil,
    outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.metadata.labels",
    rule:
      #"self.all(x, x in ["karpenter.sh/capacity-type", "karpenter.sh/nodepool"] || !x.find("^([^/]+)").endsWith("karpenter.sh"))"#,
    value: #"{"karpenter.sh/custom":"x"}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.metadata.labels",
    rule:
      #"self.all(x, x in ["karpenter.sh/capacity-type", "karpenter.sh/nodepool"] || !x.find("^([^/]+)").endsWith("karpenter.sh"))"#,
    value: #"{"sub.karpenter.sh/x":"y"}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.metadata.labels",
    rule: #"self.all(x, x != "karpenter.sh/nodepool")"#,
    value: #"{"a":"b"}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.metadata.labels",
    rule: #"self.all(x, x != "karpenter.sh/nodepool")"#,
    value: #"{"karpenter.sh/nodepool":"x"}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.metadata.labels",
    rule: #"self.all(x, x != "kubernetes.io/hostname")"#,
    value: #"{"a":"b"}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.metadata.labels",
    rule: #"self.all(x, x != "kubernetes.io/hostname")"#,
    value: #"{"kubernetes.io/hostname":"x"}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.metadata.labels",
    rule:
      #"self.all(x, x in ["karpenter.k8s.aws/instance-tenancy", "karpenter.k8s.aws/capacity-reservation-type", "karpenter.k8s.aws/capacity-reservation-id", "karpenter.k8s.aws/capacity-reservation-interruptible", "karpenter.k8s.aws/capacity-reservation-interruptible", "karpenter.k8s.aws/ec2nodeclass", "karpenter.k8s.aws/instance-encryption-in-transit-supported", "karpenter.k8s.aws/nitro-sandbox", "karpenter.k8s.aws/instance-category", "karpenter.k8s.aws/instance-hypervisor", "karpenter.k8s.aws/instance-family", "karpenter.k8s.aws/instance-generation", "karpenter.k8s.aws/instance-local-nvme", "karpenter.k8s.aws/instance-size", "karpenter.k8s.aws/instance-cpu", "karpenter.k8s.aws/instance-cpu-manufacturer", "karpenter.k8s.aws/instance-cpu-sustained-clock-speed-mhz", "karpenter.k8s.aws/instance-memory", "karpenter.k8s.aws/instance-ebs-bandwidth", "karpenter.k8s.aws/instance-network-bandwidth", "karpenter.k8s.aws/instance-gpu-name", "karpenter.k8s.aws/instance-gpu-manufacturer", "karpenter.k8s.aws/instance-gpu-count", "karpenter.k8s.aws/instance-gpu-memory", "karpenter.k8s.aws/instance-accelerator-name", "karpenter.k8s.aws/instance-accelerator-manufacturer", "karpenter.k8s.aws/instance-accelerator-count", "karpenter.k8s.aws/instance-capability-flex", "karpenter.k8s.aws/placement-group-id", "karpenter.k8s.aws/placement-group-partition"] || !x.find("^([^/]+)").endsWith("karpenter.k8s.aws"))"#,
    value: #"{"karpenter.k8s.aws/instance-family":"m5","other":"x"}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.metadata.labels",
    rule:
      #"self.all(x, x in ["karpenter.k8s.aws/instance-tenancy", "karpenter.k8s.aws/capacity-reservation-type", "karpenter.k8s.aws/capacity-reservation-id", "karpenter.k8s.aws/capacity-reservation-interruptible", "karpenter.k8s.aws/capacity-reservation-interruptible", "karpenter.k8s.aws/ec2nodeclass", "karpenter.k8s.aws/instance-encryption-in-transit-supported", "karpenter.k8s.aws/nitro-sandbox", "karpenter.k8s.aws/instance-category", "karpenter.k8s.aws/instance-hypervisor", "karpenter.k8s.aws/instance-family", "karpenter.k8s.aws/instance-generation", "karpenter.k8s.aws/instance-local-nvme", "karpenter.k8s.aws/instance-size", "karpenter.k8s.aws/instance-cpu", "karpenter.k8s.aws/instance-cpu-manufacturer", "karpenter.k8s.aws/instance-cpu-sustained-clock-speed-mhz", "karpenter.k8s.aws/instance-memory", "karpenter.k8s.aws/instance-ebs-bandwidth", "karpenter.k8s.aws/instance-network-bandwidth", "karpenter.k8s.aws/instance-gpu-name", "karpenter.k8s.aws/instance-gpu-manufacturer", "karpenter.k8s.aws/instance-gpu-count", "karpenter.k8s.aws/instance-gpu-memory", "karpenter.k8s.aws/instance-accelerator-name", "karpenter.k8s.aws/instance-accelerator-manufacturer", "karpenter.k8s.aws/instance-accelerator-count", "karpenter.k8s.aws/instance-capability-flex", "karpenter.k8s.aws/placement-group-id", "karpenter.k8s.aws/placement-group-partition"] || !x.find("^([^/]+)").endsWith("karpenter.k8s.aws"))"#,
    value: #"{"karpenter.k8s.aws/instance-foo":"x"}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.nodeClassRef",
    rule: #"self.group == oldSelf.group"#,
    value: #"{"group":"karpenter.k8s.aws","kind":"EC2NodeClass","name":"a"}"#,
    old: #"{"group":"karpenter.k8s.aws","kind":"EC2NodeClass","name":"b"}"#, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.nodeClassRef",
    rule: #"self.group == oldSelf.group"#,
    value: #"{"group":"other.io","kind":"EC2NodeClass","name":"a"}"#,
    old: #"{"group":"karpenter.k8s.aws","kind":"EC2NodeClass","name":"a"}"#, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.nodeClassRef",
    rule: #"self.kind == oldSelf.kind"#,
    value: #"{"group":"g","kind":"EC2NodeClass","name":"a"}"#,
    old: #"{"group":"g","kind":"EC2NodeClass","name":"b"}"#, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.nodeClassRef",
    rule: #"self.kind == oldSelf.kind"#,
    value: #"{"group":"g","kind":"Other","name":"a"}"#,
    old: #"{"group":"g","kind":"EC2NodeClass","name":"a"}"#, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.nodeClassRef.group",
    rule: #"self != ''"#,
    value: #""x""#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.nodeClassRef.group",
    rule: #"self != ''"#,
    value: #""""#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.requirements",
    rule: #"self.all(x, x.operator == 'In' ? x.values.size() != 0 : true)"#,
    value: #"[{"key":"k","operator":"In","values":["a"]},{"key":"k","operator":"Exists"}]"#, old: nil,
    outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.requirements",
    rule: #"self.all(x, x.operator == 'In' ? x.values.size() != 0 : true)"#,
    value: #"[{"key":"k","operator":"In","values":[]}]"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.requirements",
    rule:
      #"self.all(x, (x.operator == 'Gt' || x.operator == 'Lt' || x.operator == 'Gte' || x.operator == 'Lte') ? (x.values.size() == 1 && int(x.values[0]) >= 0) : true)"#,
    value: #"[{"key":"k","operator":"Gt","values":["5"]},{"key":"k","operator":"In","values":["a","b"]}]"#,
    old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.requirements",
    rule:
      #"self.all(x, (x.operator == 'Gt' || x.operator == 'Lt' || x.operator == 'Gte' || x.operator == 'Lte') ? (x.values.size() == 1 && int(x.values[0]) >= 0) : true)"#,
    value: #"[{"key":"k","operator":"Gte","values":["0"]}]"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.requirements",
    rule:
      #"self.all(x, (x.operator == 'Gt' || x.operator == 'Lt' || x.operator == 'Gte' || x.operator == 'Lte') ? (x.values.size() == 1 && int(x.values[0]) >= 0) : true)"#,
    value: #"[{"key":"k","operator":"Gt","values":["-1"]}]"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.requirements",
    rule:
      #"self.all(x, (x.operator == 'Gt' || x.operator == 'Lt' || x.operator == 'Gte' || x.operator == 'Lte') ? (x.values.size() == 1 && int(x.values[0]) >= 0) : true)"#,
    value: #"[{"key":"k","operator":"Lt","values":["1","2"]}]"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.requirements",
    rule:
      #"self.all(x, (x.operator == 'Gt' || x.operator == 'Lt' || x.operator == 'Gte' || x.operator == 'Lte') ? (x.values.size() == 1 && int(x.values[0]) >= 0) : true)"#,
    value: #"[{"key":"k","operator":"Gt","values":["abc"]}]"#, old: nil, outcome: .errors),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.requirements",
    rule: #"self.all(x, (x.operator == 'In' && has(x.minValues)) ? x.values.size() >= x.minValues : true)"#,
    value: #"[{"key":"k","operator":"In","values":["a","b"],"minValues":2}]"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.requirements",
    rule: #"self.all(x, (x.operator == 'In' && has(x.minValues)) ? x.values.size() >= x.minValues : true)"#,
    value: #"[{"key":"k","operator":"In","values":["a","b"],"minValues":3}]"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.requirements[*].key",
    rule:
      #"self in ["karpenter.sh/capacity-type", "karpenter.sh/nodepool"] || !self.find("^([^/]+)").endsWith("karpenter.sh")"#,
    value: #""karpenter.sh/capacity-type""#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.requirements[*].key",
    rule:
      #"self in ["karpenter.sh/capacity-type", "karpenter.sh/nodepool"] || !self.find("^([^/]+)").endsWith("karpenter.sh")"#,
    value: #""node.kubernetes.io/instance-type""#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.requirements[*].key",
    rule:
      #"self in ["karpenter.sh/capacity-type", "karpenter.sh/nodepool"] || !self.find("^([^/]+)").endsWith("karpenter.sh")"#,
    value: #""karpenter.sh/foo""#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.requirements[*].key",
    rule: #"self != "karpenter.sh/nodepool""#,
    value: #""karpenter.sh/capacity-type""#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.requirements[*].key",
    rule: #"self != "karpenter.sh/nodepool""#,
    value: #""karpenter.sh/nodepool""#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.requirements[*].key",
    rule: #"self != "kubernetes.io/hostname""#,
    value: #""topology.kubernetes.io/zone""#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.requirements[*].key",
    rule: #"self != "kubernetes.io/hostname""#,
    value: #""kubernetes.io/hostname""#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.requirements[*].key",
    rule:
      #"self in ["karpenter.k8s.aws/instance-tenancy", "karpenter.k8s.aws/capacity-reservation-type", "karpenter.k8s.aws/capacity-reservation-id", "karpenter.k8s.aws/capacity-reservation-interruptible", "karpenter.k8s.aws/ec2nodeclass", "karpenter.k8s.aws/instance-encryption-in-transit-supported", "karpenter.k8s.aws/nitro-sandbox", "karpenter.k8s.aws/instance-category", "karpenter.k8s.aws/instance-hypervisor", "karpenter.k8s.aws/instance-family", "karpenter.k8s.aws/instance-generation", "karpenter.k8s.aws/instance-local-nvme", "karpenter.k8s.aws/instance-size", "karpenter.k8s.aws/instance-cpu", "karpenter.k8s.aws/instance-cpu-manufacturer", "karpenter.k8s.aws/instance-cpu-sustained-clock-speed-mhz", "karpenter.k8s.aws/instance-memory", "karpenter.k8s.aws/instance-ebs-bandwidth", "karpenter.k8s.aws/instance-network-bandwidth", "karpenter.k8s.aws/instance-gpu-name", "karpenter.k8s.aws/instance-gpu-manufacturer", "karpenter.k8s.aws/instance-gpu-count", "karpenter.k8s.aws/instance-gpu-memory", "karpenter.k8s.aws/instance-accelerator-name", "karpenter.k8s.aws/instance-accelerator-manufacturer", "karpenter.k8s.aws/instance-accelerator-count", "karpenter.k8s.aws/instance-capability-flex", "karpenter.k8s.aws/placement-group-id", "karpenter.k8s.aws/placement-group-partition"] || !self.find("^([^/]+)").endsWith("karpenter.k8s.aws")"#,
    value: #""karpenter.k8s.aws/instance-family""#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.requirements[*].key",
    rule:
      #"self in ["karpenter.k8s.aws/instance-tenancy", "karpenter.k8s.aws/capacity-reservation-type", "karpenter.k8s.aws/capacity-reservation-id", "karpenter.k8s.aws/capacity-reservation-interruptible", "karpenter.k8s.aws/ec2nodeclass", "karpenter.k8s.aws/instance-encryption-in-transit-supported", "karpenter.k8s.aws/nitro-sandbox", "karpenter.k8s.aws/instance-category", "karpenter.k8s.aws/instance-hypervisor", "karpenter.k8s.aws/instance-family", "karpenter.k8s.aws/instance-generation", "karpenter.k8s.aws/instance-local-nvme", "karpenter.k8s.aws/instance-size", "karpenter.k8s.aws/instance-cpu", "karpenter.k8s.aws/instance-cpu-manufacturer", "karpenter.k8s.aws/instance-cpu-sustained-clock-speed-mhz", "karpenter.k8s.aws/instance-memory", "karpenter.k8s.aws/instance-ebs-bandwidth", "karpenter.k8s.aws/instance-network-bandwidth", "karpenter.k8s.aws/instance-gpu-name", "karpenter.k8s.aws/instance-gpu-manufacturer", "karpenter.k8s.aws/instance-gpu-count", "karpenter.k8s.aws/instance-gpu-memory", "karpenter.k8s.aws/instance-accelerator-name", "karpenter.k8s.aws/instance-accelerator-manufacturer", "karpenter.k8s.aws/instance-accelerator-count", "karpenter.k8s.aws/instance-capability-flex", "karpenter.k8s.aws/placement-group-id", "karpenter.k8s.aws/placement-group-partition"] || !self.find("^([^/]+)").endsWith("karpenter.k8s.aws")"#,
    value: #""kubernetes.io/arch""#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodePool .spec.template.spec.requirements[*].key",
    rule:
      #"self in ["karpenter.k8s.aws/instance-tenancy", "karpenter.k8s.aws/capacity-reservation-type", "karpenter.k8s.aws/capacity-reservation-id", "karpenter.k8s.aws/capacity-reservation-interruptible", "karpenter.k8s.aws/ec2nodeclass", "karpenter.k8s.aws/instance-encryption-in-transit-supported", "karpenter.k8s.aws/nitro-sandbox", "karpenter.k8s.aws/instance-category", "karpenter.k8s.aws/instance-hypervisor", "karpenter.k8s.aws/instance-family", "karpenter.k8s.aws/instance-generation", "karpenter.k8s.aws/instance-local-nvme", "karpenter.k8s.aws/instance-size", "karpenter.k8s.aws/instance-cpu", "karpenter.k8s.aws/instance-cpu-manufacturer", "karpenter.k8s.aws/instance-cpu-sustained-clock-speed-mhz", "karpenter.k8s.aws/instance-memory", "karpenter.k8s.aws/instance-ebs-bandwidth", "karpenter.k8s.aws/instance-network-bandwidth", "karpenter.k8s.aws/instance-gpu-name", "karpenter.k8s.aws/instance-gpu-manufacturer", "karpenter.k8s.aws/instance-gpu-count", "karpenter.k8s.aws/instance-gpu-memory", "karpenter.k8s.aws/instance-accelerator-name", "karpenter.k8s.aws/instance-accelerator-manufacturer", "karpenter.k8s.aws/instance-accelerator-count", "karpenter.k8s.aws/instance-capability-flex", "karpenter.k8s.aws/placement-group-id", "karpenter.k8s.aws/placement-group-partition"] || !self.find("^([^/]+)").endsWith("karpenter.k8s.aws")"#,
    value: #""karpenter.k8s.aws/instance-foo""#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodeClaim .spec",
    rule: #"self == oldSelf"#,
    value: #"{"a":[1,2],"b":{"c":"d"}}"#, old: #"{"b":{"c":"d"},"a":[1,2]}"#, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodeClaim .spec",
    rule: #"self == oldSelf"#,
    value: #"{"a":[1,2]}"#, old: #"{"a":[2,1]}"#, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec",
    rule:
      #"(has(self.role) && !has(self.instanceProfile)) || (!has(self.role) && has(self.instanceProfile))"#,
    value: #"{"role":"r"}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec",
    rule:
      #"(has(self.role) && !has(self.instanceProfile)) || (!has(self.role) && has(self.instanceProfile))"#,
    value: #"{"instanceProfile":"p"}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec",
    rule:
      #"(has(self.role) && !has(self.instanceProfile)) || (!has(self.role) && has(self.instanceProfile))"#,
    value: #"{"role":"r","instanceProfile":"p"}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec",
    rule:
      #"(has(self.role) && !has(self.instanceProfile)) || (!has(self.role) && has(self.instanceProfile))"#,
    value: #"{}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec",
    rule:
      #"!has(self.amiFamily) || (self.amiSelectorTerms.exists(x, has(x.alias) && x.alias.find('^[^@]+') == 'al2') ? (self.amiFamily == 'Custom' || self.amiFamily == 'AL2') : true)"#,
    value: #"{"amiFamily":"AL2","amiSelectorTerms":[{"alias":"al2@latest"}]}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec",
    rule:
      #"!has(self.amiFamily) || (self.amiSelectorTerms.exists(x, has(x.alias) && x.alias.find('^[^@]+') == 'al2') ? (self.amiFamily == 'Custom' || self.amiFamily == 'AL2') : true)"#,
    value: #"{"amiSelectorTerms":[{"alias":"al2@latest"}]}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec",
    rule:
      #"!has(self.amiFamily) || (self.amiSelectorTerms.exists(x, has(x.alias) && x.alias.find('^[^@]+') == 'al2') ? (self.amiFamily == 'Custom' || self.amiFamily == 'AL2') : true)"#,
    value: #"{"amiFamily":"AL2023","amiSelectorTerms":[{"alias":"al2@latest"}]}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec",
    rule:
      #"!has(self.amiFamily) || (self.amiSelectorTerms.exists(x, has(x.alias) && x.alias.find('^[^@]+') == 'al2023') ? (self.amiFamily == 'Custom' || self.amiFamily == 'AL2023') : true)"#,
    value: #"{"amiFamily":"Custom","amiSelectorTerms":[{"alias":"al2023@latest"}]}"#, old: nil,
    outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec",
    rule:
      #"!has(self.amiFamily) || (self.amiSelectorTerms.exists(x, has(x.alias) && x.alias.find('^[^@]+') == 'al2023') ? (self.amiFamily == 'Custom' || self.amiFamily == 'AL2023') : true)"#,
    value: #"{"amiFamily":"AL2","amiSelectorTerms":[{"alias":"al2023@v20240807"}]}"#, old: nil,
    outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec",
    rule:
      #"!has(self.amiFamily) || (self.amiSelectorTerms.exists(x, has(x.alias) && x.alias.find('^[^@]+') == 'bottlerocket') ? (self.amiFamily == 'Custom' || self.amiFamily == 'Bottlerocket') : true)"#,
    value: #"{"amiSelectorTerms":[{"alias":"bottlerocket@latest"}]}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec",
    rule:
      #"!has(self.amiFamily) || (self.amiSelectorTerms.exists(x, has(x.alias) && x.alias.find('^[^@]+') == 'bottlerocket') ? (self.amiFamily == 'Custom' || self.amiFamily == 'Bottlerocket') : true)"#,
    value: #"{"amiFamily":"AL2023","amiSelectorTerms":[{"alias":"bottlerocket@latest"}]}"#, old: nil,
    outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec",
    rule:
      #"!has(self.amiFamily) || (self.amiSelectorTerms.exists(x, has(x.alias) && x.alias.find('^[^@]+') == 'windows2019') ? (self.amiFamily == 'Custom' || self.amiFamily == 'Windows2019') : true)"#,
    value: #"{"amiFamily":"Windows2019","amiSelectorTerms":[{"alias":"windows2019@latest"}]}"#, old: nil,
    outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec",
    rule:
      #"!has(self.amiFamily) || (self.amiSelectorTerms.exists(x, has(x.alias) && x.alias.find('^[^@]+') == 'windows2019') ? (self.amiFamily == 'Custom' || self.amiFamily == 'Windows2019') : true)"#,
    value: #"{"amiFamily":"Windows2022","amiSelectorTerms":[{"alias":"windows2019@latest"}]}"#, old: nil,
    outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec",
    rule:
      #"!has(self.amiFamily) || (self.amiSelectorTerms.exists(x, has(x.alias) && x.alias.find('^[^@]+') == 'windows2022') ? (self.amiFamily == 'Custom' || self.amiFamily == 'Windows2022') : true)"#,
    value: #"{"amiFamily":"Windows2022","amiSelectorTerms":[{"alias":"windows2022@latest"}]}"#, old: nil,
    outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec",
    rule:
      #"!has(self.amiFamily) || (self.amiSelectorTerms.exists(x, has(x.alias) && x.alias.find('^[^@]+') == 'windows2022') ? (self.amiFamily == 'Custom' || self.amiFamily == 'Windows2022') : true)"#,
    value: #"{"amiFamily":"Bottlerocket","amiSelectorTerms":[{"alias":"windows2022@latest"}]}"#, old: nil,
    outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec",
    rule:
      #"!has(self.amiFamily) || (self.amiSelectorTerms.exists(x, has(x.alias) && x.alias.find('^[^@]+') == 'windows2025') ? (self.amiFamily == 'Custom' || self.amiFamily == 'Windows2025') : true)"#,
    value: #"{"amiFamily":"Windows2025","amiSelectorTerms":[{"alias":"windows2025@latest"}]}"#, old: nil,
    outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec",
    rule:
      #"!has(self.amiFamily) || (self.amiSelectorTerms.exists(x, has(x.alias) && x.alias.find('^[^@]+') == 'windows2025') ? (self.amiFamily == 'Custom' || self.amiFamily == 'Windows2025') : true)"#,
    value: #"{"amiFamily":"AL2","amiSelectorTerms":[{"alias":"windows2025@latest"}]}"#, old: nil,
    outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec",
    rule: #"self.amiSelectorTerms.exists(x, has(x.alias)) ? true : has(self.amiFamily)"#,
    value: #"{"amiSelectorTerms":[{"id":"ami-1"}],"amiFamily":"AL2023"}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec",
    rule: #"self.amiSelectorTerms.exists(x, has(x.alias)) ? true : has(self.amiFamily)"#,
    value: #"{"amiSelectorTerms":[{"alias":"al2023@latest"}]}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec",
    rule: #"self.amiSelectorTerms.exists(x, has(x.alias)) ? true : has(self.amiFamily)"#,
    value: #"{"amiSelectorTerms":[{"id":"ami-1"}]}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.amiSelectorTerms",
    rule: #"self.all(x, has(x.tags) || has(x.id) || has(x.name) || has(x.alias) || has(x.ssmParameter))"#,
    value: #"[{"tags":{"a":"b"}},{"ssmParameter":"/x"}]"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.amiSelectorTerms",
    rule: #"self.all(x, has(x.tags) || has(x.id) || has(x.name) || has(x.alias) || has(x.ssmParameter))"#,
    value: #"[{"owner":"self"}]"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.amiSelectorTerms",
    rule: #"!self.exists(x, has(x.id) && (has(x.alias) || has(x.tags) || has(x.name) || has(x.owner)))"#,
    value: #"[{"id":"ami-1"},{"name":"x","owner":"self"}]"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.amiSelectorTerms",
    rule: #"!self.exists(x, has(x.id) && (has(x.alias) || has(x.tags) || has(x.name) || has(x.owner)))"#,
    value: #"[{"id":"ami-1","owner":"self"}]"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.amiSelectorTerms",
    rule: #"!self.exists(x, has(x.alias) && (has(x.id) || has(x.tags) || has(x.name) || has(x.owner)))"#,
    value: #"[{"alias":"al2023@latest"}]"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.amiSelectorTerms",
    rule: #"!self.exists(x, has(x.alias) && (has(x.id) || has(x.tags) || has(x.name) || has(x.owner)))"#,
    value: #"[{"alias":"al2023@latest","name":"x"}]"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.amiSelectorTerms",
    rule: #"!(self.exists(x, has(x.alias)) && self.size() != 1)"#,
    value: #"[{"alias":"al2023@latest"}]"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.amiSelectorTerms",
    rule: #"!(self.exists(x, has(x.alias)) && self.size() != 1)"#,
    value: #"[{"id":"a"},{"id":"b"}]"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.amiSelectorTerms",
    rule: #"!(self.exists(x, has(x.alias)) && self.size() != 1)"#,
    value: #"[{"alias":"al2023@latest"},{"id":"ami-1"}]"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.amiSelectorTerms[*].alias",
    rule: #"self.matches('^[a-zA-Z0-9]+@.+$')"#,
    value: #""al2023@latest""#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.amiSelectorTerms[*].alias",
    rule: #"self.matches('^[a-zA-Z0-9]+@.+$')"#,
    value: #""al2023""#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.amiSelectorTerms[*].alias",
    rule: #"self.split('@')[0] in ['al2','al2023','bottlerocket','windows2019','windows2022','windows2025']"#,
    value: #""bottlerocket@v1.2""#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.amiSelectorTerms[*].alias",
    rule: #"self.split('@')[0] in ['al2','al2023','bottlerocket','windows2019','windows2022','windows2025']"#,
    value: #""ubuntu@latest""#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.amiSelectorTerms[*].alias",
    rule:
      #"self.split('@')[0] in ['windows2019','windows2022','windows2025'] ? self.split('@')[1] == 'latest' : true"#,
    value: #""windows2022@latest""#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.amiSelectorTerms[*].alias",
    rule:
      #"self.split('@')[0] in ['windows2019','windows2022','windows2025'] ? self.split('@')[1] == 'latest' : true"#,
    value: #""al2023@v2024""#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.amiSelectorTerms[*].alias",
    rule:
      #"self.split('@')[0] in ['windows2019','windows2022','windows2025'] ? self.split('@')[1] == 'latest' : true"#,
    value: #""windows2022@v1""#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.amiSelectorTerms[*].tags",
    rule: #"self.all(k, k != '' && self[k] != '')"#,
    value: #"{"a":"b"}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.amiSelectorTerms[*].tags",
    rule: #"self.all(k, k != '' && self[k] != '')"#,
    value: #"{"a":""}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.amiSelectorTerms[*].tags",
    rule: #"self.all(k, k != '' && self[k] != '')"#,
    value: #"{"":"b"}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.blockDeviceMappings",
    rule: #"self.filter(x, has(x.rootVolume)?x.rootVolume==true:false).size() <= 1"#,
    value: #"[{"rootVolume":true},{"rootVolume":false},{}]"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.blockDeviceMappings",
    rule: #"self.filter(x, has(x.rootVolume)?x.rootVolume==true:false).size() <= 1"#,
    value: #"[{"rootVolume":true},{"rootVolume":true}]"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.blockDeviceMappings[*].ebs",
    rule: #"has(self.snapshotID) || has(self.volumeSize)"#,
    value: #"{"volumeSize":"20Gi"}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.blockDeviceMappings[*].ebs",
    rule: #"has(self.snapshotID) || has(self.volumeSize)"#,
    value: #"{"snapshotID":"snap-1"}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.blockDeviceMappings[*].ebs",
    rule: #"has(self.snapshotID) || has(self.volumeSize)"#,
    value: #"{"iops":3000}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.blockDeviceMappings[*].ebs",
    rule: #"!has(self.volumeInitializationRate) || (has(self.snapshotID) && self.snapshotID != '')"#,
    value: #"{"volumeSize":"20Gi"}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.blockDeviceMappings[*].ebs",
    rule: #"!has(self.volumeInitializationRate) || (has(self.snapshotID) && self.snapshotID != '')"#,
    value: #"{"snapshotID":"snap-1","volumeInitializationRate":100}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.blockDeviceMappings[*].ebs",
    rule: #"!has(self.volumeInitializationRate) || (has(self.snapshotID) && self.snapshotID != '')"#,
    value: #"{"volumeInitializationRate":100,"snapshotID":""}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.blockDeviceMappings[*].ebs",
    rule: #"!has(self.volumeInitializationRate) || (has(self.snapshotID) && self.snapshotID != '')"#,
    value: #"{"volumeInitializationRate":100}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.capacityReservationSelectorTerms",
    rule: #"self.all(x, has(x.tags) || has(x.id) || has(x.instanceMatchCriteria))"#,
    value: #"[{"id":"cr-1"},{"tags":{"a":"b"}}]"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.capacityReservationSelectorTerms",
    rule: #"self.all(x, has(x.tags) || has(x.id) || has(x.instanceMatchCriteria))"#,
    value: #"[{"ownerID":"123456789012"}]"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.capacityReservationSelectorTerms",
    rule: #"!self.all(x, has(x.id) && (has(x.tags) || has(x.ownerID) || has(x.instanceMatchCriteria)))"#,
    value: #"[{"id":"cr-1"}]"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.capacityReservationSelectorTerms",
    rule: #"!self.all(x, has(x.id) && (has(x.tags) || has(x.ownerID) || has(x.instanceMatchCriteria)))"#,
    value: #"[{"id":"cr-1","tags":{"a":"b"}}]"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.connectionTracking",
    rule: #"has(self.tcpEstablishedTimeout) || has(self.udpStreamTimeout) || has(self.udpTimeout)"#,
    value: #"{"udpTimeout":30}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.connectionTracking",
    rule: #"has(self.tcpEstablishedTimeout) || has(self.udpStreamTimeout) || has(self.udpTimeout)"#,
    value: #"{}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.networkInterfaces",
    rule:
      #"self.size() == 0 || self.exists(x, x.deviceIndex == 0 && x.networkCardIndex == 0 && x.interfaceType == 'interface')"#,
    value: #"[]"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.networkInterfaces",
    rule:
      #"self.size() == 0 || self.exists(x, x.deviceIndex == 0 && x.networkCardIndex == 0 && x.interfaceType == 'interface')"#,
    value: #"[{"deviceIndex":0,"networkCardIndex":0,"interfaceType":"interface"}]"#, old: nil,
    outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.networkInterfaces",
    rule:
      #"self.size() == 0 || self.exists(x, x.deviceIndex == 0 && x.networkCardIndex == 0 && x.interfaceType == 'interface')"#,
    value: #"[{"deviceIndex":1,"networkCardIndex":0,"interfaceType":"interface"}]"#, old: nil, outcome: .fails
  ),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.networkInterfaces",
    rule:
      #"self.all(x, self.filter(y, x.networkCardIndex == y.networkCardIndex && x.deviceIndex == y.deviceIndex).size() == 1 && (x.interfaceType != 'efa-only' || self.filter(y, x.networkCardIndex == y.networkCardIndex && y.interfaceType == 'efa-only').size() == 1))"#,
    value:
      #"[{"deviceIndex":0,"networkCardIndex":0,"interfaceType":"interface"},{"deviceIndex":1,"networkCardIndex":0,"interfaceType":"efa-only"}]"#,
    old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.networkInterfaces",
    rule:
      #"self.all(x, self.filter(y, x.networkCardIndex == y.networkCardIndex && x.deviceIndex == y.deviceIndex).size() == 1 && (x.interfaceType != 'efa-only' || self.filter(y, x.networkCardIndex == y.networkCardIndex && y.interfaceType == 'efa-only').size() == 1))"#,
    value:
      #"[{"deviceIndex":0,"networkCardIndex":0,"interfaceType":"interface"},{"deviceIndex":0,"networkCardIndex":0,"interfaceType":"interface"}]"#,
    old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.networkInterfaces",
    rule:
      #"self.all(x, self.filter(y, x.networkCardIndex == y.networkCardIndex && x.deviceIndex == y.deviceIndex).size() == 1 && (x.interfaceType != 'efa-only' || self.filter(y, x.networkCardIndex == y.networkCardIndex && y.interfaceType == 'efa-only').size() == 1))"#,
    value:
      #"[{"deviceIndex":1,"networkCardIndex":0,"interfaceType":"efa-only"},{"deviceIndex":2,"networkCardIndex":0,"interfaceType":"efa-only"}]"#,
    old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.placementGroupSelector",
    rule: #"has(self.name) || has(self.id)"#,
    value: #"{"name":"pg"}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.placementGroupSelector",
    rule: #"has(self.name) || has(self.id)"#,
    value: #"{}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.placementGroupSelector",
    rule: #"!(has(self.name) && has(self.id))"#,
    value: #"{"id":"pg-1"}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.placementGroupSelector",
    rule: #"!(has(self.name) && has(self.id))"#,
    value: #"{"name":"a","id":"pg-1"}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.securityGroupSelectorTerms",
    rule: #"self.size() != 0"#,
    value: #"[{"id":"sg-1"}]"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.securityGroupSelectorTerms",
    rule: #"self.size() != 0"#,
    value: #"[]"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.securityGroupSelectorTerms",
    rule: #"self.all(x, has(x.tags) || has(x.id) || has(x.name))"#,
    value: #"[{"name":"x"}]"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.securityGroupSelectorTerms",
    rule: #"self.all(x, has(x.tags) || has(x.id) || has(x.name))"#,
    value: #"[{}]"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.securityGroupSelectorTerms",
    rule: #"!self.all(x, has(x.id) && (has(x.tags) || has(x.name)))"#,
    value: #"[{"id":"sg-1"}]"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.securityGroupSelectorTerms",
    rule: #"!self.all(x, has(x.id) && (has(x.tags) || has(x.name)))"#,
    value: #"[{"id":"sg-1","name":"x"}]"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.securityGroupSelectorTerms",
    rule: #"!self.all(x, has(x.name) && (has(x.tags) || has(x.id)))"#,
    value: #"[{"name":"x"}]"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.securityGroupSelectorTerms",
    rule: #"!self.all(x, has(x.name) && (has(x.tags) || has(x.id)))"#,
    value: #"[{"name":"x","tags":{"a":"b"}}]"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.subnetSelectorTerms",
    rule: #"self.all(x, has(x.tags) || has(x.id))"#,
    value: #"[{"tags":{"a":"b"}}]"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.subnetSelectorTerms",
    rule: #"self.all(x, has(x.tags) || has(x.id))"#,
    value: #"[{}]"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.subnetSelectorTerms",
    rule: #"!self.all(x, has(x.id) && has(x.tags))"#,
    value: #"[{"id":"subnet-1"}]"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.subnetSelectorTerms",
    rule: #"!self.all(x, has(x.id) && has(x.tags))"#,
    value: #"[{"id":"subnet-1","tags":{"a":"b"}}]"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.tags",
    rule: #"self.all(k, k != '')"#,
    value: #"{"a":"b"}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.tags",
    rule: #"self.all(k, k != '')"#,
    value: #"{"":"b"}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.tags",
    rule: #"self.all(k, k !='eks:eks-cluster-name')"#,
    value: #"{"team":"a"}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.tags",
    rule: #"self.all(k, k !='eks:eks-cluster-name')"#,
    value: #"{"eks:eks-cluster-name":"x"}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.tags",
    rule: #"self.all(k, !k.startsWith('kubernetes.io/cluster') )"#,
    value: #"{"team":"a"}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.tags",
    rule: #"self.all(k, !k.startsWith('kubernetes.io/cluster') )"#,
    value: #"{"kubernetes.io/cluster/foo":"owned"}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.tags",
    rule: #"self.all(k, k != 'karpenter.sh/nodepool')"#,
    value: #"{"team":"a"}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.tags",
    rule: #"self.all(k, k != 'karpenter.sh/nodepool')"#,
    value: #"{"karpenter.sh/nodepool":"x"}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.tags",
    rule: #"self.all(k, k !='karpenter.sh/nodeclaim')"#,
    value: #"{"team":"a"}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.tags",
    rule: #"self.all(k, k !='karpenter.sh/nodeclaim')"#,
    value: #"{"karpenter.sh/nodeclaim":"x"}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.tags",
    rule: #"self.all(k, k !='karpenter.k8s.aws/ec2nodeclass')"#,
    value: #"{"team":"a"}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "EC2NodeClass .spec.tags",
    rule: #"self.all(k, k !='karpenter.k8s.aws/ec2nodeclass')"#,
    value: #"{"karpenter.k8s.aws/ec2nodeclass":"x"}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodeOverlay .spec",
    rule: #"!has(self.price) || !has(self.priceAdjustment)"#,
    value: #"{"price":"1.0"}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodeOverlay .spec",
    rule: #"!has(self.price) || !has(self.priceAdjustment)"#,
    value: #"{"price":"1.0","priceAdjustment":"+10%"}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodeOverlay .spec.capacity",
    rule: #"self.all(x, !(x in ['cpu', 'memory', 'ephemeral-storage', 'pods']))"#,
    value: #"{"smarter-devices/fuse":"1"}"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodeOverlay .spec.capacity",
    rule: #"self.all(x, !(x in ['cpu', 'memory', 'ephemeral-storage', 'pods']))"#,
    value: #"{"cpu":"1"}"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodeOverlay .spec.requirements",
    rule: #"self.all(x, x.operator == 'NotIn' ? x.values.size() != 0 : true)"#,
    value: #"[{"key":"k","operator":"NotIn","values":["a"]}]"#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodeOverlay .spec.requirements",
    rule: #"self.all(x, x.operator == 'NotIn' ? x.values.size() != 0 : true)"#,
    value: #"[{"key":"k","operator":"NotIn","values":[]}]"#, old: nil, outcome: .fails),
  UpstreamRuleCase(
    origin: "NodeOverlay .spec.requirements[*].key",
    rule:
      #"self in ["karpenter.k8s.aws/ec2nodeclass", "karpenter.k8s.aws/instance-encryption-in-transit-supported", "karpenter.k8s.aws/nitro-sandbox", "karpenter.k8s.aws/instance-category", "karpenter.k8s.aws/instance-hypervisor", "karpenter.k8s.aws/instance-family", "karpenter.k8s.aws/instance-generation", "karpenter.k8s.aws/instance-local-nvme", "karpenter.k8s.aws/instance-size", "karpenter.k8s.aws/instance-cpu", "karpenter.k8s.aws/instance-cpu-manufacturer", "karpenter.k8s.aws/instance-cpu-sustained-clock-speed-mhz", "karpenter.k8s.aws/instance-memory", "karpenter.k8s.aws/instance-ebs-bandwidth", "karpenter.k8s.aws/instance-network-bandwidth", "karpenter.k8s.aws/instance-gpu-name", "karpenter.k8s.aws/instance-gpu-manufacturer", "karpenter.k8s.aws/instance-gpu-count", "karpenter.k8s.aws/instance-gpu-memory", "karpenter.k8s.aws/instance-accelerator-name", "karpenter.k8s.aws/instance-accelerator-manufacturer", "karpenter.k8s.aws/instance-accelerator-count", "karpenter.k8s.aws/instance-capability-flex"] || !self.find("^([^/]+)").endsWith("karpenter.k8s.aws")"#,
    value: #""karpenter.k8s.aws/instance-family""#, old: nil, outcome: .passes),
  UpstreamRuleCase(
    origin: "NodeOverlay .spec.requirements[*].key",
    rule:
      #"self in ["karpenter.k8s.aws/ec2nodeclass", "karpenter.k8s.aws/instance-encryption-in-transit-supported", "karpenter.k8s.aws/nitro-sandbox", "karpenter.k8s.aws/instance-category", "karpenter.k8s.aws/instance-hypervisor", "karpenter.k8s.aws/instance-family", "karpenter.k8s.aws/instance-generation", "karpenter.k8s.aws/instance-local-nvme", "karpenter.k8s.aws/instance-size", "karpenter.k8s.aws/instance-cpu", "karpenter.k8s.aws/instance-cpu-manufacturer", "karpenter.k8s.aws/instance-cpu-sustained-clock-speed-mhz", "karpenter.k8s.aws/instance-memory", "karpenter.k8s.aws/instance-ebs-bandwidth", "karpenter.k8s.aws/instance-network-bandwidth", "karpenter.k8s.aws/instance-gpu-name", "karpenter.k8s.aws/instance-gpu-manufacturer", "karpenter.k8s.aws/instance-gpu-count", "karpenter.k8s.aws/instance-gpu-memory", "karpenter.k8s.aws/instance-accelerator-name", "karpenter.k8s.aws/instance-accelerator-manufacturer", "karpenter.k8s.aws/instance-accelerator-count", "karpenter.k8s.aws/instance-capability-flex"] || !self.find("^([^/]+)").endsWith("karpenter.k8s.aws")"#,
    value: #""karpenter.k8s.aws/placement-group-id""#, old: nil, outcome: .fails),
]

@Suite struct UpstreamRuleTests {
  @Test(arguments: upstreamRuleCases)
  func upstreamRuleEvaluates(_ c: UpstreamRuleCase) throws {
    let program = try CELProgram(c.rule)
    let value = try JSON(parsing: c.value)
    let old = try c.old.map { try JSON(parsing: $0) }
    #expect(program.isTransitionRule == c.rule.contains("oldSelf"))
    switch c.outcome {
    case .passes: #expect(try program.evaluate(self: value, oldSelf: old).value == .bool(true))
    case .fails: #expect(try program.evaluate(self: value, oldSelf: old).value == .bool(false))
    case .errors: #expect(throws: CELEvaluationError.self) { try program.evaluate(self: value, oldSelf: old) }
    }
  }

  @Test func everyUpstreamRuleHasAPassingAndAFailingCase() {
    let rules = Set(upstreamRuleCases.map(\.rule))
    #expect(rules.count == 61)
    for rule in rules {
      let outcomes = upstreamRuleCases.filter { $0.rule == rule }.map(\.outcome)
      #expect(outcomes.contains(.passes) && outcomes.contains(.fails), "\(rule)")
    }
  }
}
