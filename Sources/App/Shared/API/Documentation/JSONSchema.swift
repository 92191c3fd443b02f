import Foundation

/// The JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of the API's bodies and answers, found by
/// decoding each type from nothing: every field the type asks for is written down with the type
/// it asks for, optional when it is asked with `decodeIfPresent`. So a field added to a DTO or an
/// input is in the document without anyone writing it there, and a field read in more than one
/// way (`KeyedDecodingContainer.text`: a number, a boolean or a text) gets every type it accepts.
/// Structs become named components (`#/components/schemas/...`); lists, dictionaries, optionals
/// and values are written in place.
struct JSONSchemas {
    private(set) var components: [String: JSONValue] = [:]

    /// The schema of `type`: a reference to a component for a struct, the schema itself otherwise.
    mutating func schema(for type: any Decodable.Type) -> JSONValue {
        let context = SchemaContext()
        let schema = context.describeAny(type)
        components.merge(context.components) { first, _ in first }
        return schema
    }

    /// A component written by hand (the problem document).
    mutating func add(_ name: String, _ schema: JSONValue) {
        components[name] = schema
    }

    static func reference(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

    /// `schema` or null.
    static func nullable(_ schema: JSONValue) -> JSONValue {
        guard var members = schema.objectMembers, members["$ref"] == nil, members["anyOf"] == nil else {
            if case .array(let options)? = schema["anyOf"], options.contains(["type": "null"]) { return schema }
            if case .array(let options)? = schema["anyOf"] { return ["anyOf": .array(options + [["type": "null"]])] }
            return ["anyOf": [schema, ["type": "null"]]]
        }
        switch members["type"] {
        case .string(let type)?: members["type"] = type == "null" ? "null" : [.string(type), "null"]
        case .array(let types)?: if !types.contains("null") { members["type"] = .array(types + ["null"]) }
        default: return members.isEmpty ? schema : ["anyOf": [schema, ["type": "null"]]]
        }
        if case .array(let values)? = members["enum"], !values.contains(.null) { members["enum"] = .array(values + [.null]) }
        return .object(members)
    }

    /// One schema for a field read in several ways: the types together when each is a plain
    /// type, otherwise any of them.
    static func either(_ schemas: [JSONValue]) -> JSONValue {
        var unique: [JSONValue] = []
        for schema in schemas where !unique.contains(schema) { unique.append(schema) }
        guard unique.count > 1 else { return unique.first ?? [:] }
        var types: [JSONValue] = []
        for schema in unique {
            guard let members = schema.objectMembers, members.keys.allSatisfy({ $0 == "type" }) else { return ["anyOf": .array(unique)] }
            switch members["type"] {
            case .string(let type)?: types.append(.string(type))
            case .array(let some)?: types.append(contentsOf: some)
            default: return ["anyOf": .array(unique)]
            }
        }
        var seen: [JSONValue] = []
        for type in types where !seen.contains(type) { seen.append(type) }
        // `null` last, as `nullable` writes it.
        seen.sort { ($0 == "null" ? 1 : 0) < ($1 == "null" ? 1 : 0) }
        return ["type": .array(seen)]
    }
}

/// Optionals: decoded as their wrapped type or null.
private protocol OptionalDescription {
    static var wrappedType: any Decodable.Type { get }
    static var nothing: Self { get }
}

extension Optional: OptionalDescription where Wrapped: Decodable {
    fileprivate static var wrappedType: any Decodable.Type { Wrapped.self }
    fileprivate static var nothing: Self { nil }
}

/// What one decoding asked for: an object's fields, a list's items, or one value.
private final class SchemaNode {
    enum Shape { case unknown, object, array, value }
    enum Part { case schema(JSONValue), node(SchemaNode) }

    struct Field {
        var parts: [Part] = []
        var optional: [Bool] = []
    }

    /// The key a dictionary's decoding gets from `allKeys`: its values' schema is the object's
    /// `additionalProperties`. A struct's `CodingKeys` cannot be made from it.
    static let anyKey = "\u{0}any"

    var shape = Shape.unknown
    var fieldOrder: [String] = []
    var fields: [String: Field] = [:]
    var items: [Part] = []
    var values: [JSONValue] = []
    var nullable = false

    func field(_ key: String, _ part: Part, optional: Bool) {
        shape = .object
        if fields[key] == nil { fieldOrder.append(key) }
        fields[key, default: Field()].parts.append(part)
        fields[key, default: Field()].optional.append(optional)
    }

