import ArgumentParser

/// `karpenter version`
struct VersionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "version", abstract: "Print the version of this build.")

  func run() {
    print("karpenter \(Karpenter.version) (Karpenter API karpenter.sh/v1, karpenter.k8s.aws/v1)")
  }
}
