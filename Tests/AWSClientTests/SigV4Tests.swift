import Testing
@testable import AWSClient
