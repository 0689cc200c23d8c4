import KarpenterAPI
import Testing

/// Disruption budget schedules: five-field cron or a descriptor, in UTC.
@Suite struct CronScheduleTests {
  /// 2024-01-01T00:00:00Z, a Monday.
  static let monday: Int64 = 1_704_067_200

  static let valid = [
    "@daily", "@hourly", "@weekly", "@monthly", "@yearly", "@annually", "@midnight", "0 9 * * 1-5",
    "*/15 * * * *",
    "0 0 1,15 * *", "30 2 * JAN-MAR MON", "0 22 * * SUN", "0 0 * * 7", "0-30/10 8-17 * * *", "? * * * *",
  ]

  @Test(arguments: valid)
  func parses(schedule: String) throws {
    _ = try CronSchedule(parsing: schedule)
  }

  static let invalid = [
    "", "@often", "0 9 * *", "0 9 * * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *",
    "* * * * 8",
    "*/0 * * * *", "5-1 * * * *", "x * * * *",
  ]

  @Test(arguments: invalid)
  func rejects(schedule: String) {
    #expect(throws: CronSchedule.ParseError.self) { try CronSchedule(parsing: schedule) }
  }

  @Test func weekdayMorningsFireOnlyOnWeekdaysAtNine() throws {
    let cron = try CronSchedule(parsing: "0 9 * * 1-5")
    #expect(cron.fires(atMinute: Self.monday + 9 * 3600))
    #expect(!cron.fires(atMinute: Self.monday + 9 * 3600 + 60))
    #expect(!cron.fires(atMinute: Self.monday + 5 * 86400 + 9 * 3600))  // Saturday
    #expect(cron.fires(atMinute: Self.monday + 4 * 86400 + 9 * 3600))  // Friday
  }

  @Test func dayOfMonthAndWeekdayAreOredWhenBothAreSet() throws {
    let cron = try CronSchedule(parsing: "0 0 15 * MON")
    #expect(cron.fires(atMinute: Self.monday))  // a Monday, not the 15th
    #expect(cron.fires(atMinute: Self.monday + 14 * 86400))  // the 15th, a Monday too
    #expect(!cron.fires(atMinute: Self.monday + 86400))  // Tuesday the 2nd: neither
  }

  @Test func lastFiringLooksBackWithinTheWindow() throws {
    let cron = try CronSchedule(parsing: "@daily")
    #expect(cron.lastFiring(atOrBefore: Self.monday + 3600, within: 7200) == Self.monday)
    #expect(cron.lastFiring(atOrBefore: Self.monday + 3 * 3600, within: 7200) == nil)
  }
}