    /// Whether the decoding read a dictionary (only the any-key).
    var isDictionary: Bool { shape == .object && fieldOrder == [Self.anyKey] }

    func schema() -> JSONValue {
        let schema: JSONValue
        switch shape {
        case .unknown:
            schema = [:]
        case .value:
            schema = JSONSchemas.either(values)
        case .array:
            schema = ["type": "array", "items": JSONSchemas.either(items.map(Self.schema))]
        case .object:
            var members: [String: JSONValue] = ["type": "object"]
            var properties: [String: JSONValue] = [:]
            var required: [JSONValue] = []
            for key in fieldOrder {
                let field = fields[key]!
                let alternatives = zip(field.parts, field.optional).map { part, optional in
                    optional ? JSONSchemas.nullable(Self.schema(part)) : Self.schema(part)
                }
                if key == Self.anyKey {
                    members["additionalProperties"] = JSONSchemas.either(alternatives)
                } else {
                    properties[key] = JSONSchemas.either(alternatives)
                    if field.optional.contains(false) { required.append(.string(key)) }
                }
            }
            if !properties.isEmpty { members["properties"] = .object(properties) }
            if !required.isEmpty { members["required"] = .array(required) }
            schema = .object(members)
        }
        return nullable ? JSONSchemas.nullable(schema) : schema
    }

    private static func schema(_ part: Part) -> JSONValue {
        switch part {
        case .schema(let schema): schema
        case .node(let node): node.schema()
        }
    }
}

/// The types JSON has a word for, each with a sample value: the decoding of the type that holds
/// one goes on with it, so that every later field is written down too.
private let plainTypes: [ObjectIdentifier: (schema: JSONValue, sample: any Sendable)] = {
    let integer: JSONValue = ["type": "integer"], number: JSONValue = ["type": "number"]
    return [
        ObjectIdentifier(String.self): (["type": "string"], ""),
        ObjectIdentifier(Bool.self): (["type": "boolean"], false),
        ObjectIdentifier(Int.self): (integer, 0), ObjectIdentifier(Int64.self): (integer, Int64(0)),
        ObjectIdentifier(Int32.self): (integer, Int32(0)), ObjectIdentifier(Int16.self): (integer, Int16(0)),
        ObjectIdentifier(Int8.self): (integer, Int8(0)), ObjectIdentifier(UInt.self): (integer, UInt(0)),
        ObjectIdentifier(UInt64.self): (integer, UInt64(0)), ObjectIdentifier(UInt32.self): (integer, UInt32(0)),
        ObjectIdentifier(Double.self): (number, 0.0), ObjectIdentifier(Float.self): (number, Float(0)),
        ObjectIdentifier(Decimal.self): (number, Decimal(0)),
        ObjectIdentifier(UUID.self): (["type": "string", "format": "uuid"], UUID()),
        // Vapor's JSON coders write dates as ISO 8601.
        ObjectIdentifier(Date.self): (["type": "string", "format": "date-time"], Date(timeIntervalSince1970: 0)),
        ObjectIdentifier(URL.self): (["type": "string", "format": "uri-reference"], URL(fileURLWithPath: "/")),
    ]
}()

private struct SchemaProblem: Error {}

/// One run of describing: the components found on the way.
private final class SchemaContext {
    var components: [String: JSONValue] = [:]

    /// The schema of `type` and, when one could be made, a value of it for the decoding to go on.
    func describe<T>(_ type: T.Type) -> (schema: JSONValue, value: T?) where T: Decodable {
        if let plain = plainTypes[ObjectIdentifier(type)] { return (plain.schema, plain.sample as? T) }
        if let optional = type as? any OptionalDescription.Type {
            return (JSONSchemas.nullable(describeAny(optional.wrappedType)), optional.nothing as? T)
        }
        if let enumeration = type as? any CaseIterable.Type, let cases = Self.cases(of: enumeration) {
            return (cases.schema, cases.first as? T)
        }
        let node = SchemaNode()
        let value = try? T(from: SchemaDecoder(node: node, context: self))
        let schema = node.schema()
        guard node.shape == .object, !node.isDictionary else { return (schema, value) }
        let name = Self.componentName(type)
        if components[name] == nil { components[name] = schema }
        return (JSONSchemas.reference(name), value)
    }

    func describeAny(_ type: any Decodable.Type) -> JSONValue {
        schema(of: type)
    }

    private func schema<T: Decodable>(of type: T.Type) -> JSONValue { describe(type).schema }

