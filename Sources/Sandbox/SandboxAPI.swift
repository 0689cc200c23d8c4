import APIServer
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// The Kubernetes API over HTTP: routes each request to the discovery and OpenAPI documents
/// or to the ``APIStore``, renders the answer as the client asked (objects, Table,
/// metadata), feeds open watches after every write, and applies the fault switch.
///
/// The store is a value behind one lock: each request and each tick takes it briefly, so
/// requests from every connection are serialized as etcd serializes writes, and the watch
/// events a write produces are handed to the watches before the lock is released (no
/// watch can miss or reorder an event).
public final class SandboxAPI: SandboxResponder {
  struct State {
    var store: APIStore
    var watches: [Int: LiveWatch] = [:]
    var nextWatchID = 0
    var lastWatchDrop: Date
    var lastExpiry: Date
  }

  let state: Mutex<State>
  /// The faults in force; tests and `POST /sandbox/faults` change them.
  public let faults: FaultSwitch
  let options: SandboxOptions
  let clock: @Sendable () -> Date
  let serverAddress = Mutex("127.0.0.1:0")

  public init(options: SandboxOptions = SandboxOptions(), clock: @escaping @Sendable () -> Date = { Date() })
  {
    let now = clock()
    var store = APIStore(seed: options.seed, historyLimit: options.historyLimit, now: now)
    store.admission = KarpenterAdmission.check
    KarpenterCRDs.install(in: &store, now: now)
    state = Mutex(State(store: store, lastWatchDrop: now, lastExpiry: now))
    faults = FaultSwitch(options.faults)
    self.options = options
    self.clock = clock
  }

  /// Tells the API the address it is served at, for `/api`'s serverAddressByClientCIDRs.
  public func served(at address: String) { serverAddress.withLock { $0 = address } }

  // MARK: - Store access

  /// Runs `body` on the store, then the reconcilers, then hands every event produced to the
  /// open watches, all under the lock.
  func write<T>(_ body: (inout APIStore, Date) throws(APIError) -> T) throws(APIError) -> T {
    let now = clock()
    return try state.withLock { (state: inout State) throws(APIError) -> T in
      let result: T
      do throws(APIError) {
        result = try body(&state.store, now)
      } catch {
        publish(&state)
        throw error
      }
      for reconcile in options.reconcilers { reconcile(&state.store, now) }
      publish(&state)
      return result
    }
  }

  /// Runs `body` on the store without changing it.
  func read<T>(_ body: (borrowing APIStore) throws(APIError) -> T) throws(APIError) -> T {
    try state.withLock { (state: inout State) throws(APIError) -> T in try body(state.store) }
  }

  /// A copy of the store as it is now, for tests and for the stand-ins' reports.
  public var storeSnapshot: APIStore { state.withLock { $0.store } }

  /// Changes the store from outside a request (seeding a test, a stand-in's own timer); the
  /// events reach the watches as for any write.
  public func mutate<T>(_ body: (inout APIStore, Date) throws(APIError) -> T) throws(APIError) -> T {
    try write(body)
  }

  /// The periodic work: the reconcilers (stand-ins), and the faults that repeat.
  public func tick() {
    let now = clock()
    let settings = faults.settings
    state.withLock { state in
      for reconcile in options.reconcilers { reconcile(&state.store, now) }
      publish(&state)
      if let every = settings.dropWatches.everySeconds, now.timeIntervalSince(state.lastWatchDrop) >= every {
        state.lastWatchDrop = now
        dropWatches(&state)
      }
      if let every = settings.expireResourceVersions.everySeconds,
        now.timeIntervalSince(state.lastExpiry) >= every
      {
        state.lastExpiry = now
        state.store.expireAll()
      }
    }
  }

  /// Applies new fault settings, doing at once what they ask to be done now.
  public func setFaults(_ settings: FaultSettings) {
    faults.set(settings)
    let now = clock()
    state.withLock { state in
      state.lastWatchDrop = now
      state.lastExpiry = now
      if settings.dropWatches.now { dropWatches(&state) }
      if settings.expireResourceVersions.now { state.store.expireAll() }
    }
  }

  /// The number of watches open now.
  public var openWatchCount: Int { state.withLock { $0.watches.count } }

  // MARK: - Responding

  public func delay(for request: SandboxRequest) -> TimeAmount {
    request.path.hasPrefix("/sandbox/") ? .zero : .milliseconds(Int64(faults.latencyMilliseconds))
  }

  public func respond(to request: SandboxRequest) -> SandboxResponse {
    let route = APIRoute(path: request.path)
    do throws(APIError) {
      switch route {
      case .resource(let path): return try ResourceRequest(api: self, request: request, path: path).respond()
      default: return try respondNonResource(route, request)
      }
    } catch {
      return Self.failure(error)
    }
  }

  /// The Status body and code of a refused request, with Retry-After for a 429.
  static func failure(_ error: APIError) -> SandboxResponse {
    var headers: HTTPHeaders = [:]
    if let retry = error.retryAfterSeconds { headers.add(name: "Retry-After", value: String(retry)) }
    return .json(HTTPResponseStatus(statusCode: error.code), error.status().serialized(), headers: headers)
  }

  static func ok(_ body: JSON, contentType: String? = nil) -> SandboxResponse {
    var headers: HTTPHeaders = [:]
    if let contentType { headers.add(name: "Content-Type", value: contentType) }
    return .full(
      status: .ok, headers: contentType == nil ? ["Content-Type": "application/json"] : headers,
      body: body.serialized())
  }

