#!/usr/bin/env bash
# Renders a sample HTML report in headless Chromium (Debian's `chromium`) and checks that content
# from posts stayed inert: after load, no element created by an injected script exists, and the
# only script is the report's own. Writes .build/report-check/{report.html,dom.html,report.png}.
# Not part of `make test` (it needs a browser); run it after changing the HTML reporter.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null; then
  echo "render-report: needs Debian's chromium (apt-get install chromium)" >&2
  exit 2
fi
swift build
out=.build/report-check
mkdir -p "$out"
status=0
.build/debug/socialscan scan --format html Samples/feeds Tests/SocialScanTests/Fixtures/hostile-feed.rss \
  > "$out/report.html" || status=$?
[ "$status" -le 3 ] || { echo "render-report: scan failed ($status)" >&2; exit 1; }

page="file://$PWD/$out/report.html"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=2000)
chromium "${flags[@]}" --dump-dom "$page" > "$out/dom.html" 2>/dev/null
chromium "${flags[@]}" --window-size=1200,2000 --screenshot="$out/report.png" "$page" 2>/dev/null

if grep -q 'id="pwned"' "$out/dom.html"; then
  echo "render-report: FAIL: an injected script ran (element #pwned exists)" >&2
  exit 1
fi
scripts=$(grep -o '<script' "$out/dom.html" | wc -l)
if [ "$scripts" -ne 1 ]; then
  echo "render-report: FAIL: $scripts script elements after load (expected only the report's own)" >&2
  exit 1
fi
grep -q 'class="finding"' "$out/dom.html" || { echo "render-report: FAIL: no findings rendered" >&2; exit 1; }
echo "render-report: ok: $out/report.png; no injected element after load, one script"
