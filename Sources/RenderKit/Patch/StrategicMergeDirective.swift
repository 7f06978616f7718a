/// The names apimachinery gives its directives.
enum StrategicMergeDirective {
  static let patch = "$patch"
  static let retainKeys = "$retainKeys"
  static let setElementOrder = "$setElementOrder"
  static let deleteFromPrimitiveList = "$deleteFromPrimitiveList"
  static let all = [patch, retainKeys, setElementOrder, deleteFromPrimitiveList]
  static let delete = "delete"
  static let replace = "replace"
}
