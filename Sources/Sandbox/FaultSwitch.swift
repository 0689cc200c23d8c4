import APIServer
import Synchronization

/// The faults a test turns on to see how clients cope with a misbehaving API server:
/// failing requests (500, or 429 with Retry-After), latency, watches dropped, and resource
/// versions expired early so that watches must relist. Read from the same JSON at start
/// (`karpenter sandbox --faults JSON`) and at run time (`POST /sandbox/faults`):
///
/// ```json
/// {"errors": {"rate": 0.5, "code": 429, "retryAfterSeconds": 1, "verbs": ["list"], "resources": ["pods"]},
///  "latencyMilliseconds": 100, "dropWatches": {"now": true, "everySeconds": 5},
///  "expireResourceVersions": {"now": true, "everySeconds": 10}, "seed": 42}
/// ```
public struct FaultSettings: Sendable, Equatable {
  /// Which requests fail and how.
  public struct Errors: Sendable, Equatable {
    /// The fraction of matching requests that fail, from 0 to 1.
    public var rate: Double = 0
    /// 500 (InternalError) or 429 (TooManyRequests).
    public var code: Int = 500
    /// The Retry-After of a 429, in seconds.
    public var retryAfterSeconds: Int = 1
    /// The verbs that fail (get, list, watch, create, update, patch, delete, deletecollection);
    /// empty for all.
    public var verbs: Set<String> = []
    /// The resources that fail (`pods`, `nodeclaims`); empty for all.
    public var resources: Set<String> = []

    public init() {}
  }

  /// Something done now, at the request, and then every so often.
  public struct Repeating: Sendable, Equatable {
    public var now = false
    /// Seconds between two occurrences; nil for never.
    public var everySeconds: Double?

    public init(now: Bool = false, everySeconds: Double? = nil) {
      self.now = now
      self.everySeconds = everySeconds
    }
  }

  public var errors = Errors()
  public var latencyMilliseconds = 0
  public var dropWatches = Repeating()
  public var expireResourceVersions = Repeating()
  /// The seed of the sequence that decides which requests fail, so that a run repeats.
  public var seed: UInt64 = 1

  public init() {}

  /// Reads settings from their JSON form; unknown fields and wrong types are errors that name
  /// the field, so that a typo does not silently leave a fault off.
  public init(json: JSON) throws(FaultSettingsError) {
    guard let object = json.object else { throw FaultSettingsError(field: "", message: "must be a JSON object") }
    for key in object.keys where !["errors", "latencyMilliseconds", "dropWatches", "expireResourceVersions", "seed"].contains(key) {
      throw FaultSettingsError(field: key, message: "is not a fault setting")
    }
    if let errors = object["errors"] {
      guard let e = errors.object else { throw FaultSettingsError(field: "errors", message: "must be an object") }
      for key in e.keys where !["rate", "code", "retryAfterSeconds", "verbs", "resources"].contains(key) {
        throw FaultSettingsError(field: "errors.\(key)", message: "is not a fault setting")
      }
      if let rate = e["rate"] {
        guard let value = rate.double, (0...1).contains(value) else {
          throw FaultSettingsError(field: "errors.rate", message: "must be a number from 0 to 1")
        }
        self.errors.rate = value
      }
      if let code = e["code"] {
        guard let value = code.int, value == 500 || value == 429 else {
          throw FaultSettingsError(field: "errors.code", message: "must be 500 or 429")
        }
        self.errors.code = Int(value)
      }
      if let retry = e["retryAfterSeconds"] {
        guard let value = retry.int, (0...3600).contains(value) else {
          throw FaultSettingsError(field: "errors.retryAfterSeconds", message: "must be an integer from 0 to 3600")
        }
        self.errors.retryAfterSeconds = Int(value)
      }
      self.errors.verbs = try Self.strings(e["verbs"], field: "errors.verbs")
      self.errors.resources = try Self.strings(e["resources"], field: "errors.resources")
    }
    if let latency = object["latencyMilliseconds"] {
      guard let value = latency.int, (0...60_000).contains(value) else {
        throw FaultSettingsError(field: "latencyMilliseconds", message: "must be an integer from 0 to 60000")
      }
      latencyMilliseconds = Int(value)
    }
    dropWatches = try Self.repeating(object["dropWatches"], field: "dropWatches")
    expireResourceVersions = try Self.repeating(object["expireResourceVersions"], field: "expireResourceVersions")
    if let seed = object["seed"] {
      guard let value = seed.int, value >= 0 else {
        throw FaultSettingsError(field: "seed", message: "must be a non-negative integer")
      }
      self.seed = UInt64(value)
    }
  }

