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
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
    ],
    targets: [
        // Pure Swift: the register panel and every analysis method. Foundation only.
        .target(name: "Analysis"),
        .target(
            name: "App",
            dependencies: [
                "Analysis",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
            ],
            resources: [.copy("Resources/Reference"), .copy("Resources/Geo")]
        ),
        .executableTarget(name: "Vliegwiel", dependencies: ["App"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis"], resources: [.copy("Resources/oracles")]),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ]
)
