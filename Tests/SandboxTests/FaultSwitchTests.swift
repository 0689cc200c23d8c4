import APIServer
import Testing

@testable import Sandbox

@Suite("The fault switch")
struct FaultSwitchTests {
  @Test("settings read from JSON, with every field named when wrong")
  func parsing() throws {
    let settings = try FaultSettings(
      json: try JSON(parsing: #"{"errors":{"rate":0.5,"code":429,"retryAfterSeconds":2,"verbs":["list"],"resources":["pods"]},"latencyMilliseconds":20,"dropWatches":{"now":true,"everySeconds":5},"seed":7}"#))
    #expect(settings.errors.rate == 0.5)
    #expect(settings.errors.code == 429)
    #expect(settings.errors.verbs == ["list"])
    #expect(settings.dropWatches == FaultSettings.Repeating(now: true, everySeconds: 5))
    #expect(settings.seed == 7)
    #expect(try FaultSettings(json: settings.json) == settings)
    #expect(throws: FaultSettingsError(field: "errors.code", message: "must be 500 or 429")) {
      try FaultSettings(json: ["errors": ["code": 404]])
    }
    #expect(throws: FaultSettingsError(field: "latency", message: "is not a fault setting")) {
      try FaultSettings(json: ["latency": 5])
    }
  }

  @Test("the same seed fails the same requests; only matching verbs and resources fail")
  func deterministic() {
    var settings = FaultSettings()
    settings.errors.rate = 0.5
    settings.errors.code = 429
    settings.errors.verbs = ["list"]
    settings.seed = 42
    let a = FaultSwitch(settings)
    let b = FaultSwitch(settings)
    let runA = (0..<64).map { _ in a.failure(verb: "list", resource: "pods") != nil }
    let runB = (0..<64).map { _ in b.failure(verb: "list", resource: "pods") != nil }
    #expect(runA == runB)
    #expect(runA.contains(true) && runA.contains(false))
    #expect(a.failure(verb: "get", resource: "pods") == nil)
    var failure: APIError?
    for _ in 0..<64 where failure == nil { failure = a.failure(verb: "list", resource: "pods") }
    #expect(failure?.code == 429)
    #expect(failure?.retryAfterSeconds == 1)
  }
}
