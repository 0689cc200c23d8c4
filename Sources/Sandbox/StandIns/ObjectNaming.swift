/// The names the Deployment controller stand-in derives from a pod template. (Pods and
/// ReplicaSet-made names come from `generateName`, which the store fills from its seeded
/// generator, so runs repeat.)
enum ObjectNaming {
  /// Kubernetes' `rand.SafeEncodeString` alphabet: no vowels, no confusable digits, so no
  /// generated name spells a word.
  static let alphanumerics = Array("bcdfghjklmnpqrstvwxz2456789")

  /// The `pod-template-hash` of a Deployment's template: FNV-32a over the template's canonical
  /// JSON (sorted keys), its decimal digits mapped onto the safe alphabet, as the Deployment
  /// controller's `ComputeHash` and `SafeEncodeString` do (upstream hashes Go's printing of
  /// the struct, which no other program reproduces; the shape of the value is the same).
  /// A non-zero `collisionCount` is hashed in too, as upstream does after a name collision.
  static func templateHash(_ canonicalJSON: [UInt8], collisionCount: Int32 = 0) -> String {
    var hash: UInt32 = 2_166_136_261
    func feed(_ byte: UInt8) {
      hash ^= UInt32(byte)
      hash = hash &* 16_777_619
    }
    for byte in canonicalJSON { feed(byte) }
    if collisionCount > 0 {
      for byte in String(collisionCount).utf8 { feed(byte) }
    }
    return String(String(hash).utf8.map { alphanumerics[Int($0) % alphanumerics.count] })
  }
}
