import Foundation

/// `socialscan-bench COMMAND ...`: corpus generators and stage benchmarks. See `make bench`.
enum BenchMain {
    static let usage = """
        usage: socialscan-bench generate-rss OUT.xml [--megabytes N] [--seed N]
               socialscan-bench parse FILE [--runs N]
               socialscan-bench generate-pages DIR [--pages N] [--seed N]
               socialscan-bench parse-pages DIR [--runs N]
               socialscan-bench generate-text OUT.txt [--megabytes N] [--seed N]
               socialscan-bench detect FILE PATTERNS_DIR [--runs N]
               socialscan-bench detect-posts EVAL_SPLIT_DIR PATTERNS_DIR [--megabytes 20] [--runs N]
               socialscan-bench roster FILE PATTERNS_DIR [--students 5000] [--runs N]
               socialscan-bench fetch [--feeds 500] [--hosts 16] [--delay-ms 100] [--concurrency 16]
        """

    static func run(_ arguments: [String]) {
        guard let command = arguments.first else { fail(usage) }
        let options = Options(Array(arguments.dropFirst()))
        switch command {
        case "generate-rss":
            guard let out = options.positional.first else { fail(usage) }
            var corpus = FeedCorpus(seed: UInt64(options.int("seed") ?? 1))
            let bytes = corpus.rss(megabytes: options.int("megabytes") ?? 50)
            FileManager.default.createFile(atPath: out, contents: Data(bytes))
            print("wrote \(out): \(bytes.count) bytes")
        case "generate-text":
            guard let out = options.positional.first else { fail(usage) }
            var corpus = TextCorpus(seed: UInt64(options.int("seed") ?? 1))
            let bytes = corpus.text(megabytes: options.int("megabytes") ?? 100)
            FileManager.default.createFile(atPath: out, contents: Data(bytes))
            print("wrote \(out): \(bytes.count) bytes")
        case "detect":
            guard options.positional.count == 2 else { fail(usage) }
            DetectBenchmark(file: options.positional[0], patterns: options.positional[1], runs: options.int("runs") ?? 3).run()
        case "detect-posts":
            guard options.positional.count == 2 else { fail(usage) }
            PostsBenchmark(
                directory: options.positional[0], patterns: options.positional[1], megabytes: options.int("megabytes") ?? 20,
                runs: options.int("runs") ?? 3
            ).run()
        case "roster":
            guard options.positional.count == 2 else { fail(usage) }
            RosterBenchmark(
                file: options.positional[0], patterns: options.positional[1], size: options.int("students") ?? 5000,
                runs: options.int("runs") ?? 3
            ).run()
        case "generate-pages":
            guard let out = options.positional.first else { fail(usage) }
            var corpus = PageCorpus(seed: UInt64(options.int("seed") ?? 1))
            print("wrote \(out): \(corpus.write(count: options.int("pages") ?? 2000, into: out)) bytes")
        case "parse-pages":
            guard let directory = options.positional.first else { fail(usage) }
            PageBenchmark(directory: directory, runs: options.int("runs") ?? 5).run()
        case "parse":
            guard let file = options.positional.first else { fail(usage) }
            ParseBenchmark(file: file, runs: options.int("runs") ?? 5).run()
        case "fetch":
            FetchBenchmark(
                feeds: options.int("feeds") ?? 500, hosts: options.int("hosts") ?? 16,
                delay: Double(options.int("delay-ms") ?? 100) / 1000, concurrency: options.int("concurrency") ?? 16
            ).run()
        default:
            fail(usage)
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        exit(2)
    }
}

/// `--name value` pairs and positional arguments.
struct Options {
    var positional: [String] = []
    var named: [String: String] = [:]

    init(_ arguments: [String]) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument.hasPrefix("--"), index + 1 < arguments.count {
                named[String(argument.dropFirst(2))] = arguments[index + 1]
                index += 2
            } else {
                positional.append(argument)
                index += 1
            }
        }
    }

    func int(_ name: String) -> Int? { named[name].flatMap(Int.init) }
}
