import Foundation

/// A linear model over `ModelFeatures` (logistic regression), read from a text file in
/// `Patterns/models/` and written by `socialscan patterns train`. Lines, tab-separated:
///
///     format  socialscan/linear-model@1
///     bias    -2.41
///     cue     skimming
///     cue     stole
///     weight  1.873   skimming
///
/// Lines starting with `#` are comments. `weight` lines are sorted strongest first, so the head
/// of the file says what the model has learnt. A `cue` is a word (`stole`) that lets the model look
/// at a post at all: the model scores only posts, or the sentences of long fields, that hold a
/// cue (see `ModelWindows`).
public final class LinearModel: Sendable, Hashable {
    public static let format = "socialscan/linear-model@1"

    public let bias: Double
    public let cues: [String]
    /// Feature names and weights, strongest first (as in the file).
    public let weights: [(feature: String, weight: Double)]
    private let table: FeatureTable
    /// For each word the model knows (as a feature or in a pair): its own weight plus those of
    /// its starts (`skimm*`), so that a known word costs one lookup, not four.
    private let wordTable: FeatureTable
    private let cueSet: Set<String>
    /// Identifies the content (for `Rule`'s equality).
    private let digest: Int

    public init(bias: Double, weights: [(feature: String, weight: Double)], cues: [String]) {
        self.bias = bias
        self.weights = weights.sorted { (abs($0.weight), $1.feature) > (abs($1.weight), $0.feature) }
        self.cues = cues.sorted()
        cueSet = Set(cues)
        table = FeatureTable(weights.map { (ModelFeatures.key(of: $0.feature), Float($0.weight)) })
        wordTable = FeatureTable(Self.wordWeights(weights).map { (FNV.hash($0.word[...]), $0.weight) })
        var hasher = Hasher()
        hasher.combine(bias)
        for entry in self.weights {
            hasher.combine(entry.feature)
            hasher.combine(entry.weight)
        }
        hasher.combine(self.cues)
        digest = hasher.finalize()
    }

