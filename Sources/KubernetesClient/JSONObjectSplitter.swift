/// Cuts a stream of bytes into the JSON objects it holds, one after another, however the bytes
/// were split into chunks: a watch's body is newline-delimited JSON sent in chunks that may end
/// anywhere, even inside a string. Whitespace between objects is skipped. An object longer than
/// `maxObjectBytes`, or anything between objects that is not one, is an error, so a broken or
/// hostile stream cannot grow memory without bound.
struct JSONObjectSplitter {
  /// Why the stream is not a sequence of JSON objects.
  struct Failure: Error, CustomStringConvertible, Equatable {
    var description: String
  }

  let maxObjectBytes: Int
  private var buffer: [UInt8] = []
  private var depth = 0
  private var inString = false
  private var escaped = false

  init(maxObjectBytes: Int) {
    self.maxObjectBytes = maxObjectBytes
  }

  /// Whether part of an object has been read but not its end.
  var holdsPartialObject: Bool { !buffer.isEmpty }

  /// Feeds `bytes`; returns the objects they complete, in order.
  mutating func append<Bytes: Sequence<UInt8>>(_ bytes: Bytes) throws(Failure) -> [[UInt8]] {
    var objects: [[UInt8]] = []
    for byte in bytes {
      if depth == 0 {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
          continue
        case UInt8(ascii: "{"):
          depth = 1
          buffer.append(byte)
          continue
        default:
          throw Failure(description: "expected a JSON object, found the byte 0x\(String(byte, radix: 16))")
        }
      }
      buffer.append(byte)
      guard buffer.count <= maxObjectBytes else {
        throw Failure(description: "an event is longer than \(maxObjectBytes) bytes")
      }
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        if depth == 0 {
          objects.append(buffer)
          buffer.removeAll(keepingCapacity: buffer.count < 1 << 20)
        }
      default: break
      }
    }
    return objects
  }
}
