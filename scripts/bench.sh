#!/usr/bin/env bash
# make bench: release build of the benchmark package, a generated corpus, and each stage's
# benchmark next to its baseline tool in the same invocation. Quote medians and ratios.
set -euo pipefail
cd "$(dirname "$0")/.."

out=.build/bench
mkdir -p "$out"
# SwiftPM caches the source file lists of a path dependency: a file added to SocialScan would
# otherwise be missing from the benchmark build.
rm -f Benchmarks/.build/release/description.json
swift build -c release --package-path Benchmarks
bench=Benchmarks/.build/release/socialscan-bench

if [ ! -s "$out/corpus-50mb.rss" ]; then
  "$bench" generate-rss "$out/corpus-50mb.rss" --megabytes 50 --seed 1
fi

echo "== parse: RSS 2.0, parse + text extraction vs xmllint --noout"
"$bench" parse "$out/corpus-50mb.rss" --runs "${RUNS:-5}"

if [ ! -d "$out/pages" ]; then
  "$bench" generate-pages "$out/pages" --pages 2000 --seed 1
fi
echo
echo "== parse: 2,000 HTML pages (HTML parser, visible text, meta, OpenGraph, JSON-LD) vs xmllint --html --noout"
"$bench" parse-pages "$out/pages" --runs "${RUNS:-5}"

echo
echo "== fetch: 500 loopback feeds delayed 100 ms, 16 addresses, --concurrency 16, vs the ideal"
"$bench" fetch --feeds 500 --hosts 16 --delay-ms 100 --concurrency 16

if [ ! -s "$out/corpus-100mb.txt" ]; then
  "$bench" generate-text "$out/corpus-100mb.txt" --megabytes 100 --seed 1
fi
echo
echo "== detect: all shipped rules, one thread, vs rg -c -i -F -f <all literal keywords>; then without the model rules"
"$bench" detect "$out/corpus-100mb.txt" Patterns --runs "${RUNS:-3}"

echo
echo "== detect: the labelled posts of Samples/eval/dev, repeated to 20 MiB, with and without the model rules"
"$bench" detect-posts Samples/eval/dev Patterns --megabytes 20 --runs "${RUNS:-3}"

echo
echo "== student names: patterns alone, + the name detector, + a 5,000-student roster (keyed hashes), same corpus"
"$bench" roster "$out/corpus-100mb.txt" Patterns --students 5000 --runs "${RUNS:-3}"