    /// An enumeration's raw values (texts or whole numbers) and its first case.
    private static func cases<C: CaseIterable>(of type: C.Type) -> (schema: JSONValue, first: C?)? {
        var values: [JSONValue] = []
        for value in C.allCases {
            switch (value as? any RawRepresentable)?.rawValue {
            case let text as String: values.append(.string(text))
            case let number as Int: values.append(.integer(number))
            default: return nil
            }
        }
        guard let first = values.first else { return nil }
        var type: JSONValue = "integer"
        if case .string = first { type = "string" }
        return (["type": type, "enum": .array(values)], C.allCases.first)
    }

    /// `App.OrganisationsResource.DTO` → `OrganisationsResourceDTO`.
    private static func componentName(_ type: Any.Type) -> String {
        let name = String(reflecting: type).replacingOccurrences(of: "App.", with: "").replacingOccurrences(of: "Swift.", with: "")
        return String(name.filter { $0.isLetter || $0.isNumber })
    }
}

/// A decoder with no data that writes down what it is asked for into a `SchemaNode`.
private struct SchemaDecoder: Decoder {
    let node: SchemaNode
    let context: SchemaContext
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        node.shape = .object
        return KeyedDecodingContainer(KeyedSchemaContainer<Key>(node: node, context: context, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        node.shape = .array
        return UnkeyedSchemaContainer(node: node, context: context, codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        node.shape = .value
        return SingleSchemaContainer(node: node, context: context, codingPath: codingPath)
    }
}

private struct KeyedSchemaContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: SchemaNode
    let context: SchemaContext
    var codingPath: [any CodingKey]

    var allKeys: [Key] { [Key(stringValue: SchemaNode.anyKey)].compactMap { $0 } }
    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let (schema, value) = context.describe(type)
        node.field(key.stringValue, .schema(schema), optional: false)
        guard let value else { throw SchemaProblem() }
        return value
    }

    /// Written down as optional and answered with nothing, so that a decoder that tries several
    /// types in turn (`try? decodeIfPresent(Double.self, ...)`, then text) shows every one.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try decodeIfPresent(type, key)
    }

    // The plain types' own requirements: without these the protocol's defaults would answer them
    // through `decodeNil` and `decode`, as if the field were required.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try decodeIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try decodeIfPresent(type, key) }

    private func decodeIfPresent<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T? {
        node.field(key.stringValue, .schema(context.describe(type).schema), optional: true)
        return nil
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        let child = SchemaNode()
        node.field(key.stringValue, .node(child), optional: true)
        return try SchemaDecoder(node: child, context: context).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let child = SchemaNode()
        node.field(key.stringValue, .node(child), optional: true)
        return try SchemaDecoder(node: child, context: context).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { SchemaDecoder(node: node, context: context) }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        let child = SchemaNode()
        node.field(key.stringValue, .node(child), optional: false)
        return SchemaDecoder(node: child, context: context)
    }
}

/// A list with one item, so that its item type is written down once.
private struct UnkeyedSchemaContainer: UnkeyedDecodingContainer {
    let node: SchemaNode
    let context: SchemaContext
    var codingPath: [any CodingKey]
    var currentIndex = 0
    var count: Int? { nil }
    var isAtEnd: Bool { currentIndex > 0 }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        currentIndex += 1
        let (schema, value) = context.describe(type)
        node.items.append(.schema(schema))
        guard let value else { throw SchemaProblem() }
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        currentIndex += 1
        let child = SchemaNode()
        node.items.append(.node(child))
        return try SchemaDecoder(node: child, context: context).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        currentIndex += 1
        let child = SchemaNode()
        node.items.append(.node(child))
        return try SchemaDecoder(node: child, context: context).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        currentIndex += 1
        let child = SchemaNode()
        node.items.append(.node(child))
        return SchemaDecoder(node: child, context: context)
    }
}

/// One value: a plain type is answered, anything else refused after it is written down, so that
/// a type that tries a list first and then a text shows both.
private struct SingleSchemaContainer: SingleValueDecodingContainer {
    let node: SchemaNode
    let context: SchemaContext
    var codingPath: [any CodingKey]

    func decodeNil() -> Bool {
        node.nullable = true
        return false
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (schema, value) = context.describe(type)
        node.values.append(schema)
        guard plainTypes[ObjectIdentifier(type)] != nil, let value else { throw SchemaProblem() }
        return value
    }
}
