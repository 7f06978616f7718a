// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "render",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "render", targets: ["render"]),
    .library(name: "RenderKit", targets: ["RenderKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    .systemLibrary(
      name: "CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    .target(name: "YAML", dependencies: ["CYAML"]),
    .target(name: "CRenderSystem"),
    .target(
      name: "RenderKit", dependencies: ["YAML", "CRenderSystem"],
      exclude: [
        "Validate/Schema/SCHEMA-SOURCE.md",
        // The files `render init` copies; embedded by SkeletonFiles.swift (a test keeps
        // the copy equal to the folder).
        "Workflows/Init/Skeleton",
      ]),
    .executableTarget(
      name: "render",
      dependencies: [
        "RenderKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(
      name: "schema-validator-benchmark", dependencies: ["RenderKit"],
      path: "Benchmarks/SchemaValidator"),
    .executableTarget(
      name: "pattern-benchmark", dependencies: ["RenderKit"], path: "Benchmarks/Patterns"),
    // Helpers every test target shares: temporary folders, fixture paths, golden files.
    .target(name: "TestSupport", dependencies: ["RenderKit"], path: "Tests/TestSupport"),
    .testTarget(name: "YAMLTests", dependencies: ["YAML", "TestSupport"]),
    .testTarget(name: "RenderKitTests", dependencies: ["RenderKit", "YAML", "TestSupport"]),
    // End-to-end tests run the built `render` binary; depending on it makes sure it is built.
    .testTarget(name: "RenderCLITests", dependencies: ["render", "TestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
