#!/usr/bin/env bash
# Cross-validation of the two model rules (README, "Rules"): each author's dev set N
# (confidential-N.jsonl and defamation-N.jsonl) is held out in turn, both models are trained on
# all the other dev files with the options of the shipped models, and the held-out set is scored
# by the shipped packs with the two model rules pointing at those models, at each threshold.
#
#   scripts/cross-validate.sh [THRESHOLDS] [SETS]
#   scripts/cross-validate.sh "0.45 0.6" "$(seq 11 36)"     # the README's figures
#
# Prints one line per threshold and category, summed over the held-out sets:
# threshold category TP FP FN precision recall. Needs a release build (swift build -c release).
# Takes about ten minutes for 26 sets and three thresholds on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."

thresholds=${1:-"0.5 0.6 0.7"}
sets=${2:-$(seq 11 36)}
bin=.build/release/socialscan
[ -x "$bin" ] || { echo "cross-validate: build first: swift build -c release" >&2; exit 2; }
options() { sed -n 's/^# Options: //p' "Patterns/models/$1.model"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOCIALSCAN_PATTERNS="$PWD/Patterns"

for set in $sets; do
  fold="$work/$set"
  mkdir -p "$fold/train/dev" "$fold/held/dev" "$fold/models"
  for file in Samples/eval/dev/*.jsonl; do
    case "$(basename "$file")" in
      confidential-"$set".jsonl | defamation-"$set".jsonl) cp "$file" "$fold/held/dev/" ;;
      *) cp "$file" "$fold/train/dev/" ;;
    esac
  done
  for dir in train held; do cp Samples/eval/eval.json "$fold/$dir/"; done
  ln -s "$PWD/Samples/roster" "$fold/roster"
  for category in confidential defamation; do
    # shellcheck disable=SC2046 # the options are words
    "$bin" patterns train "$category" --eval "$fold/train" --output "$fold/models/$category.model" $(options "$category") >/dev/null
  done
  for threshold in $thresholds; do
    mkdir -p "$fold/pack-$threshold"
    {
      echo "pack: cross-validation"
      echo "rules:"
      for category in defamation confidential; do
        awk -v id="  - id: $category.model" 'on && /^  - id: /{exit} $0 == id{on=1} on' "Patterns/$category.yml" \
          | sed "s|model: models/$category.model|model: $fold/models/$category.model|; s|threshold: .*|threshold: $threshold|"
      done
    } > "$fold/pack-$threshold/cross-validation.yml"
    "$bin" eval "$fold/held" --split dev --patterns "$fold/pack-$threshold" \
      | awk -v t="$threshold" '/^(confidential|defamation) /{print t, $1, $3, $4, $5}'
  done
done | awk '{k=$1" "$2; tp[k]+=$3; fp[k]+=$4; fn[k]+=$5}
  END {for (k in tp) printf "%s %d %d %d %.3f %.3f\n", k, tp[k], fp[k], fn[k], tp[k]/(tp[k]+fp[k]), tp[k]/(tp[k]+fn[k])}' | sort
