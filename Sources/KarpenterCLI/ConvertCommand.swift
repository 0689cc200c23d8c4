import ArgumentParser
import Foundation
import KarpenterAPI
import Manifests
import Simulation
import Yams

/// `karpenter convert FILE...`
struct Convert: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Convert legacy Karpenter kinds to karpenter.sh/v1 and karpenter.k8s.aws/v1.",
    discussion: """
      Prints, as YAML on standard output, a v1 NodePool for every v1alpha5 Provisioner or \
      v1beta1 NodePool, and a v1 EC2NodeClass for every v1alpha1 AWSNodeTemplate, v1beta1 \
      EC2NodeClass or inline Provisioner `provider`, as upstream's karpenter-convert followed \
      by the v1beta1-to-v1 conversion does. A Provisioner's kubeletConfiguration moves into \
      the EC2NodeClass it references when that class is converted in the same run. \
      Other kinds are left out. Nothing is printed on standard output when any input is \
      invalid; the errors go to standard error and the exit status is 1.
      """)

  @Argument(help: "Manifest files to convert; - reads standard input.")
  var files: [String]

  func run() throws {
    let output = ConvertRun.run(paths: files)
    let status = output.emit()
    if status != 0 { throw ExitCode(status) }
  }
}

/// The work of `convert`, separate from argument parsing and printing.
public enum ConvertRun {
  public static func run(paths: [String], loader: ManifestLoader = ManifestLoader()) -> CommandOutput {
    let set = loader.load(paths: paths)
    var output = CommandOutput()
    // The checks `validate` makes across documents (duplicate objects, duplicate NodePool
    // names after conversion): convert prints nothing that validate rejects.
    var diagnostics = set.diagnostics
    _ = SimulationInput.assemble(set, diagnostics: &diagnostics)
    for diagnostic in diagnostics {
      output.stderr += diagnostic.description + "\n"
    }
    if diagnostics.contains(where: { $0.severity == .error }) {
      output.exitCode = 1
      return output
    }
    /// Objects in input order; the index into the typed arrays says which to print.
    enum Converted { case nodePool(Int), nodeClass(Int) }
    var order: [Converted] = []
    var nodePools: [NodePool] = []
    var nodeClasses: [EC2NodeClass] = []
    do {
      for document in set.documents {
        switch document.object {
        case .provisioner(let p):
          let (nodePool, nodeClass) = try LegacyConversion.nodePool(from: p)
          order.append(.nodePool(nodePools.count))
          nodePools.append(nodePool)
          if let nodeClass {
            order.append(.nodeClass(nodeClasses.count))
            nodeClasses.append(nodeClass)
          }
        case .awsNodeTemplate(let t):
          order.append(.nodeClass(nodeClasses.count))
          nodeClasses.append(try LegacyConversion.nodeClass(from: t))
        case .nodePoolV1Beta1(let p):
          order.append(.nodePool(nodePools.count))
          nodePools.append(LegacyConversion.nodePool(from: p))
        case .ec2NodeClassV1Beta1(let c):
          order.append(.nodeClass(nodeClasses.count))
          nodeClasses.append(LegacyConversion.nodeClass(from: c))
        default:
          output.stderr +=
            "\(document.location): \(document.displayName): left out: \(document.apiVersion) \(document.kind) needs no conversion\n"
        }
      }
    } catch {
      output.stderr += "\(error)\n"
      output.exitCode = 1
      return output
    }
    for warning in LegacyConversion.moveKubelet(nodePools: &nodePools, nodeClasses: &nodeClasses) {
      output.stderr += "warning: \(warning)\n"
    }
    // What is printed must pass `validate`: check the final objects, kubelet settings moved.
    var invalid = 0
    for pool in nodePools {
      for error in pool.validate() {
        output.stderr += "NodePool \"\(pool.name)\" (converted): \(error)\n"
        invalid += 1
      }
    }
    for nodeClass in nodeClasses {
      for error in nodeClass.validate() {
        output.stderr += "EC2NodeClass \"\(nodeClass.name)\" (converted): \(error)\n"
        invalid += 1
      }
    }
    if invalid > 0 {
      output.stderr += "\(invalid) \(invalid == 1 ? "error" : "errors") found; nothing was converted\n"
      output.exitCode = 1
      return output
    }
    let encoder = YAMLEncoder()
    encoder.options = YAMLEncoder.Options(sortKeys: true)
    var documents: [String] = []
    do {
      for item in order {
        switch item {
        case .nodePool(let i): documents.append(try encoder.encode(nodePools[i]))
        case .nodeClass(let i): documents.append(try encoder.encode(nodeClasses[i]))
        }
      }
    } catch {
      output.stderr += "cannot write the converted YAML: \(error)\n"
      output.exitCode = 1
      return output
    }
    output.stdout = documents.joined(separator: "---\n")
    return output
  }
}
