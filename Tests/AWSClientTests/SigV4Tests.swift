import Crypto
import Foundation
import Testing

@testable import AWSClient

/// Vectors from AWS's published SigV4 test suite (AKIDEXAMPLE, 20150830T123600Z, us-east-1,
/// service "service"); each was also checked against botocore's signer.
@Suite struct SigV4Tests {
  let credentials = AWSCredentials(
    accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
  let signer = SigV4Signer(service: "service", region: "us-east-1")
  let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z

  func signed(_ method: String, query: [(String, String)] = []) -> AWSSignableRequest {
    var request = AWSSignableRequest(
      method: method, path: "/", query: query, headers: [("Host", "example.amazonaws.com")])
    signer.sign(&request, credentials: credentials, date: date)
    return request
  }

  @Test func amzDateIsCompactUTC() {
    #expect(SigV4Signer.amzDate(date) == "20150830T123600Z")
  }

  @Test func getVanillaCanonicalRequestAndStringToSign() {
    let request = signed("GET")
    let canonical = signer.canonicalRequest(request, payloadHash: SigV4Signer.hexSHA256(Data()))
    #expect(
      canonical == """
        GET
        /

        host:example.amazonaws.com
        x-amz-date:20150830T123600Z

        host;x-amz-date
        e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
        """)
    let toSign = signer.stringToSign(
      canonicalRequest: canonical, amzDate: "20150830T123600Z",
      scope: signer.credentialScope("20150830T123600Z"))
    #expect(
      toSign.hasSuffix(
        "20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63"
      ))
  }

  @Test func getVanillaSignature() {
    #expect(
      signed("GET").header("Authorization")
        == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
    )
  }

  @Test func queryParametersAreSortedByName() {
    let request = signed("GET", query: [("Param2", "value2"), ("Param1", "value1")])
    #expect(signer.canonicalQuery(request.query) == "Param1=value1&Param2=value2")
    #expect(
      request.header("Authorization")?.hasSuffix(
        "Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500") == true)
  }

  @Test func postVanillaSignature() {
    #expect(
      signed("POST").header("Authorization")?.hasSuffix(
        "Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b") == true)
  }

  @Test func signingKeyMatchesAWSDocumentationExample() {
    let key = SigV4Signer(service: "iam", region: "us-east-1").signingKey(
      secret: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", day: "20120215")
    #expect(
      key.withUnsafeBytes { SigV4Signer.hex($0) }
        == "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
  }

  @Test func sessionTokenIsSentAndSigned() {
    var request = AWSSignableRequest(method: "GET", path: "/", headers: [("Host", "example.amazonaws.com")])
    var session = credentials
    session.sessionToken = "token-value"
    signer.sign(&request, credentials: session, date: date)
    #expect(request.header("X-Amz-Security-Token") == "token-value")
    #expect(
      request.header("Authorization")?.contains("SignedHeaders=host;x-amz-date;x-amz-security-token") == true)
  }

  @Test func headerValuesAreTrimmedAndLowercasedNames() {
    let request = AWSSignableRequest(
      method: "GET", path: "/", headers: [("My-Header1", "  value1  value2 "), ("Host", "h")])
    #expect(signer.canonicalHeaders(request) == "host:h\nmy-header1:value1 value2\n")
  }

  @Test(arguments: [
    ("a b", "a%20b"), ("a/b", "a%2Fb"), ("-_.~", "-_.~"), ("é", "%C3%A9"), ("a+b=c", "a%2Bb%3Dc"),
  ])
  func uriEncodingFollowsSigV4Rules(input: String, expected: String) {
    #expect(URIEncoding.encode(input) == expected)
  }

  @Test func canonicalPathIsEncodedTwiceOutsideS3() {
    #expect(signer.canonicalPath("/clusters/a b") == "/clusters/a%2520b")
    #expect(signer.canonicalPath("/clusters/plain-name") == "/clusters/plain-name")
    #expect(signer.canonicalPath("") == "/")
  }

  @Test func pathKeepsSlashes() {
    #expect(URIEncoding.encodePath("/clusters/my cluster") == "/clusters/my%20cluster")
  }
}
