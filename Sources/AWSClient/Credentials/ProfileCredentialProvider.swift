import Foundation

/// Static keys from a shared-files profile (`aws_access_key_id`, `aws_secret_access_key`,
/// `aws_session_token`).
///
/// Profiles that assume a role (`role_arn` with `source_profile`) or use SSO are not supported;
/// `credential_process` is, through ``CredentialProcessProvider``.
public enum ProfileCredentials {
  /// The provider for `profile` if it has keys or a `credential_process`, else nil.
  public static func provider(profile: String, files: SharedConfigFiles) -> (any AWSCredentialProvider)? {
    guard let keys = files.profiles[profile] else { return nil }
    if let id = keys["aws_access_key_id"], let secret = keys["aws_secret_access_key"], !id.isEmpty {
      let token = keys["aws_session_token"].flatMap { $0.isEmpty ? nil : $0 }
      return StaticCredentialProvider(
        AWSCredentials(accessKeyID: id, secretAccessKey: secret, sessionToken: token),
        name: "profile \(profile)")
    }
    if let command = keys["credential_process"], !command.isEmpty {
      return CredentialProcessProvider(command: command, profile: profile)
    }
    return nil
  }
}

/// Runs a profile's `credential_process` (through `/bin/sh -c`) and reads its JSON answer:
/// `{"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration"}`.
public struct CredentialProcessProvider: AWSCredentialProvider {
  public let command: String
  public let profile: String
  public var name: String { "credential_process of profile \(profile)" }

  public init(command: String, profile: String) {
    self.command = command
    self.profile = profile
  }

  public func credentials() async throws -> AWSCredentials {
    let (status, output) = try await Self.run(command)
    guard status == 0 else {
      throw AWSCredentialsError(source: name, message: "the command exited with status \(status).")
    }
    struct Answer: Decodable {
      var Version: Int?
      var AccessKeyId: String
      var SecretAccessKey: String
      var SessionToken: String?
      var Expiration: String?
    }
    guard let answer = try? JSONDecoder().decode(Answer.self, from: output) else {
      throw AWSCredentialsError(
        source: name,
        message: "the command's output is not the expected JSON with AccessKeyId and SecretAccessKey.")
    }
    return AWSCredentials(
      accessKeyID: answer.AccessKeyId, secretAccessKey: answer.SecretAccessKey,
      sessionToken: answer.SessionToken, expiration: answer.Expiration.flatMap(ISO8601.parse))
  }

  /// Runs the command on a separate thread, so that waiting never blocks the cooperative pool.
  static func run(_ command: String) async throws -> (Int32, Data) {
    try await withCheckedThrowingContinuation { continuation in
      Thread.detachNewThread {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardOutput = pipe
        do {
          try process.run()
          let data = pipe.fileHandleForReading.readDataToEndOfFile()
          process.waitUntilExit()
          continuation.resume(returning: (process.terminationStatus, data))
        } catch {
          continuation.resume(
            throwing: AWSCredentialsError(
              source: "credential_process", message: "could not start /bin/sh: \(error)."))
        }
      }
    }
  }
}
