import Testing
@Test func placeholder_NumericTests() { #expect(true) }
