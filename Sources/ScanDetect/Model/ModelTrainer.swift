import Foundation

/// Trains a `LinearModel` from labelled posts: logistic regression with an L2 penalty, classes
/// weighted to count alike, solved by L-BFGS. Deterministic: the same posts give the same file.
///
/// A feature must occur in at least `minimumCount` posts to be learnt. The cues (`cues(from:posts:)`)
/// are words that weigh towards a positive and are mostly in positive posts: a post with none of
/// them is never scored, which keeps the model off most text.
public struct ModelTrainer: Sendable {
    public struct Example: Sendable {
        public var text: String
        public var positive: Bool

        public init(text: String, positive: Bool) {
            self.text = text
            self.positive = positive
        }
    }

    public struct Report: Sendable {
        public var examples: Int
        public var positives: Int
        public var features: Int
        public var iterations: Int
        /// Share of the training posts the model gets right at `threshold` 0.5, with its cues.
        public var accuracy: Double
        /// Share of the positive posts that hold a cue.
        public var cueCoverage: Double
    }

    /// How strongly the data counts against the penalty (scikit-learn's `C`).
    public var regularisation: Double
    public var minimumCount: Int
    public var cueWeight: Double
    /// The least share of positive posts among the posts that hold a cue ...
    public var cuePrecision: Double
    /// ... counting `cuePrior` more posts at the base rate (so that rare words need more proof).
    public var cuePrior: Double
    /// The largest share of the negative posts a cue may be in.
    public var cueNegativeShare: Double
    public var maximumIterations: Int

    public init(
        regularisation: Double = 30, minimumCount: Int = 2, cueWeight: Double = 0.3, cuePrecision: Double = 0.5,
        cuePrior: Double = 4, cueNegativeShare: Double = 1, maximumIterations: Int = 1_000
    ) {
        self.regularisation = regularisation
        self.minimumCount = minimumCount
        self.cueWeight = cueWeight
        self.cuePrecision = cuePrecision
        self.cuePrior = cuePrior
        self.cueNegativeShare = cueNegativeShare
        self.maximumIterations = maximumIterations
    }

    public func train(_ examples: [Example]) -> (model: LinearModel, report: Report) {
        // Features per post, then the vocabulary: features seen in enough posts, sorted.
        var posts: [(text: ModelText, source: String, positive: Bool)] = []
        var counted: [[String: Int]] = []
        var totals: [Int] = []
        var documents: [String: Int] = [:]
        for example in examples {
            var copy = example.text
            let text = copy.withUTF8 { ModelText(utf8: $0) }
            let names = ModelFeatures.names(of: text, in: 0..<text.words.count)
            var counts: [String: Int] = [:]
            for name in names { counts[name, default: 0] += 1 }
            for name in counts.keys { documents[name, default: 0] += 1 }
            counted.append(counts)
            totals.append(names.count)
            posts.append((text, example.text, example.positive))
        }
        let vocabulary = documents.filter { $0.value >= minimumCount }.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        let rows: [[(Int, Double)]] = zip(counted, totals).map { counts, total in
            counts.compactMap { name, count in index[name].map { ($0, Double(count) / Double(max(1, total)).squareRoot()) } }
                .sorted { $0.0 < $1.0 }
        }
        let labels = examples.map { $0.positive ? 1.0 : -1.0 }
        let positives = examples.filter(\.positive).count
        let weights = labels.map { label in
            let share = label > 0 ? positives : examples.count - positives
            return Double(examples.count) / Double(2 * max(1, share))
        }
        let problem = LogisticProblem(rows: rows, labels: labels, sampleWeights: weights, dimension: vocabulary.count, c: regularisation)
        let (solution, iterations) = LBFGS(maximumIterations: maximumIterations).minimize(problem, start: [Double](repeating: 0, count: vocabulary.count + 1))
        let bias = solution[vocabulary.count]
        let learnt = vocabulary.enumerated().map { ($1, solution[$0]) }
        let cues = cues(from: learnt, posts: posts)
        let model = LinearModel(bias: bias, weights: learnt, cues: cues)
        // How the model, cues included, does on the posts it learnt from.
        var right = 0
        var covered = 0
        for post in posts {
            let hasCue = post.text.words.indices.contains { model.isCue(post.text.word($0)) }
            if post.positive && hasCue { covered += 1 }
            let predicted = hasCue && model.probability(of: post.text, in: 0..<post.text.words.count) >= 0.5
            if predicted == post.positive { right += 1 }
        }
        let report = Report(
            examples: examples.count, positives: positives, features: vocabulary.count, iterations: iterations,
            accuracy: Double(right) / Double(max(1, examples.count)), cueCoverage: Double(covered) / Double(max(1, positives)))
        return (model, report)
    }

