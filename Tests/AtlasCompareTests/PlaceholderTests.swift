import Testing
@testable import AtlasCompare

@Test func comparisonModuleBuilds() {
    #expect(Bool(true))
}
