import ArgumentParser
import Foundation

extension Karpenter {
  /// Parses the arguments and runs the command. Bad usage exits with status 2 (as the
  /// simulation contract asks), not ArgumentParser's 64; a command's own failure keeps its
  /// status (1 for invalid input).
  public static func runMain(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never
  {
    StandardStreams.guardClosedStreams()
    do {
      var command = try parseAsRoot(arguments)
      if var command = command as? AsyncParsableCommand {
        try await command.run()
      } else {
        try command.run()
      }
      Foundation.exit(0)
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        StandardStreams.writeStandardError(fullMessage(for: error) + "\n")
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }
}
