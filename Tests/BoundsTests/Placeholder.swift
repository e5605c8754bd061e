import Testing
@Test func placeholder_BoundsTests() { #expect(true) }
