import Foundation

/// The model file (docs/model-format.md): one UTF-8 JSON object
/// `{"format": "ratecalc.sequence-model", "format_version": 1, "configuration": {…},
///   "parameter_count": n, "tensors": [{"name", "shape", "values"}, …]}`
/// with every tensor row-major and Float32 values written in shortest round-trip decimal form,
/// so loading gives back exactly the saved weights.
struct SequenceModelFile: Codable {
    static let formatName = "ratecalc.sequence-model"
    static let currentVersion = 1

    struct Tensor: Codable {
        var name: String
        var shape: [Int]
        var values: [Float]
    }

    var format: String
    var formatVersion: Int
    var configuration: SequenceModelConfiguration
    var parameterCount: Int
    var tensors: [Tensor]

    enum CodingKeys: String, CodingKey {
        case format, formatVersion = "format_version", configuration, parameterCount = "parameter_count", tensors
    }
}

extension TrainedSequenceModel {
    /// Writes the model file described in docs/model-format.md.
    public func save(to url: URL) throws {
        let file = SequenceModelFile(
            format: SequenceModelFile.formatName, formatVersion: SequenceModelFile.currentVersion,
            configuration: configuration, parameterCount: parameters.count,
            tensors: tensors.map { .init(name: $0.name, shape: $0.shape, values: Array(parameters[$0.offset..<($0.offset + $0.count)])) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(file).write(to: url, options: .atomic)
    }

    /// Reads a model file; throws `EngineError` naming the first field or tensor that does not
    /// match the architecture its configuration describes.
    public static func load(from url: URL) throws -> TrainedSequenceModel {
        let data = try Data(contentsOf: url)
        let file: SequenceModelFile
        do {
            file = try JSONDecoder().decode(SequenceModelFile.self, from: data)
        } catch {
            throw EngineError("\(url.path) is not a ratecalc model file: \(error.localizedDescription)")
        }
        guard file.format == SequenceModelFile.formatName else {
            throw EngineError("\(url.path): format is \"\(file.format)\", expected \"\(SequenceModelFile.formatName)\"")
        }
        guard file.formatVersion == SequenceModelFile.currentVersion else {
            throw EngineError("\(url.path): format_version \(file.formatVersion) is not supported (expected \(SequenceModelFile.currentVersion))")
        }
        try file.configuration.validate()
        let layout = SequenceNetwork<Float>(file.configuration, seed: 0).layout
        guard file.tensors.count == layout.tensors.count else {
            throw EngineError("\(url.path): \(file.tensors.count) tensors, the configuration needs \(layout.tensors.count)")
        }
        var parameters = [Float](repeating: 0, count: layout.count)
        for (expected, tensor) in zip(layout.tensors, file.tensors) {
            guard tensor.name == expected.name, tensor.shape == expected.shape, tensor.values.count == expected.count else {
                throw EngineError("\(url.path): tensor \"\(tensor.name)\" \(tensor.shape) with \(tensor.values.count) values, expected \"\(expected.name)\" \(expected.shape)")
            }
            parameters.replaceSubrange(expected.offset..<(expected.offset + expected.count), with: tensor.values)
        }
        return TrainedSequenceModel(configuration: file.configuration, parameters: parameters, tensors: layout.tensors)
    }
}
