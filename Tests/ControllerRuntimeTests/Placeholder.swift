import Testing
@testable import ControllerRuntime
