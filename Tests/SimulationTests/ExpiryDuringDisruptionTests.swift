import Foundation
import Testing

/// A node whose expireAfter elapses while a consolidation command holds it (waiting for a
/// replacement that never initializes) still expires once the command is undone.
@Suite struct ExpiryDuringDisruptionTests {
  @Test func aNodeReleasedByAnUndoneCommandStillExpires() throws {
    // As LifecycleTests.aReplacementThatNeverInitializesUndoesTheDisruption: the `dear` node is
    // marked Underutilized at 405 s and released at 1005 s; its expireAfter (10m) elapses at
    // about 600 s, while it is marked.
    let yaml = LifecycleTests.neverInitializingReplacement(duration: "30m")
      .replacingOccurrences(
        of: "nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}",
        with:
          "nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}\n      expireAfter: 10m"
      )
    #expect(yaml.contains("expireAfter: 10m"))
    let (json, _) = try LifecycleTests.run(yaml)
    let decided = LifecycleTests.events(json, "DisruptionDecided")
    let first = try #require(decided.first)
    #expect(first["reason"] as? String == "Underutilized")
    #expect(first["time"] as? Double == 405)
    let dear = try #require(first["node"] as? String)
    let expired = decided.filter { $0["node"] as? String == dear && $0["reason"] as? String == "Expired" }
    #expect(expired.count == 1, "\(decided.map { "\($0["time"]!) \($0["node"]!) \($0["reason"]!)" })")
    let time = expired.first?["time"] as? Double ?? 0
    #expect(time >= 1005 && time <= 1015, "expired within 10 s of its release at 1005 s, not \(time)")
  }
}