    /// The cues: whole words. A candidate is a single word (`stole`) or word start (`skimm*`)
    /// that weighs at least `cueWeight`, is in at least `minimumCount` positive posts and mostly
    /// in positive ones (`cuePrecision`) and in few negative ones (`cueNegativeShare`), and is not
    /// a name (capitalised, but as a post's first word, in half its uses or more). A chosen word
    /// start becomes the words of the posts it starts (skimmed, skimming): the matcher finds
    /// whole words.
    func cues(from weights: [(String, Double)], posts: [(text: ModelText, source: String, positive: Bool)]) -> [String] {
        let baseRate = Double(posts.filter(\.positive).count) / Double(max(1, posts.count))
        let candidates = Set(weights.filter { $0.1 >= cueWeight && !$0.0.contains(" ") && !$0.0.hasPrefix("~") }.map(\.0))
        // Per candidate, and per word: the posts holding it, and its uses.
        var stats: [String: CueTally] = [:]
        var words: [String: CueTally] = [:]
        for post in posts {
            var seen: Set<String> = []
            var seenWords: Set<String> = []
            for index in post.text.words.indices {
                let word = post.text.word(index)
                let capitalised = index > 0 && Self.startsCapitalised(post.source, at: post.text.words[index].source.lowerBound)
                words[word, default: CueTally()].count(capitalised: capitalised, newPost: seenWords.insert(word).inserted, positive: post.positive)
                // The word, and its starts as `ModelFeatures` writes them.
                let keys = [word] + ModelFeatures.starts(of: word)
                for key in keys where candidates.contains(key) {
                    stats[key, default: CueTally()].count(capitalised: capitalised, newPost: seen.insert(key).inserted, positive: post.positive)
                }
            }
        }
        // A cue must be rare in the posts it should not fire on: a gate that opens on every
        // other post is no gate.
        let negatives = Double(max(1, posts.filter { !$0.positive }.count))
        let chosen = candidates.filter { cue in
            guard let entry = stats[cue] else { return false }
            // The share of positive posts, drawn towards the base rate by `cuePrior` posts at it:
            // a word in 4 posts out of 5 is not yet evidence.
            let share = (Double(entry.positive) + cuePrior * baseRate) / (Double(entry.posts) + cuePrior)
            return entry.positive >= minimumCount && share >= cuePrecision && entry.capitalised * 2 < entry.uses
                && Double(entry.posts - entry.positive) <= cueNegativeShare * negatives
        }
        let starts = chosen.filter { $0.hasSuffix("*") }.map { String($0.dropLast()) }
        var cues = Set(chosen.filter { !$0.hasSuffix("*") })
        // A word a chosen start begins (skimmed, skimming) is a cue when it is no name, is in
        // positive posts at least as often as in others, and is rare in the others.
        for (word, known) in words where known.capitalised * 2 < known.uses && known.positive * 2 >= known.posts
            && Double(known.posts - known.positive) <= cueNegativeShare * negatives
            && starts.contains(where: { word.utf8.count > $0.utf8.count && word.hasPrefix($0) }) {
            cues.insert(word)
        }
        return cues.sorted()
    }

    /// Whether the scalar at UTF-8 position `position` of `text` is an upper-case letter.
    static func startsCapitalised(_ text: String, at position: Int) -> Bool {
        let utf8 = text.utf8
        guard position < utf8.count, let index = utf8.index(utf8.startIndex, offsetBy: position, limitedBy: utf8.endIndex),
            let scalar = text.unicodeScalars[index...].first
        else { return false }
        return scalar.properties.isUppercase
    }
}

/// How a word (or word start) is used in the training posts.
struct CueTally {
    var posts = 0
    var positive = 0
    var uses = 0
    var capitalised = 0

