/// A place in an input file: 1-based line and column.
public struct SourceLocation: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem found in an input file, printed as `file:line:column: message`.
public struct Diagnostic: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}

/// Thrown when input files are invalid; carries every problem found, not just the first.
public struct AtlasError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ location: SourceLocation, _ message: String) {
        self.diagnostics = [Diagnostic(location, message)]
    }

    /// An error about a whole file (it could not be read, for example).
    public init(file: String, _ message: String) {
        self.init(SourceLocation(file: file, line: 1, column: 1), message)
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Collects diagnostics while a loader keeps going, so one run reports every problem.
public final class DiagnosticLog {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public func report(_ location: SourceLocation, _ message: String) {
        diagnostics.append(Diagnostic(location, message))
    }

    public func absorb(_ error: Error, file: String) {
        if let atlasError = error as? AtlasError {
            diagnostics.append(contentsOf: atlasError.diagnostics)
        } else {
            report(SourceLocation(file: file, line: 1, column: 1), "\(error)")
        }
    }

    public var isEmpty: Bool { diagnostics.isEmpty }
}