  private func respondNonResource(_ route: APIRoute, _ request: SandboxRequest) throws(APIError)
    -> SandboxResponse
  {
    let accept = MediaRange.parse(accept: request.headers.first(name: "accept"))
    if route != .faults, request.method != .GET, request.method != .HEAD {
      throw .methodNotAllowed("the server does not allow this method on the requested resource")
    }
    let types = try read { store throws(APIError) in store.registry.types }
    switch route {
    case .version: return Self.ok(options.versionDocument)
    case .health: return .text(.ok, "ok")
    case .coreVersions, .groupList:
      let core = route == .coreVersions
      switch DiscoveryRendering.choose(accept: accept) {
      case .aggregated(let version):
        return Self.ok(
          Discovery.aggregated(core: core, version: version, types),
          contentType: Discovery.aggregatedContentType(version: version))
      case .legacy:
        return Self.ok(
          core
            ? Discovery.coreVersions(serverAddress: serverAddress.withLock { $0 })
            : Discovery.groupList(types))
      case .notAcceptable:
        throw Self.notAcceptable(request)
      }
    case .group(let name):
      guard let document = Discovery.group(named: name, types) else { throw Self.notFoundPath(request) }
      return Self.ok(document)
    case .resourceList(let group, let version):
      guard let document = Discovery.resourceList(group: group, version: version, types) else {
        throw Self.notFoundPath(request)
      }
      return Self.ok(document)
    case .openAPIV2:
      let document = OpenAPIDocuments.v2(
        types: types, crdSchemas: crdSchemas(), gitVersion: options.gitVersion)
      if accept.contains(where: { $0.type == OpenAPIV2Protobuf.contentType }) {
        return .full(
          status: .ok, headers: ["Content-Type": OpenAPIV2Protobuf.responseContentType],
          body: OpenAPIV2Protobuf.encode(document))
      }
      return Self.ok(document)
    case .openAPIV3Index:
      let schemas = crdSchemas()
      let gitVersion = options.gitVersion
      return Self.ok(
        OpenAPIDocuments.v3Index(types: types) { group, version in
          OpenAPIDocuments.v3(
            group: group, version: version, types: types, crdSchemas: schemas, gitVersion: gitVersion)
        })
    case .openAPIV3(let group, let version):
      guard
        let document = OpenAPIDocuments.v3(
          group: group, version: version, types: types, crdSchemas: crdSchemas(),
          gitVersion: options.gitVersion)
      else { throw Self.notFoundPath(request) }
      return Self.ok(document)
    case .faults:
      return try respondFaults(request)
    case .notFound, .resource:
      throw Self.notFoundPath(request)
    }
  }

  private func respondFaults(_ request: SandboxRequest) throws(APIError) -> SandboxResponse {
    switch request.method {
    case .GET: return Self.ok(faults.settings.json)
    case .POST, .PUT:
      let body = try Self.parseBody(request)
      do {
        let settings = try FaultSettings(json: body)
        setFaults(settings)
        return Self.ok(settings.json)
      } catch {
        throw .badRequest(error.description)
      }
    default:
      throw .methodNotAllowed("/sandbox/faults takes GET to read the fault settings and POST to set them")
    }
  }

  /// The openAPIV3Schema of every version of every CRD in the store, by `group/version/kind`.
  func crdSchemas() -> [String: JSON] {
    let crds: [JSON] = state.withLock { state in
      guard
        let type = state.store.registry.type(
          group: "apiextensions.k8s.io", version: "v1", plural: "customresourcedefinitions"),
        let list = try? state.store.list(type)
      else { return [] }
      return list.items
    }
    var out: [String: JSON] = [:]
    for crd in crds {
      guard let group = crd[path: ["spec", "group"]]?.string,
        let kind = crd[path: ["spec", "names", "kind"]]?.string
      else {
        continue
      }
      for version in crd[path: ["spec", "versions"]]?.array ?? [] {
        if let name = version["name"]?.string, let schema = version[path: ["schema", "openAPIV3Schema"]] {
          out["\(group)/\(name)/\(kind)"] = schema
        }
      }
    }
    return out
  }

  /// The request body as JSON. YAML bodies are refused with 415: kubectl and the client
  /// libraries send JSON, and the sandbox has no YAML parser of its own.
  static func parseBody(_ request: SandboxRequest) throws(APIError) -> JSON {
    let type = request.contentType
    if type.contains("yaml"), let first = request.body.first(where: { !$0.isWhitespaceByte }),
      first != UInt8(ascii: "{")
    {
      throw .unsupportedMediaType(
        "the sandbox reads JSON request bodies only; this \(type) body is YAML (send it as JSON, which is also valid YAML)"
      )
    }
    if type.contains("protobuf") {
      throw .unsupportedMediaType("the sandbox does not read protobuf request bodies; send application/json")
    }
    do {
      return try JSON(parsing: request.body)
    } catch {
      throw .badRequest("the request body is not valid JSON: \(error.description)")
    }
  }

  static func notFoundPath(_ request: SandboxRequest) -> APIError {
    APIError(code: 404, reason: .notFound, message: "the server could not find the requested resource")
  }

  static func notAcceptable(_ request: SandboxRequest) -> APIError {
    APIError(
      code: 406, reason: .notAcceptable,
      message:
        "only the following media types are accepted: application/json, application/json;as=Table;v=v1;g=meta.k8s.io (the sandbox does not speak protobuf; asked for \(request.headers.first(name: "accept") ?? ""))"
    )
  }
}

extension UInt8 {
  var isWhitespaceByte: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}
