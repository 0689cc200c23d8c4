import Foundation

/// A GetProducts filter; Karpenter only uses `TERM_MATCH`.
public struct PricingFilter: Sendable, Hashable {
  public var field: String
  public var value: String
  public var type: String

  public init(field: String, value: String, type: String = "TERM_MATCH") {
    self.field = field
    self.value = value
    self.type = type
  }
}

/// One page of products. Each entry of `priceList` is a JSON document (a string), as AWS sends it.
public struct PricingProductsPage: Sendable, Hashable {
  public var priceList: [String]
  public var nextToken: String?

  public init(
    priceList: [String] = [], nextToken: String? = nil
  ) {
    self.priceList = priceList
    self.nextToken = nextToken
  }
}

/// The AWS Price List Query API over JSON 1.1 (`AWSPriceListService.*`), in us-east-1.
public struct PricingClient: Sendable {
  public let json: JSONProtocol

  public init(requester: AWSRequester) {
    self.json = JSONProtocol(requester: requester, targetPrefix: "AWSPriceListService", jsonVersion: "1.1")
  }

  /// One page of GetProducts.
  public func getProductsPage(
    serviceCode: String, filters: [PricingFilter], maxResults: Int? = nil, nextToken: String? = nil
  ) async throws -> PricingProductsPage {
    var input: [String: any Sendable] = [
      "ServiceCode": serviceCode, "FormatVersion": "aws_v1",
      "Filters": filters.map { ["Field": $0.field, "Value": $0.value, "Type": $0.type] },
    ]
    if let maxResults { input["MaxResults"] = maxResults }
    if let nextToken { input["NextToken"] = nextToken }
    let answer = try await json.call("GetProducts", input)
    return PricingProductsPage(priceList: answer.strings("PriceList"), nextToken: answer.string("NextToken"))
  }

  /// Every product matching the filters, each a JSON document.
  public func getProducts(serviceCode: String, filters: [PricingFilter], maxResults: Int? = 100) async throws
    -> [String]
  {
    try await collectPages { token in
      let page = try await getProductsPage(
        serviceCode: serviceCode, filters: filters, maxResults: maxResults, nextToken: token)
      return (page.priceList, page.nextToken)
    }
  }
}