    /// Reads a model file; errors name the file and line.
    public convenience init(file: String) throws(PatternError) {
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw PatternError(file: file, problem: "the model file cannot be read")
        }
        var bias: Double?
        var cues: [String] = []
        var weights: [(String, Double)] = []
        var sawFormat = false
        // Split on bytes: "\r\n" is one Character, which a split on "\n" would not cut.
        for (index, bytes) in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let line = String(decoding: bytes.last == 0x0D ? bytes.dropLast() : bytes[...], as: UTF8.self)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            func fail(_ problem: String) -> PatternError { PatternError(file: file, line: index + 1, problem: problem) }
            switch (parts.first, parts.count) {
            case ("format", 2):
                guard parts[1] == Self.format else { throw fail("unknown model format '\(parts[1])' (expected \(Self.format))") }
                sawFormat = true
            case ("bias", 2):
                guard bias == nil else { throw fail("a second bias line") }
                guard let value = Double(parts[1]), value.isFinite else { throw fail("bias is not a number") }
                bias = value
            case ("cue", 2):
                guard Self.isFeatureWord(parts[1]) else { throw fail("a cue is one folded word (a-z, 0-9), not '\(parts[1])'") }
                cues.append(parts[1])
            case ("weight", 3):
                guard let value = Double(parts[1]), value.isFinite else { throw fail("weight is not a number") }
                guard Self.isFeature(parts[2]) else { throw fail("'\(parts[2])' is not a feature (a word, 'word word', 'wordstart*' or '~stem stem')") }
                weights.append((parts[2], value))
            default:
                throw fail("expected 'format', 'bias', 'cue' or 'weight' and tab-separated values")
            }
        }
        guard sawFormat else { throw PatternError(file: file, problem: "not a model file (no 'format \(Self.format)' line)") }
        guard let bias else { throw PatternError(file: file, problem: "the model has no bias line") }
        guard !cues.isEmpty else { throw PatternError(file: file, problem: "the model has no cue lines") }
        self.init(bias: bias, weights: weights, cues: cues)
    }

    /// Whether `text` is one folded word (a-z, 0-9), as `ModelText` reads words.
    static func isFeatureWord(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(ModelText.isWordByte)
    }

    /// Whether `name` is written as `ModelFeatures` writes features.
    static func isFeature(_ name: String) -> Bool {
        let stems = name.hasPrefix("~")
        let body = stems ? name.dropFirst() : name[...]
        let parts = body.split(separator: " ", omittingEmptySubsequences: false)
        if parts.count == 2 { return parts.allSatisfy(isFeatureWord) }
        if stems { return false }
        return body.hasSuffix("*") ? isFeatureWord(body.dropLast()) : isFeatureWord(body)
    }

    /// The model as file text, after `header` comment lines.
    public func fileText(header: [String]) -> String {
        var lines = header.map { "# " + $0 }
        lines.append("format\t\(Self.format)")
        lines.append("bias\t\(Self.number(bias))")
        lines += cues.map { "cue\t\($0)" }
        lines += weights.map { "weight\t\(Self.number($0.weight))\t\($0.feature)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Six significant digits: enough for the model, short enough to read.
    public static func number(_ value: Double) -> String {
        String(format: "%.6g", value)
    }

    /// The probability that `text.words[range]` is a positive, by the model.
    func probability(of text: ModelText, in range: Range<Int>) -> Double {
        1 / (1 + exp(-logit(of: text, in: range)))
    }

    /// The model's log-odds for `text.words[range]`: the bias plus the weights of the features of
    /// `ModelFeatures.keys`, divided by the square root of their number; a known word's own
    /// weight and its starts' are taken at once.
    func logit(of text: ModelText, in range: Range<Int>) -> Double {
        guard !range.isEmpty else { return bias }
        var sum: Float = 0
        var total = 0
        text.words.withUnsafeBufferPointer { words in
            var previous = words[range.lowerBound]
            for index in range {
                let word = words[index]
                let starts = min(3, max(0, Int(word.count) - 4))
                total += 1 + starts
                if let weight = wordTable.find(word.hash) {
                    sum += weight
                } else if starts > 0 {
                    // An unknown word: only its starts may weigh.
                    sum += table[word.prefixes.0]
                    if starts > 1 { sum += table[word.prefixes.1] }
                    if starts > 2 { sum += table[word.prefixes.2] }
                }
                if index > range.lowerBound {
                    sum += table[ModelFeatures.combine(previous.hash, word.hash, kind: 1)]
                        + table[ModelFeatures.combine(previous.stem, word.stem, kind: 3)]
                    total += 2
                }
                previous = word
            }
        }
        return bias + Double(sum) / Double(total).squareRoot()
    }

    /// Each word that is a feature or part of a pair, and the sum of its weight and its starts'.
    private static func wordWeights(_ weights: [(feature: String, weight: Double)]) -> [(word: [UInt8], weight: Float)] {
        var byName: [String: Double] = [:]
        var words: Set<String> = []
        for (feature, weight) in weights {
            // A name written twice weighs twice, as in `table`.
            byName[feature, default: 0] += weight
            guard !feature.hasPrefix("~"), !feature.hasSuffix("*") else { continue }
            for word in feature.split(separator: " ") { words.insert(String(word)) }
        }
        return words.sorted().map { word in
            let weight = ([word] + ModelFeatures.starts(of: word)).reduce(0) { $0 + (byName[$1] ?? 0) }
            return (Array(word.utf8), Float(weight))
        }
    }

    /// The words and word pairs of `text` (read keeping its text) that weighed most towards a
    /// positive, strongest first, among those with a cue of at least `minimumCueLength` letters in
    /// them (what made the model look, not the small words that also weigh). For a finding's
    /// message.
    func strongest(in text: ModelText, count: Int, minimumCueLength: Int) -> [String] {
        let words = text.words.indices.map(text.word)
        let cued = words.map { $0.count >= minimumCueLength && isCue($0) }
        var weighed: [String: Float] = [:]
        for index in words.indices {
            if cued[index] { weighed[words[index]] = table[text.words[index].hash] }
            if index > 0 && (cued[index] || cued[index - 1]) {
                let key = ModelFeatures.combine(text.words[index - 1].hash, text.words[index].hash, kind: 1)
                weighed[words[index - 1] + " " + words[index]] = table[key]
            }
        }
        return weighed.filter { $0.value > 0 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(count).map(\.key)
    }

    /// Whether `word` (folded) is one of the cues.
    func isCue(_ word: some StringProtocol) -> Bool {
        cueSet.contains(String(word))
    }

    public static func == (lhs: LinearModel, rhs: LinearModel) -> Bool {
        lhs === rhs || (lhs.digest == rhs.digest && lhs.bias == rhs.bias && lhs.cues == rhs.cues
            && lhs.weights.elementsEqual(rhs.weights) { $0.feature == $1.feature && $0.weight == $1.weight })
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
    }
}
