import APIServer
import Foundation
import KubernetesAPI
import Testing

@testable import Sandbox

@Suite("Stand-ins: decoding stored JSON")
struct StandInsDecodingTests {
  static let pod: JSON = [
    "apiVersion": "v1", "kind": "Pod",
    "metadata": [
      "name": "web", "namespace": "default", "labels": ["app": "web"], "generation": 3,
      "ownerReferences": [
        ["apiVersion": "apps/v1", "kind": "ReplicaSet", "name": "web-1", "controller": true]
      ],
    ],
    "spec": [
      "containers": [
        [
          "name": "app", "image": "nginx", "resources": ["requests": ["cpu": "250m", "memory": 1_048_576]],
          "ports": [["containerPort": 80, "hostPort": 8080]],
        ]
      ],
      "tolerations": [["key": "k", "operator": "Exists", "effect": "NoSchedule", "tolerationSeconds": 30]],
      "priority": 100, "nodeSelector": ["zone": "a"], "hostNetwork": false, "overhead": ["cpu": 0.5],
      "affinity": [
        "nodeAffinity": [
          "requiredDuringSchedulingIgnoredDuringExecution": [
            "nodeSelectorTerms": [["matchExpressions": [["key": "zone", "operator": "In", "values": ["a"]]]]]
          ]
        ]
      ],
      "unknownField": ["kept": "elsewhere"],
    ],
    "status": [
      "phase": "Running", "conditions": [["type": "Ready", "status": "True", "lastProbeTime": nil]],
    ],
  ]

  @Test("a pod decodes from JSON values exactly as through Foundation's JSONDecoder")
  func sameAsJSONDecoder() throws {
    let direct = try JSONValueDecoder.decode(Pod.self, from: Self.pod)
    let viaBytes = try Self.pod.decode(Pod.self)
    #expect(direct == viaBytes)
    #expect(direct.effectiveRequests["cpu"] == Quantity(milli: 750))
    #expect(direct.spec?.tolerations?.first?.tolerationSeconds == 30)
    #expect(direct.controllerOwner?.name == "web-1")
  }

  @Test(
    "a mistyped field is a DecodingError naming its path, as with JSONDecoder",
    arguments: [
      (["spec", "priority"], JSON.string("high"), "priority"),
      (["spec", "containers"], JSON.object([:]), "containers"),
      (["metadata", "generation"], JSON.double(1.5), "generation"),
      (["spec", "hostNetwork"], JSON.int(1), "hostNetwork"),
    ])
  func mismatches(path: [String], value: JSON, field: String) throws {
    var pod = Self.pod
    pod[path: path] = value
    #expect(throws: DecodingError.self) { try JSONValueDecoder.decode(Pod.self, from: pod) }
    #expect(throws: (any Error).self) { try pod.decode(Pod.self) }
    do {
      _ = try JSONValueDecoder.decode(Pod.self, from: pod)
    } catch let DecodingError.typeMismatch(_, context) {
      #expect(context.codingPath.map(\.stringValue).contains(field))
    }
  }
}
