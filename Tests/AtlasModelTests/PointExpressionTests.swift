import Testing
@testable import AtlasModel

@Suite("Point expressions")
struct PointExpressionTests {
    let landmarks = ["psis": Point(47, 770), "ischial-tuberosity": Point(61, 875)]

    func value(_ text: String) throws -> Point? {
        try PointExpressionParser.parse(text).resolve(landmarks) { _, _ in }
    }

    @Test func literalLandmarkAndOffset() throws {
        #expect(try value("(3, 4)") == Point(3, 4))
        #expect(try value("psis") == Point(47, 770))
        #expect(try value("psis + (10, -20)") == Point(57, 750))
        #expect(try value("psis - (7, 0)") == Point(40, 770))
    }

    @Test func midAndLerp() throws {
        #expect(try value("mid(psis, ischial-tuberosity)") == Point(54, 822.5))
        let p = try #require(try value("lerp(psis, ischial-tuberosity, 0.5) + (1, 1)"))
        #expect(p == Point(55, 823.5))
        #expect(try value("mid(psis, (0, 0))") == Point(23.5, 385))
    }

    @Test func unknownLandmarkIsReportedWithItsColumn() throws {
        var reported: [(String, Int)] = []
        let expression = try PointExpressionParser.parse("mid(psis, ischial-tuberosty)")
        #expect(expression.resolve(landmarks) { reported.append(($0, $1)) } == nil)
        #expect(reported.count == 1)
        #expect(reported.first?.0 == "ischial-tuberosty")
        #expect(reported.first?.1 == 10)
    }

    @Test(arguments: [
        ("psis + 10", 7, "expected '('"),
        ("psis + (10 20)", 11, "expected ','"),
        ("foo(psis)", 0, "unknown function 'foo'"),
        ("(1, 2) extra", 7, "unexpected 'e'"),
        ("", 0, "expected a landmark name"),
    ])
    func syntaxErrorsNameTheirPlace(text: String, offset: Int, message: String) {
        #expect(throws: PointSyntaxError.self) { try PointExpressionParser.parse(text) }
        do {
            _ = try PointExpressionParser.parse(text)
        } catch {
            #expect(error.offset == offset, "offset for '\(text)'")
            #expect(error.message.contains(message), "\(error.message)")
        }
    }
}
