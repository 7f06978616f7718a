/// Writes entries into one mapping of a `metadata` (`labels` or `annotations`): the
/// shared step of `LabelTransformer` and `AnnotationTransformer`. Entries set here win
/// over entries of the same key already there.
enum MetadataEntries {
  /// Sets `entries` into the `field` mapping of the metadata at `path` below `node`,
  /// walking only through mappings that exist: a workload without a pod template is left
  /// for the schema check to report.
  static func set(
    _ entries: [Node.Entry], into field: String, ofMetadataAt path: ArraySlice<String>,
    in node: inout Node, defaultLocation: SourceLocation
  ) {
    guard let key = path.first else { return }
    if path.count == 1 {
      node.update(key, default: .mapping([], at: defaultLocation)) { metadata in
        set(entries, into: field, of: &metadata, defaultLocation: defaultLocation)
      }
      return
    }
    guard node[key]?.isMapping == true else { return }
    node.update(key, default: .null()) { child in
      set(
        entries, into: field, ofMetadataAt: path.dropFirst(), in: &child,
        defaultLocation: defaultLocation)
    }
  }

  /// Sets `entries` into `metadata[field]`, creating the mapping when it is missing or
  /// null. A `field` that is not a mapping is left as it is, for the schema check.
  static func set(
    _ entries: [Node.Entry], into field: String, of metadata: inout Node,
    defaultLocation: SourceLocation
  ) {
    guard metadata.isMapping, metadata[field].map({ $0.isMapping || $0.isNull }) ?? true
    else { return }
    if metadata[field]?.isNull == true {
      metadata.set(field, to: .mapping([], at: defaultLocation))
    }
    metadata.update(field, default: .mapping([], at: defaultLocation)) { existing in
      for entry in entries {
        existing.set(entry.key, to: entry.value, keyLocation: entry.keyLocation)
      }
    }
  }
}
