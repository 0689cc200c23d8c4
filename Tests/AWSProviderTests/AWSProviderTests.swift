import Testing

@testable import AWSProvider
