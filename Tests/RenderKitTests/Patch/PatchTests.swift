import Testing

/// Groups the patch stage's suites, so `swift test --filter Patch` runs them all.
@Suite enum PatchTests {}
