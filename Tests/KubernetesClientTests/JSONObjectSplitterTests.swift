import Testing

@testable import KubernetesClient

@Suite struct JSONObjectSplitterTests {
  let stream =
    #"{"type":"ADDED","object":{"metadata":{"name":"a{b}\"c"}}}"# + "\n"
    + #"{"type":"DELETED","object":{"list":[1,{"x":"]"}]}}"# + "\n"

  @Test(arguments: [1, 2, 3, 7, 13, 64])
  func objectsComeOutWholeHoweverTheBytesAreCut(chunkSize: Int) throws {
    var splitter = JSONObjectSplitter(maxObjectBytes: 1024)
    let bytes = Array(stream.utf8)
    var objects: [String] = []
    var start = 0
    while start < bytes.count {
      let end = min(start + chunkSize, bytes.count)
      objects += try splitter.append(bytes[start..<end]).map { String(decoding: $0, as: UTF8.self) }
      start = end
    }
    #expect(objects == stream.split(separator: "\n").map(String.init))
    #expect(!splitter.holdsPartialObject)
  }

  @Test func anObjectLongerThanTheLimitIsAnError() {
    var splitter = JSONObjectSplitter(maxObjectBytes: 16)
    #expect(throws: JSONObjectSplitter.Failure(description: "an event is longer than 16 bytes")) {
      _ = try splitter.append(Array(#"{"type":"ADDED","object":{}}"#.utf8))
    }
  }

  @Test func bytesBetweenObjectsThatAreNotAnObjectAreAnError() {
    var splitter = JSONObjectSplitter(maxObjectBytes: 1024)
    #expect(throws: JSONObjectSplitter.Failure.self) {
      _ = try splitter.append(Array("{}\nHTTP/1.1 500".utf8))
    }
  }

  @Test func aCutObjectIsHeldUntilItsEnd() throws {
    var splitter = JSONObjectSplitter(maxObjectBytes: 1024)
    #expect(try splitter.append(Array(#"{"a":"#.utf8)).isEmpty)
    #expect(splitter.holdsPartialObject)
    #expect(try splitter.append(Array(#"1}"#.utf8)).count == 1)
  }
}
