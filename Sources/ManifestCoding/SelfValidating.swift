/// An object that knows the API server's rules for itself and reports every broken one.
public protocol SelfValidating {
  /// Every problem with the object, with field paths; empty when it is valid.
  func validate() -> [FieldError]
}
