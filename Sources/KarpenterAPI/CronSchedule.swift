/// A standard five-field cron schedule (minute, hour, day of month, month, day of week) or a
/// descriptor such as `@daily`, as disruption budgets use it. Times are UTC.
public struct CronSchedule: Hashable, Sendable {
  public let minutes: UInt64  // bits 0...59
  public let hours: UInt64  // bits 0...23
  public let daysOfMonth: UInt64  // bits 1...31
  public let months: UInt64  // bits 1...12
  public let daysOfWeek: UInt64  // bits 0...6, Sunday = 0
  /// Whether day-of-month and day-of-week were both restricted (cron then ORs them).
  let domRestricted: Bool
  let dowRestricted: Bool

  public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String { "\"\(text)\" is not a valid cron schedule: \(reason)" }
  }

  static let descriptors: [String: String] = [
    "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *",
    "@weekly": "0 0 * * 0", "@daily": "0 0 * * *", "@midnight": "0 0 * * *",
    "@hourly": "0 * * * *",
  ]

  static let monthNames = [
    "JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6, "JUL": 7, "AUG": 8, "SEP": 9,
    "OCT": 10, "NOV": 11, "DEC": 12,
  ]
  static let dayNames = ["SUN": 0, "MON": 1, "TUE": 2, "WED": 3, "THU": 4, "FRI": 5, "SAT": 6]

  public init(parsing text: String) throws {
    let expanded: String
    if text.hasPrefix("@") {
      guard let e = Self.descriptors[text] else {
        throw ParseError(text: text, reason: "unknown descriptor \(text)")
      }
      expanded = e
    } else {
      expanded = text
    }
    let fields = expanded.split(whereSeparator: { $0 == " " || $0 == "\t" })
    guard fields.count == 5 else {
      throw ParseError(
        text: text,
        reason: "expected 5 fields (minute hour day-of-month month day-of-week), found \(fields.count)")
    }
    func field(_ i: Int, _ name: String, _ range: ClosedRange<Int>, _ names: [String: Int]) throws
      -> UInt64
    {
      do { return try Self.parseField(String(fields[i]), range: range, names: names) } catch let problem
        as CronFieldProblem
      {
        throw ParseError(text: text, reason: "\(name) field \"\(fields[i])\": \(problem.reason)")
      }
    }
    minutes = try field(0, "minute", 0...59, [:])
    hours = try field(1, "hour", 0...23, [:])
    daysOfMonth = try field(2, "day-of-month", 1...31, [:])
    months = try field(3, "month", 1...12, Self.monthNames)
    var dow = try field(4, "day-of-week", 0...7, Self.dayNames)
    if dow & (1 << 7) != 0 { dow = (dow & ~(1 << 7)) | 1 }  // 7 is Sunday too
    daysOfWeek = dow
    domRestricted = !(fields[2] == "*" || fields[2] == "?")
    dowRestricted = !(fields[4] == "*" || fields[4] == "?")
  }

  private static func parseField(_ text: String, range: ClosedRange<Int>, names: [String: Int])
    throws -> UInt64
  {
    var bits: UInt64 = 0
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      var step = 1
      var body = Substring(part)
      if let slash = part.firstIndex(of: "/") {
        guard let s = Int(part[part.index(after: slash)...]), s > 0 else {
          throw CronFieldProblem(reason: "step must be a positive integer")
        }
        step = s
        body = part[..<slash]
      }
      var low: Int
      var high: Int
      if body == "*" || body == "?" {
        low = range.lowerBound
        high = range.upperBound
      } else if let dash = body.firstIndex(of: "-") {
        low = try value(body[..<dash], range: range, names: names)
        high = try value(body[body.index(after: dash)...], range: range, names: names)
        guard low <= high else { throw CronFieldProblem(reason: "range \(body) goes backwards") }
      } else {
        low = try value(body, range: range, names: names)
        high = part.contains("/") ? range.upperBound : low
      }
      var v = low
      while v <= high {
        bits |= 1 << UInt64(v)
        v += step
      }
    }
    return bits
  }

  private static func value(_ s: Substring, range: ClosedRange<Int>, names: [String: Int]) throws
    -> Int
  {
    if let n = Int(s) {
      guard range.contains(n) else {
        throw CronFieldProblem(reason: "\(n) is outside \(range.lowerBound)-\(range.upperBound)")
      }
      return n
    }
    if let n = names[s.uppercased()] { return n }
    throw CronFieldProblem(reason: "\"\(s)\" is not a number")
  }

  /// Whether the schedule fires at the minute starting at `unixSeconds` (UTC).
  public func fires(atMinute unixSeconds: Int64) -> Bool {
    let t = CivilTime(unixSeconds: unixSeconds)
    guard minutes & (1 << UInt64(t.minute)) != 0, hours & (1 << UInt64(t.hour)) != 0,
      months & (1 << UInt64(t.month)) != 0
    else { return false }
    let domMatch = daysOfMonth & (1 << UInt64(t.day)) != 0
    let dowMatch = daysOfWeek & (1 << UInt64(t.weekday)) != 0
    if domRestricted && dowRestricted { return domMatch || dowMatch }
    return domMatch && dowMatch
  }

  /// The latest firing time at or before `unixSeconds`, looking back at most `window` seconds.
  public func lastFiring(atOrBefore unixSeconds: Int64, within window: Int64) -> Int64? {
    var minute = unixSeconds - ((unixSeconds % 60) + 60) % 60
    let earliest = unixSeconds - window
    while minute >= earliest {
      if fires(atMinute: minute) { return minute }
      minute -= 60
    }
    return nil
  }
}

/// Why one field of a cron schedule is wrong; turned into a ``CronSchedule/ParseError``.
struct CronFieldProblem: Error { let reason: String }

/// A UTC calendar date and time from Unix seconds (proleptic Gregorian).
public struct CivilTime: Sendable {
  public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int

  public init(unixSeconds: Int64) {
    let days = Int(unixSeconds >= 0 ? unixSeconds / 86400 : (unixSeconds - 86399) / 86400)
    let secondsOfDay = Int(unixSeconds - Int64(days) * 86400)
    hour = secondsOfDay / 3600
    minute = (secondsOfDay % 3600) / 60
    second = secondsOfDay % 60
    weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday (4)
    // Howard Hinnant's civil_from_days.
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    day = doy - (153 * mp + 2) / 5 + 1
    month = mp < 10 ? mp + 3 : mp - 9
    year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  }
}