    mutating func count(capitalised isCapitalised: Bool, newPost: Bool, positive isPositive: Bool) {
        uses += 1
        if isCapitalised { capitalised += 1 }
        if newPost {
            posts += 1
            if isPositive { positive += 1 }
        }
    }
}

/// The penalised, weighted logistic loss and its gradient; the last coordinate is the bias
/// (not penalised).
struct LogisticProblem {
    let rows: [[(Int, Double)]]
    let labels: [Double]
    let sampleWeights: [Double]
    let dimension: Int
    let c: Double

    func valueAndGradient(_ point: [Double]) -> (Double, [Double]) {
        var gradient = [Double](repeating: 0, count: dimension + 1)
        var value = 0.0
        for index in 0..<dimension {
            value += 0.5 * point[index] * point[index]
            gradient[index] = point[index]
        }
        let bias = point[dimension]
        for (row, (label, weight)) in zip(rows, zip(labels, sampleWeights)) {
            var z = bias
            for (feature, x) in row { z += point[feature] * x }
            let margin = label * z
            // log(1 + e^-m), stable on both sides.
            value += c * weight * (margin > 0 ? log1p(exp(-margin)) : -margin + log1p(exp(margin)))
            let slope = -c * weight * label / (1 + exp(margin))
            for (feature, x) in row { gradient[feature] += slope * x }
            gradient[dimension] += slope
        }
        return (value, gradient)
    }
}

/// Limited-memory BFGS with a backtracking (Armijo) line search.
struct LBFGS {
    var memory = 10
    var maximumIterations: Int
    var tolerance = 1e-6

    func minimize(_ problem: LogisticProblem, start: [Double]) -> ([Double], Int) {
        var point = start
        var (value, gradient) = problem.valueAndGradient(point)
        var steps: [[Double]] = []
        var changes: [[Double]] = []
        var iteration = 0
        while iteration < maximumIterations {
            let largest = gradient.map(abs).max() ?? 0
            if largest < tolerance * max(1, abs(value)) { break }
            iteration += 1
            // Two-loop recursion: the direction -H g.
            var direction = gradient
            var alphas: [Double] = []
            for (s, y) in zip(steps, changes).reversed() {
                let alpha = dot(s, direction) / dot(y, s)
                alphas.append(alpha)
                for i in direction.indices { direction[i] -= alpha * y[i] }
            }
            if let s = steps.last, let y = changes.last {
                let scale = dot(s, y) / dot(y, y)
                for i in direction.indices { direction[i] *= scale }
            } else {
                let scale = 1 / max(1e-12, dot(gradient, gradient).squareRoot())
                for i in direction.indices { direction[i] *= scale }
            }
            for ((s, y), alpha) in zip(zip(steps, changes), alphas.reversed()) {
                let beta = dot(y, direction) / dot(y, s)
                for i in direction.indices { direction[i] += s[i] * (alpha - beta) }
            }
            for i in direction.indices { direction[i] = -direction[i] }
            var slope = dot(gradient, direction)
            if slope >= 0 {
                // Not a descent direction: start over from the gradient.
                steps.removeAll()
                changes.removeAll()
                direction = gradient.map { -$0 }
                slope = dot(gradient, direction)
            }
            var stepLength = 1.0
            var next = point
            var nextValue = value
            var nextGradient = gradient
            var accepted = false
            for _ in 0..<40 {
                for i in point.indices { next[i] = point[i] + stepLength * direction[i] }
                (nextValue, nextGradient) = problem.valueAndGradient(next)
                if nextValue <= value + 1e-4 * stepLength * slope {
                    accepted = true
                    break
                }
                stepLength *= 0.5
            }
            if !accepted { break }
            let s = zip(next, point).map { $0 - $1 }
            let y = zip(nextGradient, gradient).map { $0 - $1 }
            if dot(s, y) > 1e-12 {
                steps.append(s)
                changes.append(y)
                if steps.count > memory {
                    steps.removeFirst()
                    changes.removeFirst()
                }
            }
            let improvement = value - nextValue
            point = next
            value = nextValue
            gradient = nextGradient
            if improvement < 1e-10 * max(1, abs(value)) { break }
        }
        return (point, iteration)
    }

    private func dot(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for i in a.indices { sum += a[i] * b[i] }
        return sum
    }
}
