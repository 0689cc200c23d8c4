import Scheduling
import Testing
@Test func zzStats() {
  var claims = 0, onClaims = 0, unsched = 0, existing = 0, pods = 0, topo = [String: Int](), limited = 0, costDiff = 0, cheaper = 0
  var topoPlaced = [String: Int]()
  for seed in PropertyRuns.seeds {
    let w = Workload.seeded(seed)
    let r = Scheduler.solve(w.input(.costAware))
    let f = Scheduler.solve(w.input(.firstFit))
    pods += w.podGroups.count
    claims += r.newNodeClaims.count
    onClaims += r.newNodeClaims.reduce(0) { $0 + $1.pods.count }
    unsched += r.unschedulable.count
    existing += r.existingPlacements.count
    if w.hasLimits { limited += 1 }
    for g in w.groups { topo[g.topology.rawValue, default: 0] += g.count }
    let gs = w.podGroups
    for c in r.newNodeClaims { for p in c.pods { topoPlaced[w.groups[gs[p]].topology.rawValue, default: 0] += 1 } }
    if !w.hasTopology { let a = totalPrice(r), b = totalPrice(f); if abs(a-b) > 1e-9 { costDiff += 1 }; if a < b - 1e-9 { cheaper += 1 } }
  }
  print("STATS pods=\(pods) claims=\(claims) onClaims=\(onClaims) unsched=\(unsched) existing=\(existing) limited=\(limited) topo=\(topo) topoPlaced=\(topoPlaced) costDiff=\(costDiff) cheaper=\(cheaper)")
}
