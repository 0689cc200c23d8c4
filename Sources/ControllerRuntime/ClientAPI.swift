import Foundation
import KubernetesClient

/// The runtime's REST calls made with the project's Kubernetes client (throttling, retries,
/// credentials and TLS are the client's). A refusal from the server comes back as a response
/// with its status and `Status` body, as the runtime reads it (an eviction's 429 is an answer).
public struct ClientAPI: ClusterAPI {
  public let client: KubernetesClient

  public init(client: KubernetesClient) { self.client = client }

  public func send(_ request: APIRequest) async throws -> APIResponse {
    let body = request.body.map { [UInt8]($0) } ?? []
    do {
      let answer: [UInt8]
      switch request.method {
      case .get:
        answer = try await client.get(request.path)
      case .post where request.path.subresource == "eviction":
        try await client.evict(pod: request.path.name ?? "", namespace: request.path.namespace ?? "default")
        answer = Array("{}".utf8)
      case .post:
        answer = try await client.create(request.path, body: body)
      case .put:
        answer = try await client.update(request.path, body: body)
      case .patch:
        answer = try await client.patch(request.path, Self.patchType(request.contentType), body: body)
      case .delete:
        answer = try await client.delete(request.path)
      }
      return APIResponse(status: 200, body: Data(answer))
    } catch let error as KubernetesClientError where error.kind == .status {
      let status = error.status ?? APIStatus(message: error.description, code: error.statusCode)
      let data = (try? JSONEncoder().encode(status)) ?? Data()
      return APIResponse(status: error.statusCode ?? 500, body: data)
    }
  }

  static func patchType(_ contentType: String) -> PatchType {
    switch contentType {
    case "application/json-patch+json": .json
    case "application/strategic-merge-patch+json": .strategicMerge
    default: .merge
    }
  }
}
