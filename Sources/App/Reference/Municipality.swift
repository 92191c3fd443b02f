import Fluent

/// A Dutch municipality (CBS 2024 division).
final class Municipality: Model, @unchecked Sendable {
    static let schema = "municipalities"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "name") var name: String
    @Field(key: "corop_code") var coropCode: String
    @Field(key: "corop_name") var coropName: String
    @Field(key: "province_code") var provinceCode: String
    @Field(key: "province_name") var provinceName: String

    init() {}
}
