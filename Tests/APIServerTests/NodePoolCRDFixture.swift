import APIServer

/// Upstream Karpenter v1.14's `karpenter.sh_nodepools` CRD (pkg/apis/crds), trimmed: no
/// descriptions, no printer columns, no taints, and only `nodes` and `resources` in status.
/// Everything else (defaults, patterns, enums, bounds and every CEL rule) is as upstream has it.
let nodePoolCRD: JSON = try! JSON(
  parsing: #"""
    {
     "apiVersion": "apiextensions.k8s.io/v1",
     "kind": "CustomResourceDefinition",
     "metadata": {
      "name": "nodepools.karpenter.sh"
     },
     "spec": {
      "group": "karpenter.sh",
      "names": {
       "categories": [
        "karpenter"
       ],
       "kind": "NodePool",
       "listKind": "NodePoolList",
       "plural": "nodepools",
       "singular": "nodepool"
      },
      "scope": "Cluster",
      "versions": [
       {
        "name": "v1",
        "schema": {
         "openAPIV3Schema": {
          "properties": {
           "apiVersion": {
            "type": "string"
           },
           "kind": {
            "type": "string"
           },
           "metadata": {
            "type": "object"
           },
           "spec": {
            "properties": {
             "disruption": {
              "default": {
               "consolidateAfter": "0s"
              },
              "properties": {
               "budgets": {
                "default": [
                 {
                  "nodes": "10%"
                 }
                ],
                "items": {
                 "properties": {
                  "duration": {
                   "pattern": "^((([0-9]+(h|m))|([0-9]+h[0-9]+m))(0s)?)$",
                   "type": "string"
                  },
                  "nodes": {
                   "default": "10%",
                   "pattern": "^((100|[0-9]{1,2})%|[0-9]+)$",
                   "type": "string"
                  },
                  "reasons": {
                   "items": {
                    "enum": [
                     "Underutilized",
                     "Empty",
                     "Drifted"
                    ],
                    "type": "string"
                   },
                   "maxItems": 50,
                   "type": "array",
                   "x-kubernetes-list-type": "set"
                  },
                  "schedule": {
                   "pattern": "^(@(annually|yearly|monthly|weekly|daily|midnight|hourly))|((.+)\\s(.+)\\s(.+)\\s(.+)\\s(.+))$",
                   "type": "string"
                  }
                 },
                 "required": [
                  "nodes"
                 ],
                 "type": "object"
                },
                "maxItems": 50,
                "type": "array",
                "x-kubernetes-list-type": "atomic",
                "x-kubernetes-validations": [
                 {
                  "message": "'schedule' must be set with 'duration'",
                  "rule": "self.all(x, has(x.schedule) == has(x.duration))"
                 }
                ]
               },
               "consolidateAfter": {
                "pattern": "^(([0-9]+(s|m|h))+|Never)$",
                "type": "string"
               },
               "consolidationPolicy": {
                "default": "WhenEmptyOrUnderutilized",
                "enum": [
                 "WhenEmpty",
                 "WhenEmptyOrUnderutilized",
                 "Balanced"
                ],
                "type": "string"
               }
              },
              "required": [
               "consolidateAfter"
              ],
              "type": "object"
             },
             "limits": {
              "additionalProperties": {
               "anyOf": [
                {
                 "type": "integer"
                },
                {
                 "type": "string"
                }
               ],
               "pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
               "x-kubernetes-int-or-string": true
              },
              "type": "object"
             },
             "replicas": {
              "format": "int64",
              "minimum": 0,
              "type": "integer"
             },
             "template": {
              "properties": {
               "metadata": {
                "properties": {
                 "annotations": {
                  "additionalProperties": {
                   "type": "string"
                  },
                  "type": "object",
                  "x-kubernetes-map-type": "granular"
                 },
                 "labels": {
                  "additionalProperties": {
                   "type": "string",
                   "maxLength": 63,
                   "pattern": "^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$"
                  },
                  "type": "object",
                  "x-kubernetes-map-type": "atomic",
                  "maxProperties": 100,
                  "x-kubernetes-validations": [
                   {
                    "message": "label domain \"karpenter.sh\" is restricted",
                    "rule": "self.all(x, x in [\"karpenter.sh/capacity-type\", \"karpenter.sh/nodepool\"] || !x.find(\"^([^/]+)\").endsWith(\"karpenter.sh\"))"
                   },
                   {
                    "message": "label \"karpenter.sh/nodepool\" is restricted",
                    "rule": "self.all(x, x != \"karpenter.sh/nodepool\")"
                   },
                   {
                    "message": "label \"kubernetes.io/hostname\" is restricted",
                    "rule": "self.all(x, x != \"kubernetes.io/hostname\")"
                   },
                   {
                    "message": "label domain \"karpenter.k8s.aws\" is restricted",
                    "rule": "self.all(x, x in [\"karpenter.k8s.aws/instance-tenancy\", \"karpenter.k8s.aws/capacity-reservation-type\", \"karpenter.k8s.aws/capacity-reservation-id\", \"karpenter.k8s.aws/capacity-reservation-interruptible\", \"karpenter.k8s.aws/capacity-reservation-interruptible\", \"karpenter.k8s.aws/ec2nodeclass\", \"karpenter.k8s.aws/instance-encryption-in-transit-supported\", \"karpenter.k8s.aws/nitro-sandbox\", \"karpenter.k8s.aws/instance-category\", \"karpenter.k8s.aws/instance-hypervisor\", \"karpenter.k8s.aws/instance-family\", \"karpenter.k8s.aws/instance-generation\", \"karpenter.k8s.aws/instance-local-nvme\", \"karpenter.k8s.aws/instance-size\", \"karpenter.k8s.aws/instance-cpu\", \"karpenter.k8s.aws/instance-cpu-manufacturer\", \"karpenter.k8s.aws/instance-cpu-sustained-clock-speed-mhz\", \"karpenter.k8s.aws/instance-memory\", \"karpenter.k8s.aws/instance-ebs-bandwidth\", \"karpenter.k8s.aws/instance-network-bandwidth\", \"karpenter.k8s.aws/instance-gpu-name\", \"karpenter.k8s.aws/instance-gpu-manufacturer\", \"karpenter.k8s.aws/instance-gpu-count\", \"karpenter.k8s.aws/instance-gpu-memory\", \"karpenter.k8s.aws/instance-accelerator-name\", \"karpenter.k8s.aws/instance-accelerator-manufacturer\", \"karpenter.k8s.aws/instance-accelerator-count\", \"karpenter.k8s.aws/instance-capability-flex\", \"karpenter.k8s.aws/placement-group-id\", \"karpenter.k8s.aws/placement-group-partition\"] || !x.find(\"^([^/]+)\").endsWith(\"karpenter.k8s.aws\"))"
                   }
                  ]
                 }
                },
                "type": "object"
               },
               "spec": {
                "properties": {
                 "expireAfter": {
                  "default": "720h",
                  "pattern": "^(([0-9]+(s|m|h))+|Never)$",
                  "type": "string"
                 },
                 "nodeClassRef": {
                  "properties": {
                   "group": {
                    "pattern": "^[^/]*$",
                    "type": "string",
                    "x-kubernetes-validations": [
                     {
                      "message": "group may not be empty",
                      "rule": "self != ''"
                     }
                    ]
                   },
                   "kind": {
                    "type": "string",
                    "x-kubernetes-validations": [
                     {
                      "message": "kind may not be empty",
                      "rule": "self != ''"
                     }
                    ]
                   },
                   "name": {
                    "type": "string",
                    "x-kubernetes-validations": [
                     {
                      "message": "name may not be empty",
                      "rule": "self != ''"
                     }
                    ]
                   }
                  },
                  "required": [
                   "group",
                   "kind",
                   "name"
                  ],
                  "type": "object",
                  "x-kubernetes-validations": [
                   {
                    "message": "nodeClassRef.group is immutable",
                    "rule": "self.group == oldSelf.group"
                   },
                   {
                    "message": "nodeClassRef.kind is immutable",
                    "rule": "self.kind == oldSelf.kind"
                   }
                  ]
                 },
                 "requirements": {
                  "items": {
                   "properties": {
                    "key": {
                     "type": "string",
                     "maxLength": 316,
                     "pattern": "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*(\\/))?([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$",
                     "x-kubernetes-validations": [
                      {
                       "message": "label domain \"karpenter.sh\" is restricted",
                       "rule": "self in [\"karpenter.sh/capacity-type\", \"karpenter.sh/nodepool\"] || !self.find(\"^([^/]+)\").endsWith(\"karpenter.sh\")"
                      },
                      {
                       "message": "label \"karpenter.sh/nodepool\" is restricted",
                       "rule": "self != \"karpenter.sh/nodepool\""
                      },
                      {
                       "message": "label \"kubernetes.io/hostname\" is restricted",
                       "rule": "self != \"kubernetes.io/hostname\""
                      },
                      {
                       "message": "label domain \"karpenter.k8s.aws\" is restricted",
                       "rule": "self in [\"karpenter.k8s.aws/instance-tenancy\", \"karpenter.k8s.aws/capacity-reservation-type\", \"karpenter.k8s.aws/capacity-reservation-id\", \"karpenter.k8s.aws/capacity-reservation-interruptible\", \"karpenter.k8s.aws/ec2nodeclass\", \"karpenter.k8s.aws/instance-encryption-in-transit-supported\", \"karpenter.k8s.aws/nitro-sandbox\", \"karpenter.k8s.aws/instance-category\", \"karpenter.k8s.aws/instance-hypervisor\", \"karpenter.k8s.aws/instance-family\", \"karpenter.k8s.aws/instance-generation\", \"karpenter.k8s.aws/instance-local-nvme\", \"karpenter.k8s.aws/instance-size\", \"karpenter.k8s.aws/instance-cpu\", \"karpenter.k8s.aws/instance-cpu-manufacturer\", \"karpenter.k8s.aws/instance-cpu-sustained-clock-speed-mhz\", \"karpenter.k8s.aws/instance-memory\", \"karpenter.k8s.aws/instance-ebs-bandwidth\", \"karpenter.k8s.aws/instance-network-bandwidth\", \"karpenter.k8s.aws/instance-gpu-name\", \"karpenter.k8s.aws/instance-gpu-manufacturer\", \"karpenter.k8s.aws/instance-gpu-count\", \"karpenter.k8s.aws/instance-gpu-memory\", \"karpenter.k8s.aws/instance-accelerator-name\", \"karpenter.k8s.aws/instance-accelerator-manufacturer\", \"karpenter.k8s.aws/instance-accelerator-count\", \"karpenter.k8s.aws/instance-capability-flex\", \"karpenter.k8s.aws/placement-group-id\", \"karpenter.k8s.aws/placement-group-partition\"] || !self.find(\"^([^/]+)\").endsWith(\"karpenter.k8s.aws\")"
                      }
                     ]
                    },
                    "minValues": {
                     "maximum": 50,
                     "minimum": 1,
                     "type": "integer"
                    },
                    "operator": {
                     "enum": [
                      "Gte",
                      "Lte",
                      "In",
                      "NotIn",
                      "Exists",
                      "DoesNotExist",
                      "Gt",
                      "Lt"
                     ],
                     "type": "string"
                    },
                    "values": {
                     "items": {
                      "type": "string"
                     },
                     "type": "array",
                     "x-kubernetes-list-type": "atomic",
                     "maxLength": 63,
                     "pattern": "^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$"
                    }
                   },
                   "required": [
                    "key",
                    "operator"
                   ],
                   "type": "object"
                  },
                  "maxItems": 100,
                  "type": "array",
                  "x-kubernetes-list-type": "atomic",
                  "x-kubernetes-validations": [
                   {
                    "message": "requirements with operator 'In' must have a value defined",
                    "rule": "self.all(x, x.operator == 'In' ? x.values.size() != 0 : true)"
                   },
                   {
                    "message": "requirements operator 'Gt', 'Lt', 'Gte', or 'Lte' must have a single positive integer value",
                    "rule": "self.all(x, (x.operator == 'Gt' || x.operator == 'Lt' || x.operator == 'Gte' || x.operator == 'Lte') ? (x.values.size() == 1 && int(x.values[0]) >= 0) : true)"
                   },
                   {
                    "message": "requirements with 'minValues' must have at least that many values specified in the 'values' field",
                    "rule": "self.all(x, (x.operator == 'In' && has(x.minValues)) ? x.values.size() >= x.minValues : true)"
                   }
                  ]
                 },
                 "terminationGracePeriod": {
                  "pattern": "^([0-9]+(s|m|h))+$",
                  "type": "string"
                 }
                },
                "required": [
                 "nodeClassRef",
                 "requirements"
                ],
                "type": "object"
               }
              },
              "required": [
               "spec"
              ],
              "type": "object"
             },
             "weight": {
              "format": "int32",
              "maximum": 100,
              "minimum": 1,
              "type": "integer"
             }
            },
            "required": [
             "template"
            ],
            "type": "object",
            "x-kubernetes-validations": [
             {
              "message": "Cannot transition NodePool between static (replicas set) and dynamic (replicas unset) provisioning modes",
              "rule": "has(self.replicas) == has(oldSelf.replicas)"
             },
             {
              "message": "only 'limits.nodes' is supported on static NodePools",
              "rule": "!has(self.replicas) || (!has(self.limits) || size(self.limits) == 0 || (size(self.limits) == 1 && 'nodes' in self.limits))"
             },
             {
              "message": "'weight' is not supported on static NodePools",
              "rule": "!has(self.replicas) || !has(self.weight)"
             }
            ]
           },
           "status": {
            "properties": {
             "nodes": {
              "default": 0,
              "format": "int64",
              "type": "integer"
             },
             "resources": {
              "additionalProperties": {
               "anyOf": [
                {
                 "type": "integer"
                },
                {
                 "type": "string"
                }
               ],
               "pattern": "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$",
               "x-kubernetes-int-or-string": true
              },
              "type": "object"
             }
            },
            "type": "object"
           }
          },
          "required": [
           "spec"
          ],
          "type": "object"
         }
        },
        "served": true,
        "storage": true,
        "subresources": {
         "scale": {
          "specReplicasPath": ".spec.replicas",
          "statusReplicasPath": ".status.nodes"
         },
         "status": {}
        }
       }
      ]
     }
    }
    """#)
