// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "karpenter-swift",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "karpenter", targets: ["karpenter"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
  ],
  targets: [
    // Decoding YAML and JSON documents into Codable values while keeping every error,
    // its field path and its line.
    .target(
      name: "ManifestCoding",
      dependencies: [
        .product(name: "Yams", package: "Yams")
      ]
    ),
    // The Kubernetes objects the controllers read and users write, Quantity, label selectors.
    .target(name: "KubernetesAPI", dependencies: ["ManifestCoding"]),
    // NodePool, NodeClaim, EC2NodeClass; the legacy kinds, their conversion, defaults, validation.
    .target(name: "KarpenterAPI", dependencies: ["KubernetesAPI", "ManifestCoding"]),
    // Reading manifest files into typed objects with diagnostics naming file, document and field.
    .target(
      name: "Manifests",
      dependencies: [
        "ManifestCoding", "KubernetesAPI", "KarpenterAPI",
        .product(name: "Yams", package: "Yams"),
      ]
    ),
    // The `karpenter` command tree, kept in a library so that tests can drive it.
    .target(
      name: "KarpenterCLI",
      dependencies: [
        "Manifests", "KarpenterAPI", "KubernetesAPI", "Simulation", "Scheduling", "Controllers",
        "KubernetesClient", "ControllerRuntime", "Sandbox", "AWSClient", "AWSProvider", "AWSCloudProvider", "InstanceCatalogs",
        "KarpenterMetrics", "OperatorHTTP",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .executableTarget(name: "karpenter", dependencies: ["KarpenterCLI"]),
    // The scheduling benchmark (run it from a release build; see scripts/bench.sh).
    .executableTarget(
      name: "karpenter-bench", dependencies: ["Simulation", "Scheduling", "Manifests", "KarpenterMetrics", "Controllers"]),
    // Load and watch latency against an API server, for scripts/bench-live.sh.
    .executableTarget(
      name: "karpenter-live-bench",
      dependencies: ["KubernetesClient", .product(name: "Logging", package: "swift-log")]),
    // The pure scheduling core: requirements algebra, resources, instance types, topology,
    // first-fit-decreasing and the cost-aware packing.
    .target(name: "Scheduling", dependencies: ["KubernetesAPI", "KarpenterAPI"]),
    // Reaching a Kubernetes API server: kubeconfig and in-cluster configuration, REST calls,
    // list and watch with relists, retries and client-side throttling.
    .target(
      name: "KubernetesClient",
      dependencies: [
        .product(name: "Yams", package: "Yams"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "NIOFoundationCompat", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]),
    // Reaching AWS: Signature Version 4, the SDKs' credential chain, the Query, JSON and REST
    // protocols with retries and endpoint overrides, and the EC2, SSM, IAM, SQS, STS, Pricing and
    // EKS operations Karpenter uses.
    .target(
      name: "AWSClient",
      dependencies: [
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOFoundationCompat", package: "swift-nio"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Logging", package: "swift-log"),
      ]),
    // What upstream's AWS cloud provider decides, without I/O: instance types and prices,
    // EC2NodeClass resolution and status, user data and launch templates, CreateFleet plans and
    // their outcomes, drift, interruption messages.
    .target(
      name: "AWSProvider",
      dependencies: [
        "Controllers", "Scheduling", "KarpenterAPI", "KubernetesAPI", "InstanceCatalogs",
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "Logging", package: "swift-log"),
      ]),
    // The AWS provider at work: AWSProvider's decisions carried out with AWSClient's calls, as
    // the live controller's cloud.
    .target(
      name: "AWSCloudProvider",
      dependencies: [
        "AWSProvider", "AWSClient", "ControllerRuntime", "Controllers", "Scheduling", "KarpenterAPI",
        "KubernetesAPI", "KubernetesClient", "InstanceCatalogs",
        .product(name: "Logging", package: "swift-log"),
      ]),
    // Starting moto_server (with the launcher's additions) on a free port for the AWS tests.
    .target(name: "AWSTestSupport", path: "Tests/AWSTestSupport", exclude: ["moto_launcher.py", "moto_additions.py"]),
    // The Kubernetes API's semantics over JSON objects, in memory and without I/O: resource
    // versions, watches, selectors, patches, finalizers, owner references.
    .target(name: "APIServer"),
    // `karpenter sandbox`: the API store served over HTTP as a Kubernetes API server, with the
    // stand-ins for kube-scheduler, kubelet and the workload controllers.
    .target(
      name: "Sandbox",
      dependencies: [
        "APIServer", "KubernetesAPI", "KarpenterAPI", "Manifests", "Scheduling", "InstanceCatalogs",
        .product(name: "Yams", package: "Yams"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]),
    // The controllers on a live cluster: informers filling the ClusterStore, the live executor,
    // the kwok cloud provider, leader election.
    .target(
      name: "ControllerRuntime",
      dependencies: [
        "Controllers", "KubernetesClient", "KarpenterMetrics", "KubernetesAPI", "KarpenterAPI", "Scheduling", "InstanceCatalogs",
        .product(name: "Logging", package: "swift-log"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]),
    // The metrics catalogue (upstream's v1.14 reference and ours) and what the controllers'
    // effects and the cluster's state record in it, exposed in Prometheus' text format.
    .target(
      name: "KarpenterMetrics",
      dependencies: [
        "Controllers", "Scheduling", "KarpenterAPI", "KubernetesAPI",
        .product(name: "Prometheus", package: "swift-prometheus"),
      ]),
    // The controller's /metrics, /healthz and /readyz listeners.
    .target(
      name: "OperatorHTTP",
      dependencies: [
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ]),
    // Karpenter's controllers, apart from any world: the ClusterStore they read and the
    // effects they return.
    .target(name: "Controllers", dependencies: ["Scheduling", "KarpenterAPI", "KubernetesAPI"]),
    // The embedded world: in-memory cluster, simulated cloud, virtual clock, Scenario, reports.
    .target(
      name: "Simulation",
      dependencies: ["Controllers", "Scheduling", "InstanceCatalogs", "Manifests", "KarpenterAPI", "KubernetesAPI", "ManifestCoding"]),
    // Raw instance-type facts (AWS us-east-1 catalog, kwok's generic types) as plain values.
    .target(name: "InstanceCatalogs", dependencies: ["KubernetesAPI", "KarpenterAPI"]),
    // Store builders for tests of the controllers: a ClusterStore in a few readable lines.
    .target(
      name: "ControllersTestSupport",
      dependencies: ["Controllers", "Scheduling", "KubernetesAPI", "KarpenterAPI"],
      path: "Tests/ControllersTestSupport"),

    .testTarget(
      name: "KubernetesAPITests",
      dependencies: [
        "KubernetesAPI", "ManifestCoding",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]
    ),
    .testTarget(
      name: "KarpenterAPITests",
      dependencies: ["KarpenterAPI", "Manifests", .product(name: "Yams", package: "Yams")]),
    .testTarget(
      name: "ManifestsTests", dependencies: ["Manifests"]),
    .testTarget(
      name: "KarpenterCLITests",
      dependencies: [
        "KarpenterCLI", "Manifests", "Simulation", "AWSClient", "AWSProvider", "AWSTestSupport", "PrometheusTestSupport",
        "KarpenterMetrics",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
    .testTarget(name: "InstanceCatalogsTests", dependencies: ["InstanceCatalogs", "KarpenterAPI"]),
    .testTarget(
      name: "SimulationTests",
      dependencies: [
        "Simulation", "Controllers", "KarpenterCLI", "Scheduling", "KubernetesAPI", "KarpenterAPI", "Manifests",
      ]),
    .testTarget(
      name: "KubernetesClientTests",
      dependencies: [
        "KubernetesClient",
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Logging", package: "swift-log"),
      ]),
    .testTarget(name: "APIServerTests", dependencies: ["APIServer"]),
    .testTarget(name: "AWSClientTests", dependencies: ["AWSClient", "AWSTestSupport"]),
    .testTarget(
      name: "AWSProviderTests",
      dependencies: ["AWSProvider", "Controllers", "Scheduling", "KarpenterAPI", "KubernetesAPI", "InstanceCatalogs"]),
    .testTarget(name: "AWSCloudProviderTests", dependencies: ["StoreAPITestSupport", "AWSCloudProvider", "AWSProvider", "AWSClient", "AWSTestSupport", "ControllerRuntime", "Controllers", "Scheduling", "KarpenterAPI", "KubernetesAPI", "APIServer", "InstanceCatalogs", .product(name: "AsyncHTTPClient", package: "async-http-client")]),
    .testTarget(name: "SandboxTests", dependencies: ["Sandbox", "APIServer", "KubernetesClient", "Manifests", .product(name: "Yams", package: "Yams")]),
    // A stated test double: ClusterAPI answered by the API store in process.
    .target(
      name: "StoreAPITestSupport", dependencies: ["APIServer", "ControllerRuntime", "KubernetesClient"],
      path: "Tests/StoreAPITestSupport"),
    .testTarget(
      name: "ControllerRuntimeTests",
      dependencies: [
        "StoreAPITestSupport", "ControllerRuntime", "Controllers", "KubernetesClient", "Sandbox", "APIServer", "KubernetesAPI", "KarpenterAPI"]),
    .testTarget(
      name: "ControllersTests",
      dependencies: ["Controllers", "ControllersTestSupport", "KubernetesAPI", "KarpenterAPI"]),
    // Debian's Prometheus and promtool, installed when missing, for the metrics tests.
    .target(name: "PrometheusTestSupport", path: "Tests/PrometheusTestSupport"),
    .testTarget(
      name: "KarpenterMetricsTests",
      dependencies: ["KarpenterMetrics", "OperatorHTTP", "PrometheusTestSupport", "Controllers", "ControllersTestSupport", "Scheduling", "KubernetesAPI", "KarpenterAPI"]),
    .testTarget(
      name: "SchedulingTests",
      dependencies: [
        "Scheduling", "KubernetesAPI", "KarpenterAPI",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
  ]
)
