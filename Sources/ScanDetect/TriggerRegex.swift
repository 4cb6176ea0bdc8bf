import CPCRE2

/// A rule's regular expression compiled with PCRE2 (JIT, UTF-8, Unicode properties), matched
/// anchored at a trigger directly on a field's UTF-8 bytes: no String is built per match.
///
/// The compiled code is immutable after construction and PCRE2 allows concurrent matching with
/// separate match data (made per call), so sharing it across threads is safe.
final class TriggerRegex: @unchecked Sendable {
    private let code: OpaquePointer

    /// Compiles `pattern`; throws a one-line message when it is not a valid regular expression.
    init(pattern: String, caseSensitive: Bool) throws(TriggerRegexError) {
        var error: Int32 = 0
        var offset = 0
        guard let code = ss_pcre2_compile(pattern, caseSensitive ? 0 : 1, &error, &offset) else {
            var buffer = [CChar](repeating: 0, count: 256)
            ss_pcre2_error_message(error, &buffer, buffer.count)
            let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw TriggerRegexError(message: "\(text) at offset \(offset)")
        }
        self.code = code
    }

    deinit {
        ss_pcre2_free(code)
    }

    /// What an anchored match found.
    enum Outcome {
        case match(Range<Int>)
        case noMatch
        /// The attempt reached the end of a subject given as `truncated`: try a longer one.
        case needsMore
    }

    /// The byte range of the match that starts exactly at `start` in `subject`, if any. With
    /// `truncated` (the text goes on after `subject`), an attempt that reaches the subject's end
    /// answers `needsMore`; any other answer is the one the longer text would give.
    func match(_ subject: UnsafeBufferPointer<UInt8>, anchoredAt start: Int, truncated: Bool = false) -> Outcome {
        var matchStart = 0
        var matchEnd = 0
        let result = ss_pcre2_match_anchored(code, subject.baseAddress, subject.count, start, truncated ? 1 : 0, &matchStart, &matchEnd)
        switch result {
        case 1: return .match(matchStart..<matchEnd)
        case -2: return truncated ? .needsMore : .noMatch
        default: return .noMatch
        }
    }
}

/// Why a pattern did not compile.
struct TriggerRegexError: Error {
    let message: String
}
