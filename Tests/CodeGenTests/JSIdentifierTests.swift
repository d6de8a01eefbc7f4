import Testing
@testable import CodeGen

@Suite struct JSIdentifierTests {
    @Test func identifiersRejectReservedAndOddNames() {
        #expect(JSIdentifier(validating: "open") != nil)
        #expect(JSIdentifier(validating: "class") == nil)
        #expect(JSIdentifier(validating: "1a") == nil)
        #expect(JSIdentifier(validating: "a-b") == nil)
        #expect(JSIdentifier(validating: "") == nil)
        #expect(JSIdentifier(validating: "Object") == nil)
        #expect(JSIdentifier(validating: "open")?.setterName.name == "setOpen")
    }
}
