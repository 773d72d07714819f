import Foundation
import Yams

/// A YAML node together with the file it came from, so every problem names its place.
struct YAMLValue {
    let node: Node
    let file: String

    var location: SourceLocation { location(offset: 0) }

    /// The location `offset` characters into a scalar (columns of point expressions).
    func location(offset: Int) -> SourceLocation {
        let mark = node.mark
        var column = (mark?.column ?? 1) + offset
        if case .scalar(let scalar) = node, scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            column += 1
        }
        return SourceLocation(file: file, line: mark?.line ?? 1, column: column)
    }

    /// Parses a whole file; YAML syntax errors become diagnostics with their place.
    static func parse(file: String, text: String) throws(AtlasError) -> YAMLValue {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw AtlasError(SourceLocation(file: file, line: 1, column: 1), "the file is empty")
            }
            return YAMLValue(node: node, file: file)
        } catch let error as AtlasError {
            throw error
        } catch let error as YamlError {
            throw AtlasError(Self.describe(error, file: file))
        } catch {
            throw AtlasError(file: file, "cannot parse YAML: \(error)")
        }
    }

    private static func describe(_ error: YamlError, file: String) -> [Diagnostic] {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let where_ = SourceLocation(file: file, line: mark.line, column: mark.column)
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }
            return [Diagnostic(where_, "YAML syntax: " + text.joined(separator: ": "))]
        case .duplicatedKeysInMapping(let duplicates, let context):
            let where_ = SourceLocation(file: file, line: context.mark.line, column: context.mark.column)
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return [Diagnostic(where_, "duplicate key \(names) in this mapping")]
        case .reader(let problem, let offset, _, _):
            return [Diagnostic(SourceLocation(file: file, line: 1, column: 1),
                               "YAML cannot be read: \(problem)" + (offset.map { " at byte \($0)" } ?? ""))]
        default:
            return [Diagnostic(SourceLocation(file: file, line: 1, column: 1), "YAML: \(error)")]
        }
    }

    // MARK: typed access; each reports what it expected and returns nil on a mismatch

    func mapping(_ log: DiagnosticLog, what: String = "a mapping") -> YAMLMapping? {
        guard case .mapping(let mapping) = node else {
            log.report(location, "expected \(what)")
            return nil
        }
        var entries: [YAMLMapping.Entry] = []
        var seen: Set<String> = []
        for (key, value) in mapping {
            let keyValue = YAMLValue(node: key, file: file)
            guard let name = key.scalar?.string else {
                log.report(keyValue.location, "a key must be plain text")
                continue
            }
            if !seen.insert(name).inserted {
                log.report(keyValue.location, "duplicate key '\(name)'")
                continue
            }
            entries.append(.init(key: name, keyLocation: keyValue.location, value: YAMLValue(node: value, file: file)))
        }
        return YAMLMapping(entries: entries, location: location)
    }

    func sequence(_ log: DiagnosticLog, what: String = "a list") -> [YAMLValue]? {
        guard case .sequence(let sequence) = node else {
            log.report(location, "expected \(what)")
            return nil
        }
        return sequence.map { YAMLValue(node: $0, file: file) }
    }

    var scalarText: String? { node.scalar?.string }

    func string(_ log: DiagnosticLog, what: String = "text") -> String? {
        guard let text = scalarText, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            log.report(location, "expected \(what), found \(kindDescription)")
            return nil
        }
        return text
    }

    /// What the node is, for messages ("a mapping": often a stray `: ` in plain text).
    var kindDescription: String {
        switch node {
        case .scalar(let scalar): scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
        case .mapping: "a mapping (if this is text containing ': ', put it in quotes)"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    func number(_ log: DiagnosticLog) -> Double? {
        guard let text = scalarText, let value = Double(text), value.isFinite else {
            log.report(location, "expected a number")
            return nil
        }
        return value
    }

    func bool(_ log: DiagnosticLog) -> Bool? {
        switch scalarText {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            log.report(location, "expected true or false")
            return nil
        }
    }

    /// A string that must be one of `choices`.
    func choice(_ log: DiagnosticLog, _ choices: [String]) -> String? {
        guard let text = scalarText, choices.contains(text) else {
            let hint = scalarText.map { Suggestions.hint(for: $0, among: choices) } ?? ""
            log.report(location, "expected one of \(choices.joined(separator: ", ")), found '\(scalarText ?? "a non-text value")'\(hint)")
            return nil
        }
        return text
    }

    /// A list of strings, or a single string taken as a list of one.
    func strings(_ log: DiagnosticLog) -> [String]? {
        if scalarText != nil { return string(log).map { [$0] } }
        guard let items = sequence(log, what: "a list of text") else { return nil }
        return items.compactMap { $0.string(log) }
    }
}

/// A YAML mapping with its keys checked against what the format allows.
struct YAMLMapping {
    struct Entry {
        var key: String
        var keyLocation: SourceLocation
        var value: YAMLValue
    }

    let entries: [Entry]
    let location: SourceLocation

    subscript(key: String) -> YAMLValue? {
        entries.first { $0.key == key }?.value
    }

    /// Reports unknown keys and missing required ones; returns false if any were found.
    @discardableResult
    func check(required: [String], optional: [String] = [], in what: String, _ log: DiagnosticLog) -> Bool {
        var ok = true
        let allowed = Set(required + optional)
        for entry in entries where !allowed.contains(entry.key) {
            let known = (required + optional).joined(separator: ", ")
            let hint = Suggestions.hint(for: entry.key, among: required + optional)
            log.report(entry.keyLocation, "unknown key '\(entry.key)' in \(what)\(hint) (expected: \(known))")
            ok = false
        }
        for key in required where self[key] == nil {
            log.report(location, "missing key '\(key)' in \(what)")
            ok = false
        }
        return ok
    }
}
