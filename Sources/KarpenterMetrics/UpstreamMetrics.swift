/// Every metric of upstream Karpenter v1.14's metrics reference (karpenter.sh/v1.14/reference/metrics),
/// with the type, labels and buckets of its Go definition. Sources: karpenter-provider-aws website/content/en/v1.14/reference/metrics.md @1d927085 and tag v1.14.0 (85eeae8f); kubernetes-sigs/karpenter v1.14.0 (1b4b3e8c); awslabs/operatorpkg 7a138650 (pinned 4da4c353 not mirrored); controller-runtime v0.23.1; jonathan-innis/aws-sdk-go-prometheus v0.1.1 (d75cb27b).
extension MetricDefinition {
  public static let upstream: [MetricDefinition] = [
    MetricDefinition(
      name: "karpenter_consolidation_score", kind: .histogram(buckets: [0.1, 0.25, 0.33, 0.5, 1, 2, 5, 10]),
      help: "Score of balanced consolidation moves. Labeled by decision, NodePool, and policy.",
      labels: ["decision", "nodepool", "policy"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_consolidation_moves_total", kind: .counter,
      help: "Number of balanced consolidation moves. Labeled by decision, NodePool, and policy.",
      labels: ["decision", "nodepool", "policy"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_build_info", kind: .gauge,
      help: "A metric with a constant '1' value labeled by version from which karpenter was built.",
      labels: ["version", "goversion", "goarch", "commit"], stability: .stable),
    MetricDefinition(
      name: "karpenter_nodeclaims_unhealthy_disrupted_total", kind: .counter,
      help: "Number of unhealthy nodeclaims disrupted in total by Karpenter. Labeled by condition on the node was disrupted, the owning nodepool, and the image ID.",
      labels: ["condition", "nodepool", "capacity_type", "image_id"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_nodeclaims_termination_duration_seconds", kind: .histogram(buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048]),
      help: "Duration of NodeClaim termination in seconds.",
      labels: ["nodepool"], stability: .beta),
    MetricDefinition(
      name: "karpenter_nodeclaims_terminated_total", kind: .counter,
      help: "Number of nodeclaims terminated in total by Karpenter. Labeled by the owning nodepool, capacity type, and zone.",
      labels: ["nodepool", "capacity_type", "zone"], stability: .stable),
    MetricDefinition(
      name: "karpenter_nodeclaims_instance_termination_duration_seconds", kind: .histogram(buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024]),
      help: "Duration of CloudProvider Instance termination in seconds.",
      labels: ["nodepool"], stability: .beta),
    MetricDefinition(
      name: "karpenter_nodeclaims_disrupted_total", kind: .counter,
      help: "Number of nodeclaims disrupted in total by Karpenter. Labeled by reason the nodeclaim was disrupted and the owning nodepool.",
      labels: ["reason", "nodepool", "capacity_type"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_nodeclaims_created_total", kind: .counter,
      help: "Number of nodeclaims created in total by Karpenter. Labeled by reason the nodeclaim was created, the owning nodepool, and if min values was relaxed for this nodeclaim.",
      labels: ["reason", "nodepool", "min_values_relaxed"], stability: .stable),
    MetricDefinition(
      name: "operator_nodeclaim_termination_duration_seconds", kind: .histogram(buckets: [0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192]),
      help: "The amount of time taken by an object to terminate completely.",
      labels: ["karpenter_k8s_aws_ec2nodeclass", "karpenter_sh_nodepool"], stability: .beta),
    MetricDefinition(
      name: "operator_nodeclaim_termination_current_time_seconds", kind: .gauge,
      help: "The current amount of time in seconds that an object has been in terminating state.",
      labels: ["namespace", "name", "karpenter_k8s_aws_ec2nodeclass", "karpenter_sh_nodepool"], stability: .beta),
    MetricDefinition(
      name: "operator_nodeclaim_status_condition_transitions_total", kind: .counter,
      help: "The count of transitions of a given object, type and status.",
      labels: ["type", "status", "reason", "karpenter_k8s_aws_ec2nodeclass", "karpenter_sh_nodepool"], stability: .beta),
    MetricDefinition(
      name: "operator_nodeclaim_status_condition_transition_seconds", kind: .histogram(buckets: [0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192]),
      help: "The amount of time a condition was in a given state before transitioning. e.g. Alarm := P99(Updated=False) > 5 minutes",
      labels: ["type", "status", "karpenter_k8s_aws_ec2nodeclass", "karpenter_sh_nodepool"], stability: .beta),
    MetricDefinition(
      name: "operator_nodeclaim_status_condition_current_status_seconds", kind: .gauge,
      help: "The current amount of time in seconds that a status condition has been in a specific state. Alarm := P99(Updated=Unknown) > 5 minutes",
      labels: ["namespace", "name", "type", "status", "reason", "karpenter_k8s_aws_ec2nodeclass", "karpenter_sh_nodepool"], stability: .beta),
    MetricDefinition(
      name: "operator_nodeclaim_status_condition_count", kind: .gauge,
      help: "The number of a condition for a given object, type and status. e.g. Alarm := Available=False > 0",
      labels: ["namespace", "name", "type", "status", "reason", "karpenter_k8s_aws_ec2nodeclass", "karpenter_sh_nodepool"], stability: .beta),
    MetricDefinition(
      name: "karpenter_nodes_total_pod_requests", kind: .gauge,
      help: "Node total pod requests are the resources requested by pods bound to nodes, including the DaemonSet pods.",
      labels: ["nodepool", "zone", "region", "instance_type", "arch", "os", "capacity_type", "windows_build", "capacity_reservation_id", "capacity_reservation_type", "capacity_reservation_interruptible", "instance_hypervisor", "instance_encryption_in_transit_supported", "instance_category", "instance_capability_flex", "instance_family", "instance_generation", "instance_size", "instance_local_nvme", "instance_cpu", "instance_cpu_manufacturer", "instance_cpu_sustained_clock_speed_mhz", "instance_memory", "instance_ebs_bandwidth", "instance_network_bandwidth", "instance_gpu_name", "instance_gpu_manufacturer", "instance_gpu_count", "instance_gpu_memory", "instance_accelerator_name", "instance_accelerator_manufacturer", "instance_accelerator_count", "zone_id", "instance_tenancy", "placement_group_id", "placement_group_partition", "node_name", "phase", "managed", "resource_type"], stability: .beta),
    MetricDefinition(
      name: "karpenter_nodes_total_pod_limits", kind: .gauge,
      help: "Node total pod limits are the resources specified by pod limits, including the DaemonSet pods.",
      labels: ["nodepool", "zone", "region", "instance_type", "arch", "os", "capacity_type", "windows_build", "capacity_reservation_id", "capacity_reservation_type", "capacity_reservation_interruptible", "instance_hypervisor", "instance_encryption_in_transit_supported", "instance_category", "instance_capability_flex", "instance_family", "instance_generation", "instance_size", "instance_local_nvme", "instance_cpu", "instance_cpu_manufacturer", "instance_cpu_sustained_clock_speed_mhz", "instance_memory", "instance_ebs_bandwidth", "instance_network_bandwidth", "instance_gpu_name", "instance_gpu_manufacturer", "instance_gpu_count", "instance_gpu_memory", "instance_accelerator_name", "instance_accelerator_manufacturer", "instance_accelerator_count", "zone_id", "instance_tenancy", "placement_group_id", "placement_group_partition", "node_name", "phase", "managed", "resource_type"], stability: .beta),
    MetricDefinition(
      name: "karpenter_nodes_total_daemon_requests", kind: .gauge,
      help: "Node total daemon requests are the resource requested by DaemonSet pods bound to nodes.",
      labels: ["nodepool", "zone", "region", "instance_type", "arch", "os", "capacity_type", "windows_build", "capacity_reservation_id", "capacity_reservation_type", "capacity_reservation_interruptible", "instance_hypervisor", "instance_encryption_in_transit_supported", "instance_category", "instance_capability_flex", "instance_family", "instance_generation", "instance_size", "instance_local_nvme", "instance_cpu", "instance_cpu_manufacturer", "instance_cpu_sustained_clock_speed_mhz", "instance_memory", "instance_ebs_bandwidth", "instance_network_bandwidth", "instance_gpu_name", "instance_gpu_manufacturer", "instance_gpu_count", "instance_gpu_memory", "instance_accelerator_name", "instance_accelerator_manufacturer", "instance_accelerator_count", "zone_id", "instance_tenancy", "placement_group_id", "placement_group_partition", "node_name", "phase", "managed", "resource_type"], stability: .beta),
    MetricDefinition(
      name: "karpenter_nodes_total_daemon_limits", kind: .gauge,
      help: "Node total daemon limits are the resources specified by DaemonSet pod limits.",
      labels: ["nodepool", "zone", "region", "instance_type", "arch", "os", "capacity_type", "windows_build", "capacity_reservation_id", "capacity_reservation_type", "capacity_reservation_interruptible", "instance_hypervisor", "instance_encryption_in_transit_supported", "instance_category", "instance_capability_flex", "instance_family", "instance_generation", "instance_size", "instance_local_nvme", "instance_cpu", "instance_cpu_manufacturer", "instance_cpu_sustained_clock_speed_mhz", "instance_memory", "instance_ebs_bandwidth", "instance_network_bandwidth", "instance_gpu_name", "instance_gpu_manufacturer", "instance_gpu_count", "instance_gpu_memory", "instance_accelerator_name", "instance_accelerator_manufacturer", "instance_accelerator_count", "zone_id", "instance_tenancy", "placement_group_id", "placement_group_partition", "node_name", "phase", "managed", "resource_type"], stability: .beta),
    MetricDefinition(
      name: "karpenter_nodes_termination_duration_seconds", kind: .summary,
      help: "The time taken between a node's deletion request and the removal of its finalizer",
      labels: ["nodepool"], stability: .beta),
    MetricDefinition(
      name: "karpenter_nodes_terminated_total", kind: .counter,
      help: "Number of nodes terminated in total by Karpenter. Labeled by owning nodepool and zone.",
      labels: ["nodepool", "zone"], stability: .stable),
    MetricDefinition(
      name: "karpenter_nodes_system_overhead", kind: .gauge,
      help: "Node system daemon overhead are the resources reserved for system overhead, the difference between the node's capacity and allocatable values are reported by the status.",
      labels: ["nodepool", "zone", "region", "instance_type", "arch", "os", "capacity_type", "windows_build", "capacity_reservation_id", "capacity_reservation_type", "capacity_reservation_interruptible", "instance_hypervisor", "instance_encryption_in_transit_supported", "instance_category", "instance_capability_flex", "instance_family", "instance_generation", "instance_size", "instance_local_nvme", "instance_cpu", "instance_cpu_manufacturer", "instance_cpu_sustained_clock_speed_mhz", "instance_memory", "instance_ebs_bandwidth", "instance_network_bandwidth", "instance_gpu_name", "instance_gpu_manufacturer", "instance_gpu_count", "instance_gpu_memory", "instance_accelerator_name", "instance_accelerator_manufacturer", "instance_accelerator_count", "zone_id", "instance_tenancy", "placement_group_id", "placement_group_partition", "node_name", "phase", "managed", "resource_type"], stability: .beta),
    MetricDefinition(
      name: "karpenter_nodes_lifetime_duration_seconds", kind: .histogram(buckets: [900, 1800, 2700, 3600, 7200, 14400, 21600, 28800, 36000, 43200, 57600, 72000, 86400, 172800, 259200, 432000, 864000, 1296000, 1728000, 2160000, 2592000]),
      help: "The lifetime duration of the nodes since creation.",
      labels: ["nodepool"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_nodes_drained_total", kind: .counter,
      help: "The total number of nodes drained by Karpenter",
      labels: ["nodepool"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_nodes_current_lifetime_seconds", kind: .gauge,
      help: "Node age in seconds",
      labels: ["nodepool", "zone", "region", "instance_type", "arch", "os", "capacity_type", "windows_build", "capacity_reservation_id", "capacity_reservation_type", "capacity_reservation_interruptible", "instance_hypervisor", "instance_encryption_in_transit_supported", "instance_category", "instance_capability_flex", "instance_family", "instance_generation", "instance_size", "instance_local_nvme", "instance_cpu", "instance_cpu_manufacturer", "instance_cpu_sustained_clock_speed_mhz", "instance_memory", "instance_ebs_bandwidth", "instance_network_bandwidth", "instance_gpu_name", "instance_gpu_manufacturer", "instance_gpu_count", "instance_gpu_memory", "instance_accelerator_name", "instance_accelerator_manufacturer", "instance_accelerator_count", "zone_id", "instance_tenancy", "placement_group_id", "placement_group_partition", "node_name", "phase", "managed"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_nodes_created_total", kind: .counter,
      help: "Number of nodes created in total by Karpenter. Labeled by owning nodepool and zone.",
      labels: ["nodepool", "zone"], stability: .stable),
    MetricDefinition(
      name: "karpenter_nodes_allocatable", kind: .gauge,
      help: "Node allocatable are the resources allocatable by nodes.",
      labels: ["nodepool", "zone", "region", "instance_type", "arch", "os", "capacity_type", "windows_build", "capacity_reservation_id", "capacity_reservation_type", "capacity_reservation_interruptible", "instance_hypervisor", "instance_encryption_in_transit_supported", "instance_category", "instance_capability_flex", "instance_family", "instance_generation", "instance_size", "instance_local_nvme", "instance_cpu", "instance_cpu_manufacturer", "instance_cpu_sustained_clock_speed_mhz", "instance_memory", "instance_ebs_bandwidth", "instance_network_bandwidth", "instance_gpu_name", "instance_gpu_manufacturer", "instance_gpu_count", "instance_gpu_memory", "instance_accelerator_name", "instance_accelerator_manufacturer", "instance_accelerator_count", "zone_id", "instance_tenancy", "placement_group_id", "placement_group_partition", "node_name", "phase", "managed", "resource_type"], stability: .beta),
    MetricDefinition(
      name: "operator_node_termination_duration_seconds", kind: .histogram(buckets: [0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192]),
      help: "The amount of time taken by an object to terminate completely.",
      labels: ["karpenter_k8s_aws_ec2nodeclass", "karpenter_sh_nodepool", "karpenter_sh_initialized"], stability: .beta),
    MetricDefinition(
      name: "operator_node_termination_current_time_seconds", kind: .gauge,
      help: "The current amount of time in seconds that an object has been in terminating state.",
      labels: ["namespace", "name", "karpenter_k8s_aws_ec2nodeclass", "karpenter_sh_nodepool", "karpenter_sh_initialized"], stability: .beta),
    MetricDefinition(
      name: "operator_node_status_condition_transitions_total", kind: .counter,
      help: "The count of transitions of a given object, type and status.",
      labels: ["type", "status", "reason", "karpenter_k8s_aws_ec2nodeclass", "karpenter_sh_nodepool", "karpenter_sh_initialized"], stability: .beta),
    MetricDefinition(
      name: "operator_node_status_condition_transition_seconds", kind: .histogram(buckets: [0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192]),
      help: "The amount of time a condition was in a given state before transitioning. e.g. Alarm := P99(Updated=False) > 5 minutes",
      labels: ["type", "status", "karpenter_k8s_aws_ec2nodeclass", "karpenter_sh_nodepool", "karpenter_sh_initialized"], stability: .beta),
    MetricDefinition(
      name: "operator_node_status_condition_current_status_seconds", kind: .gauge,
      help: "The current amount of time in seconds that a status condition has been in a specific state. Alarm := P99(Updated=Unknown) > 5 minutes",
      labels: ["namespace", "name", "type", "status", "reason", "karpenter_k8s_aws_ec2nodeclass", "karpenter_sh_nodepool", "karpenter_sh_initialized"], stability: .beta),
    MetricDefinition(
      name: "operator_node_status_condition_count", kind: .gauge,
      help: "The number of a condition for a given object, type and status. e.g. Alarm := Available=False > 0",
      labels: ["namespace", "name", "type", "status", "reason", "karpenter_k8s_aws_ec2nodeclass", "karpenter_sh_nodepool", "karpenter_sh_initialized"], stability: .beta),
    MetricDefinition(
      name: "karpenter_pods_unstarted_time_seconds", kind: .gauge,
      help: "The time from pod creation until the pod is running.",
      labels: ["name", "namespace"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_pods_unbound_time_seconds", kind: .gauge,
      help: "The time from pod creation until the pod is bound.",
      labels: ["name", "namespace"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_pods_state", kind: .gauge,
      help: "Pod state is the current state of pods. This metric can be used several ways as it is labeled by the pod name, namespace, owner, node, nodepool name, zone, architecture, capacity type, instance type, pod phase, and pod readiness.",
      labels: ["name", "namespace", "owner", "node", "scheduled", "nodepool", "zone", "arch", "capacity_type", "instance_type", "phase", "ready", "managed"], stability: .beta),
    MetricDefinition(
      name: "karpenter_pods_startup_duration_seconds", kind: .summary,
      help: "The time from pod creation until the pod is running.",
      labels: [], stability: .stable),
    MetricDefinition(
      name: "karpenter_pods_scheduling_decision_duration_seconds", kind: .histogram(buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60, 120, 150, 300, 450, 600]),
      help: "The time it takes for Karpenter to first try to schedule a pod after it's been seen.",
      labels: [], stability: .alpha),
    MetricDefinition(
      name: "karpenter_pods_provisioning_unstarted_time_seconds", kind: .gauge,
      help: "The time from when Karpenter first thinks the pod can schedule until the pod is running. Note: this calculated from a point in memory, not by the pod creation timestamp.",
      labels: ["name", "namespace"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_pods_provisioning_unbound_time_seconds", kind: .gauge,
      help: "The time from when Karpenter first thinks the pod can schedule until it binds. Note: this calculated from a point in memory, not by the pod creation timestamp.",
      labels: ["name", "namespace"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_pods_provisioning_startup_duration_seconds", kind: .histogram(buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60, 120, 150, 300, 450, 600]),
      help: "The time from when Karpenter first thinks the pod can schedule until the pod is running. Note: this calculated from a point in memory, not by the pod creation timestamp.",
      labels: [], stability: .alpha),
    MetricDefinition(
      name: "karpenter_pods_provisioning_scheduling_undecided_time_seconds", kind: .gauge,
      help: "The time from when Karpenter has seen a pod without making a scheduling decision for the pod. Note: this calculated from a point in memory, not by the pod creation timestamp.",
      labels: ["name", "namespace"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_pods_provisioning_bound_duration_seconds", kind: .histogram(buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60, 120, 150, 300, 450, 600]),
      help: "The time from when Karpenter first thinks the pod can schedule until it binds. Note: this calculated from a point in memory, not by the pod creation timestamp.",
      labels: [], stability: .alpha),
    MetricDefinition(
      name: "karpenter_pods_eviction_requests_total", kind: .counter,
      help: "The total number of pod eviction requests made by Karpenter, labeled by response code",
      labels: ["code"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_pods_drained_total", kind: .counter,
      help: "The total number of pods drained during node termination by Karpenter, labeled by reason",
      labels: ["reason"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_pods_bound_duration_seconds", kind: .histogram(buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60, 120, 150, 300, 450, 600]),
      help: "The time from pod creation until the pod is bound.",
      labels: [], stability: .alpha),
    MetricDefinition(
      name: "operator_nodepool_termination_duration_seconds", kind: .histogram(buckets: [0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192]),
      help: "The amount of time taken by an object to terminate completely.",
      labels: [], stability: .beta),
    MetricDefinition(
      name: "operator_nodepool_termination_current_time_seconds", kind: .gauge,
      help: "The current amount of time in seconds that an object has been in terminating state.",
      labels: ["namespace", "name"], stability: .beta),
    MetricDefinition(
      name: "operator_nodepool_status_condition_transitions_total", kind: .counter,
      help: "The count of transitions of a given object, type and status.",
      labels: ["type", "status", "reason"], stability: .beta),
    MetricDefinition(
      name: "operator_nodepool_status_condition_transition_seconds", kind: .histogram(buckets: [0.5, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192]),
      help: "The amount of time a condition was in a given state before transitioning. e.g. Alarm := P99(Updated=False) > 5 minutes",
      labels: ["type", "status"], stability: .beta),
    MetricDefinition(
      name: "operator_nodepool_status_condition_current_status_seconds", kind: .gauge,
      help: "The current amount of time in seconds that a status condition has been in a specific state. Alarm := P99(Updated=Unknown) > 5 minutes",
      labels: ["namespace", "name", "type", "status", "reason"], stability: .beta),
    MetricDefinition(
      name: "operator_nodepool_status_condition_count", kind: .gauge,
      help: "The number of a condition for a given object, type and status. e.g. Alarm := Available=False > 0",
      labels: ["namespace", "name", "type", "status", "reason"], stability: .beta),
    MetricDefinition(
      name: "operator_ec2nodeclass_termination_duration_seconds", kind: .histogram(buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]),
      help: "The amount of time taken by an object to terminate completely.",
      labels: [], stability: .beta),
    MetricDefinition(
      name: "operator_ec2nodeclass_termination_current_time_seconds", kind: .gauge,
      help: "The current amount of time in seconds that an object has been in terminating state.",
      labels: ["namespace", "name"], stability: .beta),
    MetricDefinition(
      name: "operator_ec2nodeclass_status_condition_transitions_total", kind: .counter,
      help: "The count of transitions of a given object, type and status.",
      labels: ["type", "status", "reason"], stability: .beta),
    MetricDefinition(
      name: "operator_ec2nodeclass_status_condition_transition_seconds", kind: .histogram(buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]),
      help: "The amount of time a condition was in a given state before transitioning. e.g. Alarm := P99(Updated=False) > 5 minutes",
      labels: ["type", "status"], stability: .beta),
    MetricDefinition(
      name: "operator_ec2nodeclass_status_condition_current_status_seconds", kind: .gauge,
      help: "The current amount of time in seconds that a status condition has been in a specific state. Alarm := P99(Updated=Unknown) > 5 minutes",
      labels: ["namespace", "name", "type", "status", "reason"], stability: .beta),
    MetricDefinition(
      name: "operator_ec2nodeclass_status_condition_count", kind: .gauge,
      help: "The number of a condition for a given object, type and status. e.g. Alarm := Available=False > 0",
      labels: ["namespace", "name", "type", "status", "reason"], stability: .beta),
    MetricDefinition(
      name: "karpenter_voluntary_disruption_queue_failures_total", kind: .counter,
      help: "The number of times that an enqueued disruption decision failed. Labeled by disruption method.",
      labels: ["decision", "reason", "consolidation_type"], stability: .beta),
    MetricDefinition(
      name: "karpenter_voluntary_disruption_failed_validations_total", kind: .counter,
      help: "Number of candidates that were selected for disruption but failed validation. Labeled by consolidation type.",
      labels: ["consolidation_type"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_voluntary_disruption_eligible_nodes", kind: .gauge,
      help: "Number of nodes eligible for disruption by Karpenter. Labeled by disruption reason.",
      labels: ["reason"], stability: .beta),
    MetricDefinition(
      name: "karpenter_voluntary_disruption_decisions_total", kind: .counter,
      help: "Number of disruption decisions performed. Labeled by disruption decision, reason, and consolidation type.",
      labels: ["decision", "reason", "consolidation_type"], stability: .stable),
    MetricDefinition(
      name: "karpenter_voluntary_disruption_decisions_by_nodepool_total", kind: .counter,
      help: "Number of disruption decisions performed by nodepool. Labeled by nodepool name, disruption decision, reason, and consolidation type.",
      labels: ["nodepool", "decision", "reason", "consolidation_type"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_voluntary_disruption_decision_evaluation_duration_seconds", kind: .histogram(buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60, 120, 150, 300, 450, 600]),
      help: "Duration of the disruption decision evaluation process in seconds. Labeled by method and consolidation type.",
      labels: ["reason", "consolidation_type"], stability: .beta),
    MetricDefinition(
      name: "karpenter_voluntary_disruption_consolidation_timeouts_total", kind: .counter,
      help: "Number of times the Consolidation algorithm has reached a timeout. Labeled by consolidation type.",
      labels: ["consolidation_type"], stability: .beta),
    MetricDefinition(
      name: "karpenter_scheduler_unschedulable_pods_count", kind: .gauge,
      help: "The number of unschedulable Pods.",
      labels: ["controller"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_scheduler_unfinished_work_seconds", kind: .gauge,
      help: "How many seconds of work has been done that is in progress and hasn't been observed by scheduling_duration_seconds.",
      labels: ["controller", "scheduling_id"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_scheduler_scheduling_duration_seconds", kind: .histogram(buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60, 120, 150, 300, 450, 600]),
      help: "Duration of scheduling simulations used for deprovisioning and provisioning in seconds.",
      labels: ["controller"], stability: .stable),
    MetricDefinition(
      name: "karpenter_scheduler_queue_depth", kind: .gauge,
      help: "The number of pods currently waiting to be scheduled.",
      labels: ["controller", "scheduling_id"], stability: .beta),
    MetricDefinition(
      name: "karpenter_scheduler_pending_pods_by_effective_zone_count", kind: .gauge,
      help: "Pending pods dimensioned by effective zone constraint, or the intersection of pod-level zone signals, volume topology (PVC zones), and topology constraints. Values: specific zone name (e.g., 'us-west-2a'), 'flexible' (multiple zones), or 'none' (no valid intersection).",
      labels: ["controller", "zone"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_scheduler_ignored_pods_count", kind: .gauge,
      help: "Number of pods ignored during scheduling by Karpenter",
      labels: [], stability: .alpha),
    MetricDefinition(
      name: "karpenter_nodepools_usage", kind: .gauge,
      help: "The amount of resources that have been provisioned for a nodepool. Labeled by nodepool name and resource type.",
      labels: ["resource_type", "nodepool"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_nodepools_nodes_consuming_budgets", kind: .gauge,
      help: "The number of nodes consuming the budget of a nodepool at a point in time. Labeled by NodePool.",
      labels: ["nodepool", "reason"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_nodepools_limit", kind: .gauge,
      help: "Limits specified on the nodepool that restrict the quantity of resources provisioned. Labeled by nodepool name and resource type.",
      labels: ["resource_type", "nodepool"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_nodepools_cost_tracker_errors_total", kind: .counter,
      help: "Number of errors encountered during cost tracking operations. Labeled by nodepool and nodeclaim.",
      labels: ["nodepool"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_nodepools_cost_total", kind: .gauge,
      help: "Total cost of the nodepool from Karpenter's perspective. Units are determined by the cloud provider. Not an authoritative source for billing. Includes modifications due to NodeOverlays",
      labels: ["nodepool"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_nodepools_allowed_disruptions", kind: .gauge,
      help: "The number of nodes for a given NodePool that can be concurrently disrupting at a point in time. Labeled by NodePool. Note that allowed disruptions can change very rapidly, as new nodes may be created and others may be deleted at any point.",
      labels: ["nodepool", "reason"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_interruption_received_messages_total", kind: .counter,
      help: "Count of messages received from the SQS queue. Broken down by message type and whether the message was actionable.",
      labels: ["message_type"], stability: .stable),
    MetricDefinition(
      name: "karpenter_interruption_message_queue_duration_seconds", kind: .histogram(buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60, 120, 150, 300, 450, 600]),
      help: "Amount of time an interruption message is on the queue before it is processed by karpenter.",
      labels: [], stability: .stable),
    MetricDefinition(
      name: "karpenter_interruption_instance_status_unhealthy_total", kind: .counter,
      help: "Count of unique unhealthy instance statuses detected from EC2 DescribeInstanceStatus. Broken down by status check category.",
      labels: ["category"], stability: .stable),
    MetricDefinition(
      name: "karpenter_interruption_deleted_messages_total", kind: .counter,
      help: "Count of messages deleted from the SQS queue.",
      labels: [], stability: .stable),
    MetricDefinition(
      name: "karpenter_cluster_utilization_percent", kind: .gauge,
      help: "Utilization of allocatable resources by pod requests",
      labels: ["resource_type"], stability: .alpha),
    MetricDefinition(
      name: "karpenter_cluster_state_unsynced_time_seconds", kind: .gauge,
      help: "The time for which cluster state is not synced",
      labels: [], stability: .stable),
    MetricDefinition(
      name: "karpenter_cluster_state_synced", kind: .gauge,
      help: "Returns 1 if cluster state is synced and 0 otherwise. Synced checks that nodeclaims and nodes that are stored in the APIServer have the same representation as Karpenter's cluster state",
      labels: [], stability: .stable),
    MetricDefinition(
      name: "karpenter_cluster_state_node_count", kind: .gauge,
      help: "Current count of nodes in cluster state",
      labels: [], stability: .stable),
    MetricDefinition(
      name: "karpenter_cloudprovider_instance_type_offering_price_estimate", kind: .gauge,
      help: "Instance type offering estimated hourly price used when making informed decisions on node cost calculation, based on instance type, capacity type, and zone.",
      labels: ["instance_type", "capacity_type", "zone"], stability: .beta),
    MetricDefinition(
      name: "karpenter_cloudprovider_instance_type_offering_available", kind: .gauge,
      help: "Instance type offering availability, based on instance type, capacity type, and zone",
      labels: ["instance_type", "capacity_type", "zone"], stability: .beta),
    MetricDefinition(
      name: "karpenter_cloudprovider_instance_type_memory_bytes", kind: .gauge,
      help: "Memory, in bytes, for a given instance type.",
      labels: ["instance_type"], stability: .beta),
    MetricDefinition(
      name: "karpenter_cloudprovider_instance_type_cpu_cores", kind: .gauge,
      help: "VCPUs cores for a given instance type.",
      labels: ["instance_type"], stability: .beta),
    MetricDefinition(
      name: "karpenter_cloudprovider_instance_termination_failures_total", kind: .counter,
      help: "Number of instance termination (TerminateInstances) failures, dimensioned by availability zone and zone ID.",
      labels: ["zone", "zone_id"], stability: .beta),
    MetricDefinition(
      name: "karpenter_cloudprovider_instance_launch_failures_total", kind: .counter,
      help: "Number of instance launch (CreateFleet offering) failures, dimensioned by availability zone, zone ID, capacity type, and launch failure reason.",
      labels: ["zone", "zone_id", "capacity_type", "reason"], stability: .beta),
    MetricDefinition(
      name: "karpenter_cloudprovider_errors_total", kind: .counter,
      help: "Total number of errors returned from CloudProvider calls.",
      labels: ["controller", "method", "provider", "error"], stability: .beta),
    MetricDefinition(
      name: "karpenter_cloudprovider_duration_seconds", kind: .histogram(buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]),
      help: "Duration of cloud provider method calls. Labeled by the controller, method name and provider.",
      labels: ["controller", "method", "provider"], stability: .beta),
    MetricDefinition(
      name: "karpenter_cloudprovider_batcher_batch_time_seconds", kind: .histogram(buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60, 120, 150, 300, 450, 600]),
      help: "Duration of the batching window per batcher",
      labels: ["batcher"], stability: .beta),
    MetricDefinition(
      name: "karpenter_cloudprovider_batcher_batch_size", kind: .histogram(buckets: [1, 2, 4, 5, 10, 15, 20, 25, 30, 40, 50, 60, 70, 80, 90, 100, 125, 150, 175, 200, 225, 250, 275, 300, 350, 400, 450, 500, 550, 600, 700, 800, 900, 1000]),
      help: "Size of the request batch per batcher",
      labels: ["batcher"], stability: .beta),
    MetricDefinition(
      name: "controller_runtime_terminal_reconcile_errors_total", kind: .counter,
      help: "Total number of terminal reconciliation errors per controller",
      labels: ["controller"], stability: .stable),
    MetricDefinition(
      name: "controller_runtime_reconcile_total", kind: .counter,
      help: "Total number of reconciliations per controller",
      labels: ["controller", "result"], stability: .stable),
    MetricDefinition(
      name: "controller_runtime_reconcile_timeouts_total", kind: .counter,
      help: "Total number of reconciliation timeouts per controller",
      labels: ["controller"], stability: .stable),
    MetricDefinition(
      name: "controller_runtime_reconcile_time_seconds", kind: .histogram(buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60]),
      help: "Length of time per reconciliation per controller",
      labels: ["controller"], stability: .stable),
    MetricDefinition(
      name: "controller_runtime_reconcile_panics_total", kind: .counter,
      help: "Total number of reconciliation panics per controller",
      labels: ["controller"], stability: .stable),
    MetricDefinition(
      name: "controller_runtime_reconcile_errors_total", kind: .counter,
      help: "Total number of reconciliation errors per controller",
      labels: ["controller"], stability: .stable),
    MetricDefinition(
      name: "controller_runtime_max_concurrent_reconciles", kind: .gauge,
      help: "Maximum number of concurrent reconciles per controller",
      labels: ["controller"], stability: .stable),
    MetricDefinition(
      name: "controller_runtime_conversion_webhook_panics_total", kind: .counter,
      help: "Total number of conversion webhook panics",
      labels: [], stability: .stable),
    MetricDefinition(
      name: "controller_runtime_active_workers", kind: .gauge,
      help: "Number of currently used workers per controller",
      labels: ["controller"], stability: .stable),
    MetricDefinition(
      name: "workqueue_work_duration_seconds", kind: .histogram(buckets: [1e-8, 1e-7, 1e-6, 9.999999999999999e-6, 9.999999999999999e-5, 0.001, 0.01, 0.1, 1, 10, 100, 1000]),
      help: "How long in seconds processing an item from workqueue takes.",
      labels: ["name", "controller"], stability: .stable),
    MetricDefinition(
      name: "workqueue_unfinished_work_seconds", kind: .gauge,
      help: "How many seconds of work has been done that is in progress and hasn't been observed by work_duration. Large values indicate stuck threads. One can deduce the number of stuck threads by observing the rate at which this increases.",
      labels: ["name", "controller"], stability: .stable),
    MetricDefinition(
      name: "workqueue_retries_total", kind: .counter,
      help: "Total number of retries handled by workqueue",
      labels: ["name", "controller"], stability: .stable),
    MetricDefinition(
      name: "workqueue_queue_duration_seconds", kind: .histogram(buckets: [1e-8, 1e-7, 1e-6, 9.999999999999999e-6, 9.999999999999999e-5, 0.001, 0.01, 0.1, 1, 10, 100, 1000]),
      help: "How long in seconds an item stays in workqueue before being requested",
      labels: ["name", "controller"], stability: .stable),
    MetricDefinition(
      name: "workqueue_longest_running_processor_seconds", kind: .gauge,
      help: "How many seconds has the longest running processor for workqueue been running.",
      labels: ["name", "controller"], stability: .stable),
    MetricDefinition(
      name: "workqueue_depth", kind: .gauge,
      help: "Current depth of workqueue by workqueue and priority",
      labels: ["name", "controller", "priority"], stability: .stable),
    MetricDefinition(
      name: "workqueue_adds_total", kind: .counter,
      help: "Total number of adds handled by workqueue",
      labels: ["name", "controller"], stability: .stable),
    MetricDefinition(
      name: "operator_termination_duration_seconds", kind: .histogram(buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]),
      help: "The amount of time taken by an object to terminate completely.",
      labels: ["group", "kind"], stability: .deprecated),
    MetricDefinition(
      name: "operator_termination_current_time_seconds", kind: .gauge,
      help: "The current amount of time in seconds that an object has been in terminating state.",
      labels: ["namespace", "name", "group", "kind"], stability: .deprecated),
    MetricDefinition(
      name: "operator_status_condition_transitions_total", kind: .counter,
      help: "The count of transitions of a given object, type and status.",
      labels: ["type", "status", "reason", "group", "kind"], stability: .deprecated),
    MetricDefinition(
      name: "operator_status_condition_transition_seconds", kind: .histogram(buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]),
      help: "The amount of time a condition was in a given state before transitioning. e.g. Alarm := P99(Updated=False) > 5 minutes",
      labels: ["type", "status", "group", "kind"], stability: .deprecated),
    MetricDefinition(
      name: "operator_status_condition_current_status_seconds", kind: .gauge,
      help: "The current amount of time in seconds that a status condition has been in a specific state. Alarm := P99(Updated=Unknown) > 5 minutes",
      labels: ["namespace", "name", "type", "status", "reason", "group", "kind"], stability: .deprecated),
    MetricDefinition(
      name: "operator_status_condition_count", kind: .gauge,
      help: "The number of a condition for a given object, type and status. e.g. Alarm := Available=False > 0",
      labels: ["namespace", "name", "type", "status", "reason", "group", "kind"], stability: .deprecated),
    MetricDefinition(
      name: "client_go_request_total", kind: .counter,
      help: "Number of HTTP requests, partitioned by status code and method.",
      labels: ["code", "method"], stability: .stable),
    MetricDefinition(
      name: "client_go_request_duration_seconds", kind: .histogram(buckets: [0.001, 0.0015, 0.0022500000000000003, 0.0033750000000000004, 0.005062500000000001, 0.0075937500000000015, 0.011390625000000001, 0.017085937500000002, 0.025628906250000003, 0.03844335937500001, 0.057665039062500006, 0.08649755859375001, 0.129746337890625, 0.1946195068359375, 0.29192926025390625, 0.43789389038085935, 0.656840835571289, 0.9852612533569336, 1.4778918800354004, 2.2168378200531005]),
      help: "Request latency in seconds. Broken down by verb, group, version, kind, and subresource.",
      labels: ["verb", "group", "version", "kind", "subresource"], stability: .stable),
    MetricDefinition(
      name: "aws_sdk_go_request_total", kind: .counter,
      help: "The total number of AWS SDK Go requests",
      labels: ["service", "action", "code"], stability: .stable),
    MetricDefinition(
      name: "aws_sdk_go_request_retry_count", kind: .histogram(buckets: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
      help: "The total number of AWS SDK Go retry attempts per request",
      labels: ["service", "action", "code"], stability: .stable),
    MetricDefinition(
      name: "aws_sdk_go_request_duration_seconds", kind: .histogram(buckets: [0.01, 0.015, 0.0225, 0.03375, 0.050625, 0.0759375, 0.11390625000000001, 0.17085937500000004, 0.25628906250000005, 0.3844335937500001, 0.5766503906250001, 0.8649755859375001, 1.2974633789062502, 1.9461950683593754, 2.919292602539063, 4.378938903808595, 6.568408355712892, 9.852612533569339, 14.778918800354008, 22.168378200531013]),
      help: "Latency of AWS SDK Go requests",
      labels: ["service", "action", "code"], stability: .stable),
    MetricDefinition(
      name: "aws_sdk_go_request_attempt_total", kind: .counter,
      help: "The total number of AWS SDK Go request attempts",
      labels: ["service", "action", "code"], stability: .stable),
    MetricDefinition(
      name: "aws_sdk_go_request_attempt_duration_seconds", kind: .histogram(buckets: [0.01, 0.015, 0.0225, 0.03375, 0.050625, 0.0759375, 0.11390625000000001, 0.17085937500000004, 0.25628906250000005, 0.3844335937500001, 0.5766503906250001, 0.8649755859375001, 1.2974633789062502, 1.9461950683593754, 2.919292602539063, 4.378938903808595, 6.568408355712892, 9.852612533569339, 14.778918800354008, 22.168378200531013]),
      help: "Latency of AWS SDK Go request attempts",
      labels: ["service", "action", "code"], stability: .stable),
    MetricDefinition(
      name: "leader_election_slowpath_total", kind: .counter,
      help: "Total number of slow path exercised in renewing leader leases. 'name' is the string used to identify the lease. Please make sure to group by name.",
      labels: ["name"], stability: .stable),
    MetricDefinition(
      name: "leader_election_master_status", kind: .gauge,
      help: "Gauge of if the reporting system is master of the relevant lease, 0 indicates backup, 1 indicates master. 'name' is the string used to identify the lease. Please make sure to group by name.",
      labels: ["name"], stability: .stable),
  ]
}
