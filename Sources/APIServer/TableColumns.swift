import Foundation

/// The columns `kubectl get` prints for a kind, as the real server's table convertors define
/// them (server-side printing: kubectl asks for `as=Table` and prints what it gets).
public struct PrinterColumn: Sendable, Hashable {
  public var name: String
  /// OpenAPI type: "string", "integer", "date", ...
  public var type: String
  public var format: String
  /// 0 for the default view; 1 and more for `-o wide`.
  public var priority: Int
  /// The cell for an object at a time.
  public var cell: @Sendable (JSON, Date) -> JSON

  public init(
    _ name: String, type: String = "string", format: String = "", priority: Int = 0,
    cell: @escaping @Sendable (JSON, Date) -> JSON
  ) {
    self.name = name
    self.type = type
    self.format = format
    self.priority = priority
    self.cell = cell
  }

  public static func == (a: PrinterColumn, b: PrinterColumn) -> Bool {
    a.name == b.name && a.type == b.type && a.format == b.format && a.priority == b.priority
  }

  public func hash(into hasher: inout Hasher) { hasher.combine(name) }

  /// The column a CRD's `additionalPrinterColumns` entry describes.
  public init?(printerColumn definition: JSON) {
    guard let name = definition["name"]?.string, let jsonPath = definition["jsonPath"]?.string else {
      return nil
    }
    let type = definition["type"]?.string ?? "string"
    self.init(
      name, type: type, format: definition["format"]?.string ?? "",
      priority: Int(definition["priority"]?.int ?? 0)
    ) { object, now in
      let values = SimpleJSONPath.evaluate(jsonPath, in: object)
      guard let first = values.first else { return .null }
      if type == "date", let text = first.string, let date = Timestamp.parse(text) {
        return .string(HumanDuration.since(date, now: now))
      }
      if values.count > 1 {
        return .string(values.map { $0.string ?? $0.description }.joined(separator: ","))
      }
      return first
    }
  }
}

extension PrinterColumn {
  static let name = PrinterColumn("Name", format: "name") { object, _ in .string(object.name) }
  static let age = PrinterColumn("Age") { object, now in
    guard let text = object[path: ["metadata", "creationTimestamp"]]?.string,
      let created = Timestamp.parse(text)
    else { return "<unknown>" }
    return .string(HumanDuration.since(created, now: now))
  }

  static func text(_ name: String, priority: Int = 0, _ path: [String], default fallback: String = "<none>")
    -> PrinterColumn
  {
    PrinterColumn(name, priority: priority) { object, _ in
      switch object[path: path] {
      case .string(let s) where !s.isEmpty: return .string(s)
      case .int(let i): return .string(String(i))
      default: return .string(fallback)
      }
    }
  }

  static func integer(_ name: String, _ path: [String]) -> PrinterColumn {
    PrinterColumn(name, type: "integer") { object, _ in .int(object[path: path]?.int ?? 0) }
  }

  /// The columns for a type: the built-in printers for the kinds kubectl users look at, the
  /// CRD's printer columns when given, else Name and Age.
  public static func columns(for type: ResourceType, printerColumns: [JSON]? = nil) -> [PrinterColumn] {
    if let printerColumns, !printerColumns.isEmpty {
      return [.name] + printerColumns.compactMap(PrinterColumn.init(printerColumn:))
    }
    return BuiltInColumns.columns(for: type) ?? [.name, .age]
  }
}

/// `duration.HumanDuration` from k8s.io/apimachinery: "45s", "5m10s", "3h", "2d4h", "1y30d".
enum HumanDuration {
  static func since(_ date: Date, now: Date) -> String { format(seconds: now.timeIntervalSince(date)) }

  static func format(seconds interval: Double) -> String {
    guard interval.isFinite, abs(interval) < 1e15 else { return "<invalid>" }
    let seconds = Int(interval)
    if seconds < -1 { return "<invalid>" }
    if seconds < 0 { return "0s" }
    if seconds < 120 { return "\(seconds)s" }
    let minutes = seconds / 60
    if minutes < 10 { return seconds % 60 == 0 ? "\(minutes)m" : "\(minutes)m\(seconds % 60)s" }
    if minutes < 180 { return "\(minutes)m" }
    let hours = minutes / 60
    if hours < 8 { return minutes % 60 == 0 ? "\(hours)h" : "\(hours)h\(minutes % 60)m" }
    if hours < 48 { return "\(hours)h" }
    if hours < 24 * 8 { return hours % 24 == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(hours % 24)h" }
    if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
    if hours < 24 * 365 * 8 {
      let days = (hours / 24) % 365
      return days == 0 ? "\(hours / 24 / 365)y" : "\(hours / 24 / 365)y\(days)d"
    }
    return "\(hours / 24 / 365)y"
  }
}

/// The subset of JSONPath printer columns use: `.a.b`, `.a[0]`, `.a[*].b`, escaped dots in
/// keys (`.metadata.labels.node\.kubernetes\.io/instance-type`) and `[?(@.type=="Ready")]`.
enum SimpleJSONPath {
  enum Step {
    case key(String)
    case index(Int)
    case all
    case filter(key: String, value: String)
  }

  static func parse(_ text: String) -> [Step] {
    var steps: [Step] = []
    var chars = Array(text.trimmingCharacters(in: CharacterSet(charactersIn: "{}")))
    if chars.first == "$" { chars.removeFirst() }
    var i = 0
    while i < chars.count {
      if chars[i] == "." {
        i += 1
        var key = ""
        while i < chars.count, chars[i] != ".", chars[i] != "[" {
          if chars[i] == "\\", i + 1 < chars.count {
            key.append(chars[i + 1])
            i += 2
          } else {
            key.append(chars[i])
            i += 1
          }
        }
        if !key.isEmpty { steps.append(.key(key)) }
      } else if chars[i] == "[" {
        guard let close = chars[i...].firstIndex(of: "]") else { return steps }
        let inside = String(chars[(i + 1)..<close])
        if inside == "*" {
          steps.append(.all)
        } else if let n = Int(inside) {
          steps.append(.index(n))
        } else if inside.hasPrefix("?(@."), let eq = inside.range(of: "==") {
          let key = String(inside[inside.index(inside.startIndex, offsetBy: 4)..<eq.lowerBound])
          var value = String(inside[eq.upperBound...].dropLast())
          value = value.trimmingCharacters(in: CharacterSet(charactersIn: "\"' "))
          steps.append(.filter(key: key, value: value))
        }
        i = close + 1
      } else {
        i += 1
      }
    }
    return steps
  }

  static func evaluate(_ path: String, in object: JSON) -> [JSON] {
    var current = [object]
    for step in parse(path) {
      var next: [JSON] = []
      for value in current {
        switch step {
        case .key(let k): if let v = value[k] { next.append(v) }
        case .index(let n): if let a = value.array, n >= 0, n < a.count { next.append(a[n]) }
        case .all: next.append(contentsOf: value.array ?? [])
        case .filter(let k, let v):
          next.append(
            contentsOf: (value.array ?? []).filter { $0[k]?.string == v || $0[k]?.description == v })
        }
      }
      current = next
    }
    return current
  }
}
