/// Whisper conditions on its prompt as if it were earlier transcript, and now and then it copies
/// that transcript instead of hearing the audio: after "Notion's pricing changed, so our team plan
/// costs more now.", "Um, the hero, the hero should, like, have a big headline" came back as "Notion, notion,
/// like, have a mid-headline". The copy shows itself as a design word of the recent lines said
/// twice running; such a final is decoded again with the vocabulary alone.
extension DesignPrompt {
    /// The design word (a brand or one of the biased words) that `text` says twice running and the
    /// recent lines hold, or nil. Function words and other words repeat in speech all the time
    /// ("the, the") and are never taken for a copy.
    public func echo(in text: String, recent: [String]) -> String? {
        let heard = Self.words(text)
        let repeated = zip(heard, heard.dropFirst()).filter { $0 == $1 }.map(\.0)
        guard !repeated.isEmpty, !recent.isEmpty else { return nil }
        let said = Set(recent.flatMap(Self.words))
        let designWords = echoWords
        return repeated.first { said.contains($0) && designWords.contains($0) }
    }

    /// The design words an echo is looked for among, in lower case.
    var echoWords: Set<String> {
        Set((biasWords + brandNames).map { $0.lowercased() }.filter { !$0.contains(" ") })
    }

    /// A transcript's words as the corrector compares them (`Word.bare`): lower-case letters, a
    /// possessive "'s" dropped ("Notion's" is "notion").
    static func words(_ text: String) -> [String] {
        text.split(separator: " ", omittingEmptySubsequences: true).map { Word($0).bare }.filter { !$0.isEmpty }
    }
}
