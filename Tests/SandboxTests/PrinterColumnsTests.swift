import APIServer
import Foundation
import Testing

@testable import Sandbox

@Suite("A CRD's additionalPrinterColumns")
struct PrinterColumnsTests {
  @Test(
    "the JSONPath subset printer columns use",
    arguments: [
      (".spec.size", [JSONPathSubset.Step.field("spec"), .field("size")]),
      (
        #".metadata.labels.karpenter\.sh/nodepool"#,
        [.field("metadata"), .field("labels"), .field("karpenter.sh/nodepool")]
      ),
      (
        #".status.conditions[?(@.type=="Ready")].status"#,
        [.field("status"), .field("conditions"), .filter(key: "type", value: "Ready"), .field("status")]
      ),
      (".spec.items[1]", [.field("spec"), .field("items"), .index(1)]),
    ])
  func parse(path: String, steps: [JSONPathSubset.Step]) {
    #expect(JSONPathSubset.parse(path) == steps)
  }

  @Test("paths beyond the subset are refused rather than misread")
  func unsupported() {
    #expect(JSONPathSubset.parse(".spec..size") == nil)
    #expect(JSONPathSubset.parse("spec") == nil)
    #expect(JSONPathSubset.parse(".items[*]") == nil)
  }

  @Test("columns read from the CRD, NAME first and AGE added; a filter finds the condition")
  func columns() throws {
    let crd: JSON = [
      "spec": [
        "versions": [
          [
            "name": "v1",
            "additionalPrinterColumns": [
              ["name": "Size", "type": "integer", "jsonPath": ".spec.size"],
              [
                "name": "Ready", "type": "string",
                "jsonPath": #".status.conditions[?(@.type=="Ready")].status"#,
              ],
            ],
          ]
        ]
      ]
    ]
    let columns = try #require(PrinterColumns.columns(fromCRD: crd, version: "v1"))
    #expect(columns.map(\.name) == ["Name", "Size", "Ready", "Age"])
    let object: JSON = [
      "metadata": ["name": "w"], "spec": ["size": 3],
      "status": [
        "conditions": [["type": "Other", "status": "False"], ["type": "Ready", "status": "True"]]
      ],
    ]
    let now = Date()
    #expect(columns.map { $0.cell(object, now) } == ["w", 3, "True", "<unknown>"])
    #expect(PrinterColumns.columns(fromCRD: crd, version: "v2") == nil)
  }
}
