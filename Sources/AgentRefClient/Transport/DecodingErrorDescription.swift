import Foundation

/// Short explanations of `DecodingError`, naming the JSON path that failed.
enum DecodingErrorDescription {
    static func describe(_ error: Error) -> String {
        guard let decodingError = error as? DecodingError else { return String(describing: error) }

        switch decodingError {
        case .keyNotFound(let key, let context):
            return "missing field \(path(context.codingPath + [key]))"
        case .valueNotFound(_, let context):
            return "field \(path(context.codingPath)) is null"
        case .typeMismatch(let type, let context):
            return "field \(path(context.codingPath)) is not a \(type)"
        case .dataCorrupted(let context):
            let location = context.codingPath.isEmpty ? "body" : "field \(path(context.codingPath))"
            return "\(location) is invalid (\(context.debugDescription))"
        @unknown default:
            return String(describing: decodingError)
        }
    }

    /// `data[2].status` for a coding path.
    private static func path(_ codingPath: [CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : "." + key.stringValue
            }
        }
        return text.isEmpty ? "(root)" : text
    }
}