  /// The JSON form, as `GET /sandbox/faults` answers.
  public var json: JSON {
    func repeating(_ r: Repeating) -> JSON {
      var out: JSON = ["now": .bool(r.now)]
      if let every = r.everySeconds { out["everySeconds"] = .double(every) }
      return out
    }
    return [
      "errors": [
        "rate": .double(errors.rate), "code": .int(Int64(errors.code)),
        "retryAfterSeconds": .int(Int64(errors.retryAfterSeconds)),
        "verbs": .array(errors.verbs.sorted().map(JSON.string)),
        "resources": .array(errors.resources.sorted().map(JSON.string)),
      ],
      "latencyMilliseconds": .int(Int64(latencyMilliseconds)), "dropWatches": repeating(dropWatches),
      "expireResourceVersions": repeating(expireResourceVersions), "seed": .int(Int64(seed)),
    ]
  }

  private static func strings(_ value: JSON?, field: String) throws(FaultSettingsError) -> Set<String> {
    guard let value else { return [] }
    guard let array = value.array else { throw FaultSettingsError(field: field, message: "must be an array of strings") }
    var out: Set<String> = []
    for element in array {
      guard let s = element.string else { throw FaultSettingsError(field: field, message: "must be an array of strings") }
      out.insert(s)
    }
    return out
  }

  private static func repeating(_ value: JSON?, field: String) throws(FaultSettingsError) -> Repeating {
    guard let value else { return Repeating() }
    guard let object = value.object else { throw FaultSettingsError(field: field, message: "must be an object") }
    var out = Repeating()
    for key in object.keys where !["now", "everySeconds"].contains(key) {
      throw FaultSettingsError(field: "\(field).\(key)", message: "is not a fault setting")
    }
    if let now = object["now"] {
      guard let b = now.bool else { throw FaultSettingsError(field: "\(field).now", message: "must be true or false") }
      out.now = b
    }
    if let every = object["everySeconds"], !every.isNull {
      guard let seconds = every.double, seconds >= 0.01, seconds <= 86_400 else {
        throw FaultSettingsError(field: "\(field).everySeconds", message: "must be a number of seconds from 0.01 to 86400")
      }
      out.everySeconds = seconds
    }
    return out
  }
}

/// A fault setting that could not be read.
public struct FaultSettingsError: Error, Sendable, Equatable, CustomStringConvertible {
  public var field: String
  public var message: String

  public var description: String {
    field.isEmpty ? "the fault settings \(message)" : "the fault setting \(field) \(message)"
  }
}

/// The live fault settings and the seeded sequence that decides, request by request, which
/// ones fail: the same seed and the same requests fail the same way on every run.
public final class FaultSwitch: Sendable {
  private struct State {
    var settings: FaultSettings
    var random: SeededGenerator
  }

  private let state: Mutex<State>

  public init(_ settings: FaultSettings = FaultSettings()) {
    state = Mutex(State(settings: settings, random: SeededGenerator(seed: settings.seed)))
  }

  public var settings: FaultSettings { state.withLock { $0.settings } }

  /// Replaces the settings and restarts the sequence from their seed.
  public func set(_ settings: FaultSettings) {
    state.withLock { $0 = State(settings: settings, random: SeededGenerator(seed: settings.seed)) }
  }

  /// The error a request of `verb` on `resource` fails with now, if it is drawn to fail.
  public func failure(verb: String, resource: String) -> APIError? {
    state.withLock { state -> APIError? in
      let errors = state.settings.errors
      guard errors.rate > 0 else { return nil }
      if !errors.verbs.isEmpty, !errors.verbs.contains(verb) { return nil }
      if !errors.resources.isEmpty, !errors.resources.contains(resource) { return nil }
      let draw = Double(state.random.next() >> 11) / Double(1 << 53)
      guard draw < errors.rate else { return nil }
      if errors.code == 429 {
        return APIError(
          code: 429, reason: .tooManyRequests,
          message: "the sandbox's fault switch throttled this \(verb) of \(resource); please try again later",
          retryAfterSeconds: errors.retryAfterSeconds)
      }
      return .internalError("the sandbox's fault switch failed this \(verb) of \(resource)")
    }
  }

  /// The latency added to every request.
  public var latencyMilliseconds: Int { state.withLock { $0.settings.latencyMilliseconds } }
}
