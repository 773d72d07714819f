/// A point as written in an atlas file, before landmarks are looked up.
/// Grammar: `term ('+' '(' dx ',' dy ')')*`, where a term is a landmark name,
/// `[x, y]`-style `(x, y)`, `mid(point, point)` or `lerp(point, point, t)`.
indirect enum PointExpression: Equatable {
    case literal(Point)
    case landmark(String, column: Int)
    case offset(PointExpression, Point)
    case mid(PointExpression, PointExpression)
    case lerp(PointExpression, PointExpression, Double)

    /// The value, with landmarks from `landmarks`; nil and a report for an unknown name.
    func resolve(_ landmarks: [String: Point], unknown: (String, Int) -> Void) -> Point? {
        switch self {
        case .literal(let p): return p
        case .landmark(let name, let column):
            guard let p = landmarks[name] else { unknown(name, column); return nil }
            return p
        case .offset(let base, let delta):
            return base.resolve(landmarks, unknown: unknown).map { $0 + delta }
        case .mid(let a, let b):
            guard let pa = a.resolve(landmarks, unknown: unknown),
                  let pb = b.resolve(landmarks, unknown: unknown) else { return nil }
            return pa.lerp(to: pb, 0.5)
        case .lerp(let a, let b, let t):
            guard let pa = a.resolve(landmarks, unknown: unknown),
                  let pb = b.resolve(landmarks, unknown: unknown) else { return nil }
            return pa.lerp(to: pb, t)
        }
    }
}

/// A parse failure at a 0-based character offset into the expression.
struct PointSyntaxError: Error, Equatable {
    var offset: Int
    var message: String
}

/// Recursive-descent parser for point expressions.
struct PointExpressionParser {
    private let characters: [Character]
    private var index = 0

    static func parse(_ text: String) throws(PointSyntaxError) -> PointExpression {
        var parser = PointExpressionParser(characters: Array(text))
        let expression = try parser.expression()
        parser.skipSpaces()
        if parser.index < parser.characters.count {
            throw PointSyntaxError(offset: parser.index, message: "unexpected '\(parser.characters[parser.index])' in point '\(text)'")
        }
        return expression
    }

    private init(characters: [Character]) {
        self.characters = characters
    }

    private mutating func expression() throws(PointSyntaxError) -> PointExpression {
        var result = try term()
        while true {
            skipSpaces()
            guard peek == "+" || peek == "-" else { return result }
            let negative = peek == "-"
            index += 1
            let delta = try pair()
            result = .offset(result, negative ? delta * -1 : delta)
        }
    }

    private mutating func term() throws(PointSyntaxError) -> PointExpression {
        skipSpaces()
        if peek == "(" || peek == "[" { return .literal(try pair()) }
        let start = index
        let name = identifier()
        guard !name.isEmpty else { throw fail("expected a landmark name, a pair (x, y), mid(...) or lerp(...)") }
        skipSpaces()
        guard peek == "(" else { return .landmark(name, column: start) }
        switch name {
        case "mid":
            try expect("(")
            let a = try expression()
            try expect(",")
            let b = try expression()
            try expect(")")
            return .mid(a, b)
        case "lerp":
            try expect("(")
            let a = try expression()
            try expect(",")
            let b = try expression()
            try expect(",")
            let t = try number()
            try expect(")")
            return .lerp(a, b, t)
        default:
            index = start
            throw fail("unknown function '\(name)' (expected mid or lerp)")
        }
    }

    /// `(x, y)` or `[x, y]`.
    private mutating func pair() throws(PointSyntaxError) -> Point {
        skipSpaces()
        let close: Character
        switch peek {
        case "(": close = ")"
        case "[": close = "]"
        default: throw fail("expected '(' to start an offset (dx, dy)")
        }
        index += 1
        let x = try number()
        try expect(",")
        let y = try number()
        try expect(close)
        return Point(x, y)
    }

    private mutating func number() throws(PointSyntaxError) -> Double {
        skipSpaces()
        let start = index
        if peek == "-" || peek == "+" { index += 1 }
        while let c = peek, c.isNumber || c == "." { index += 1 }
        guard let value = Double(String(characters[start..<index])), value.isFinite else {
            index = start
            throw fail("expected a number")
        }
        return value
    }

    private mutating func identifier() -> String {
        let start = index
        while let c = peek, c.isLetter || c.isNumber || c == "-" || c == "_" {
            // A '-' followed by a space or '(' is an operator, not part of a name.
            if c == "-", index + 1 < characters.count, characters[index + 1] == " " || characters[index + 1] == "(" { break }
            index += 1
        }
        return String(characters[start..<index])
    }

    private mutating func expect(_ c: Character) throws(PointSyntaxError) {
        skipSpaces()
        guard peek == c else { throw fail("expected '\(c)'") }
        index += 1
    }

    private mutating func skipSpaces() {
        while peek == " " || peek == "\t" { index += 1 }
    }

    private var peek: Character? { index < characters.count ? characters[index] : nil }

    private func fail(_ message: String) -> PointSyntaxError {
        PointSyntaxError(offset: index, message: message)
    }
}
