import Foundation

/// `~/.aws/credentials` and `~/.aws/config` read into profiles, the way the SDKs read them.
///
/// In the credentials file a section is `[name]`; in the config file it is `[profile name]`
/// (and `[default]`). Keys from the credentials file win over the config file's.
public struct SharedConfigFiles: Sendable {
  /// Profile name → key → value, merged from both files.
  public var profiles: [String: [String: String]]

  public init(profiles: [String: [String: String]]) {
    self.profiles = profiles
  }

  /// Reads the files named by `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE`, or those under
  /// `home/.aws`. Missing files count as empty.
  public static func load(environment: [String: String], home: String?) -> SharedConfigFiles {
    let base = home.map { "\($0)/.aws" }
    let credentialsPath = environment["AWS_SHARED_CREDENTIALS_FILE"] ?? base.map { "\($0)/credentials" }
    let configPath = environment["AWS_CONFIG_FILE"] ?? base.map { "\($0)/config" }
    var profiles: [String: [String: String]] = [:]
    if let text = configPath.flatMap(readFile) {
      for (section, keys) in parseINI(text) {
        let name: String
        if section.hasPrefix("profile ") {
          name = section.dropFirst("profile ".count).trimmingCharacters(in: .whitespaces)
        } else if section == "default" {
          name = section
        } else {
          continue  // sso-session and services sections are not profiles
        }
        profiles[name, default: [:]].merge(keys) { _, new in new }
      }
    }
    if let text = credentialsPath.flatMap(readFile) {
      for (section, keys) in parseINI(text) {
        profiles[section, default: [:]].merge(keys) { _, new in new }
      }
    }
    return SharedConfigFiles(profiles: profiles)
  }

  /// `AWS_PROFILE`, else `default`.
  public static func profileName(environment: [String: String]) -> String {
    environment["AWS_PROFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? "default"
  }

  static func readFile(_ path: String) -> String? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return String(decoding: data, as: UTF8.self)
  }

  /// Sections in order of appearance; `#` and `;` start comments; nested (indented) values are
  /// skipped.
  static func parseINI(_ text: String) -> [(String, [String: String])] {
    var sections: [(String, [String: String])] = []
    for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      if rawLine.first == " " || rawLine.first == "\t" { continue }
      let line = rawLine.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
      if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
        let name = line[line.index(after: line.startIndex)..<close].trimmingCharacters(in: .whitespaces)
        sections.append((name, [:]))
        continue
      }
      guard let equals = line.firstIndex(of: "="), !sections.isEmpty else { continue }
      let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
      var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      if let comment = value.range(of: " #") ?? value.range(of: " ;") {
        value = value[..<comment.lowerBound].trimmingCharacters(in: .whitespaces)
      }
      sections[sections.count - 1].1[key] = value
    }
    return sections
  }
}
