import Foundation
import Testing
@testable import Output

@Test func sha256MatchesTheStandardVectors() {
    #expect(SHA256.hex(Array("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
}

@Test func sha256AgreesWithSha256sumOnAFile() throws {
    let folder = TempFolder()
    defer { folder.remove() }
    // Several blocks, multi-byte characters, and a length that is not a multiple of 64.
    let text = String(repeating: "export default function Pay() { return <b>€ ✓</b>; }\n", count: 37)
    try folder.put(text, at: "x.jsx")
    let (status, output) = try run("/usr/bin/sha256sum", [folder.path + "/x.jsx"])
    #expect(status == 0)
    #expect(output.hasPrefix(SHA256.hex(Array(text.utf8))))
}
