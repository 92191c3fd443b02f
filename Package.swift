// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "vliegwiel",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "vliegwiel", targets: ["Vliegwiel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // Pure Swift: the register panel and every analysis method. Foundation only.
        .target(name: "Analysis"),
        // Typed HTML whose rendering escapes every text and attribute value: the only way views
        // write markup. No dependencies.
        .target(name: "Markup"),
        .target(
            name: "App",
            dependencies: [
                "Analysis",
                "Markup",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources/Reference"), .copy("Resources/Geo"), .copy("Resources/Demo")]
        ),
        .executableTarget(name: "Vliegwiel", dependencies: ["App"]),
        .testTarget(name: "MarkupTests", dependencies: ["Markup"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"], resources: [.copy("Resources/oracles")]),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["Snapshots/__Snapshots__"]
        ),
    ]
)
