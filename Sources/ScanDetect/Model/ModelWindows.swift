/// Where a model rule looks in a field, and what it finds there.
///
/// A short field (a title, a caption, most posts: at most `wholeFieldBytes`) is read whole, as
/// the model was trained. In a longer one the model reads only around its cues: the sentence
/// holding each cue, at most `reachBytes` either way, with overlapping stretches joined. What
/// it reads is cut into chunks of whole sentences of at most `chunkWords` words (a longer
/// sentence into pieces), and each chunk that holds a cue is scored, so one sentence in a long
/// article is not lost among the others and no word is read twice.
struct ModelWindows {
    static let wholeFieldBytes = 600
    static let reachBytes = 150
    /// Stretches that overlap are joined up to this size; a longer run is read in parts.
    static let stretchBytes = 4096
    static let chunkWords = 80
    /// How many of the words that weighed most a finding's message names.
    static let namedWords = 3

    struct Window {
        /// Which of the readers found it.
        var reader: Int
        /// UTF-8 positions in the field.
        var range: Range<Int>
        var probability: Double
        /// The words and pairs that weighed most towards a finding.
        var strongest: [String]
    }

    /// One model rule's part in a field: its model, threshold, and the UTF-8 positions of its cues.
    struct Reader {
        var model: LinearModel
        var threshold: Double
        var cues: [Int]
    }

    /// The windows whose probability reaches their reader's threshold, in field order. What the
    /// readers read together is read once: each scores the chunks that hold one of its cues.
    static func positives(_ readers: [Reader], field: FieldText) -> [Window] {
        let cues = readers.map { sortedUnique($0.cues) }
        var windows: [Window] = []
        for stretch in stretches(of: field, around: readers.count == 1 ? cues[0] : sortedUnique(Array(cues.joined()))) {
            let text = field.withUTF8(stretch) { ModelText(utf8: $0, offset: stretch.lowerBound, keepingText: false) }
            // A short field is read whole, as the model was trained.
            let spans = field.end <= wholeFieldBytes ? (text.words.isEmpty ? [] : [0..<text.words.count]) : chunks(of: text)
            for span in spans {
                let lower = text.words[span.lowerBound].source.lowerBound
                let upper = text.words[span.upperBound - 1].source.upperBound
                for (index, reader) in readers.enumerated() where field.end <= wholeFieldBytes || holdsCue(cues[index], lower..<upper) {
                    let probability = reader.model.probability(of: text, in: span)
                    guard probability >= reader.threshold else { continue }
                    windows.append(Window(
                        reader: index, range: lower..<upper, probability: probability,
                        strongest: strongest(reader.model, in: field, lower..<upper)))
                }
            }
        }
        return windows
    }

    /// What weighed most in `range` (`LinearModel.strongest`); the words are read again only
    /// for a finding's message.
    private static func strongest(_ model: LinearModel, in field: FieldText, _ range: Range<Int>) -> [String] {
        let words = field.withUTF8(range) { ModelText(utf8: $0) }
        return model.strongest(in: words, count: namedWords, minimumCueLength: 4)
    }

    /// What the model reads of `field`: all of a short field; else the sentences around the cues,
    /// cut at word edges where the reach ends, joined where they overlap, up to `stretchBytes`
    /// each (so memory follows that, not the field).
    private static func stretches(of field: FieldText, around cues: [Int]) -> [Range<Int>] {
        guard field.end > wholeFieldBytes else { return [0..<field.end] }
        var stretches: [Range<Int>] = []
        field.withUTF8 { bytes in
            for cue in cues where stretches.last.map({ cue >= $0.upperBound }) ?? true {
                // Back to the sentence's start, within reach; no further than the stretch before,
                // which this one then joins (so each byte is looked at about once).
                let reach = max(0, cue - reachBytes)
                let floor = max(reach, stretches.last?.upperBound ?? 0)
                var lower = cue
                while lower > floor && !ModelText.isSentenceEnd(bytes[lower - 1]) { lower -= 1 }
                if lower == reach && lower > 0 && !ModelText.isSentenceEnd(bytes[lower - 1]) {
                    // The reach ended inside the sentence: start at the next word (or at the
                    // reach, in text without word edges, such as Chinese).
                    while lower < cue && isWordByte(bytes[lower]) { lower += 1 }
                    if lower == cue { lower = reach }
                }
                var upper = cue
                while upper < bytes.count && upper - cue < reachBytes && !ModelText.isSentenceEnd(bytes[upper]) { upper += 1 }
                if upper < bytes.count && ModelText.isSentenceEnd(bytes[upper]) {
                    upper += 1
                } else if upper < bytes.count {
                    // The reach ended inside the sentence: end after the last whole word (or at
                    // the reach).
                    let limit = upper
                    while upper > cue + 1 && isWordByte(bytes[upper - 1]) { upper -= 1 }
                    if upper == cue + 1 { upper = limit }
                }
                let stretch = field.scalarStart(containing: lower)..<field.scalarStart(containing: upper)
                if let last = stretches.last, last.upperBound >= stretch.lowerBound, last.count < stretchBytes {
                    stretches[stretches.count - 1] = last.lowerBound..<max(last.upperBound, stretch.upperBound)
                } else if let last = stretches.last, last.upperBound > stretch.lowerBound {
                    stretches.append(last.upperBound..<max(last.upperBound, stretch.upperBound))
                } else {
                    stretches.append(stretch)
                }
            }
        }
        return stretches
    }

    /// Bytes that may be inside a word: ASCII letters and digits, and every byte of a non-ASCII
    /// scalar (so a cut never splits one).
    @inline(__always)
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// `positions` sorted, each once (a field may hold thousands of cues: no set is built).
    private static func sortedUnique(_ positions: [Int]) -> [Int] {
        var sorted = positions
        // The matcher reports hits in text order, so this is mostly a check.
        if !sorted.isEmpty && zip(sorted, sorted.dropFirst()).contains(where: { $0 > $1 }) { sorted.sort() }
        var kept = 0
        for index in sorted.indices where index == 0 || sorted[index] != sorted[kept - 1] {
            sorted[kept] = sorted[index]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }

    /// Whether a cue (sorted positions) lies in `range`.
    private static func holdsCue(_ cues: [Int], _ range: Range<Int>) -> Bool {
        let first = cues.partitionPoint { $0 < range.lowerBound }
        return first < cues.count && cues[first] < range.upperBound
    }

    /// The words cut into chunks: whole sentences, at most `chunkWords` words each.
    private static func chunks(of text: ModelText) -> [Range<Int>] {
        let count = text.words.count
        guard count > chunkWords else { return count > 0 ? [0..<count] : [] }
        var chunks: [Range<Int>] = []
        var start = 0
        var lastSentenceEnd = -1
        for index in 0..<count {
            if index - start + 1 > chunkWords {
                let end = lastSentenceEnd >= start ? lastSentenceEnd + 1 : index
                chunks.append(start..<end)
                start = end
            }
            if text.words[index].endsSentence { lastSentenceEnd = index }
        }
        if start < count { chunks.append(start..<count) }
        return chunks
    }
}
