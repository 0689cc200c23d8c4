import KarpenterAPI
import Testing

/// A NodeOverlay's `price` and `priceAdjustment`: upstream's CRD patterns, and the arithmetic
/// of upstream's `AdjustedPrice`.
@Suite struct PriceChangeTests {
  @Test(arguments: [("0", 0.0), ("43", 43), ("34.43", 34.43), ("0.05", 0.05)])
  func acceptsPrices(text: String, value: Double) {
    #expect(PriceChange(price: text) == .price(value))
  }

  /// Upstream's table of invalid prices.
  @Test(arguments: [
    "+42", ".5", "42.", "42%", "3,14", "1e10", "0x42", "forty-two", "42a", "42 ", " 42", "42.0.0", "-", ".",
    "-.42", "", "-1", "٤٢",
  ])
  func rejectsPrices(text: String) {
    #expect(PriceChange(price: text) == nil)
  }

  @Test(arguments: [
    ("+43", PriceChange.amount(43)), ("-43", .amount(-43)), ("+34.43", .amount(34.43)),
    ("-.5", .amount(-0.5)),
    ("-129", .amount(-129)), ("+1%", .percent(1)), ("-1%", .percent(-1)), ("-100%", .percent(-100)),
    ("+100.102%", .percent(100.102)), ("+298%", .percent(298)), ("-99.5%", .percent(-99.5)),
    ("+.5%", .percent(0.5)),
  ])
  func acceptsAdjustments(text: String, change: PriceChange) {
    #expect(PriceChange(adjustment: text) == change)
  }

  @Test(arguments: [
    "1", "1.3", "1%", "-100.0%", "-101.1%", "-101%", "-.5%", "+", "-", "%", "+-1", "+1.%", "+1e3", "10%",
    " +1",
    "+1 ",
  ])
  func rejectsAdjustments(text: String) {
    #expect(PriceChange(adjustment: text) == nil)
  }

  @Test func anAdjustmentIsAppliedToTheOfferingsPriceAndNeverGoesNegative() {
    #expect(PriceChange.price(0.3).applied(to: 1.0) == 0.3)
    #expect(PriceChange.amount(0.25).applied(to: 1.0) == 1.25)
    #expect(PriceChange.amount(-2).applied(to: 1.0) == 0)
    #expect(PriceChange.percent(50).applied(to: 0.5) == 0.75)
    #expect(PriceChange.percent(-100).applied(to: 0.5) == 0)
  }

  @Test func aHugePriceStaysFinite() {
    let digits = String(repeating: "9", count: 400)
    #expect(PriceChange(price: digits) == nil, "not representable as a Double")
    let huge = String(repeating: "9", count: 300)
    let change = PriceChange(adjustment: "+\(huge)%")
    #expect(change?.applied(to: 1e10) == PriceChange.maximumPrice)
  }
}
