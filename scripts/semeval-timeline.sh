#!/usr/bin/env bash
# SemEval-2015 Task 4 (TimeLine) on its trial data, scored with the official scorer.
#   usage: scripts/semeval-timeline.sh CORPORA [a|b]      (CORPORA: the folder holding semeval2015-trial/)
# Builds the system timelines with `tempograph eval timeline --track T --out-dir`, then runs
# ../tools/semeval2015-scorer/evaluation_all.py (Python 2) on all six entities, and on the two halves
# used to report a held-out figure (docs/EVALUATION.md): dev = iPhone 4, iPod, Steve Jobs (rules were
# written while reading these), held out = Beatles Apple Corps, iPhone 3G, iTunes store.
set -euo pipefail
corpora="${1:?usage: semeval-timeline.sh CORPORA [a|b]}"
track="${2:-a}"
root="$(cd "$(dirname "$0")/.." && pwd)"
scorer="${TEMPOGRAPH_SEMEVAL_SCORER:-$corpora/../tools/semeval2015-scorer}"
gold="$corpora/semeval2015-trial/TimeLines_trial_data_task4_v1.2"
[[ -d "$gold" ]] || { echo "no $gold" >&2; exit 2; }
[[ -f "$scorer/evaluation_all.py" ]] || { echo "no official scorer at $scorer (set TEMPOGRAPH_SEMEVAL_SCORER)" >&2; exit 2; }
py27=""
if command -v pyenv >/dev/null; then py27=$(pyenv versions --bare 2>/dev/null | grep '^2\.7' | tail -n 1 || true); fi
py2() { if [[ -n "$py27" ]]; then PYENV_VERSION="$py27" python2 "$@"; else python2 "$@"; fi; }
if [[ -n "${TEMPOGRAPH_BIN:-}" ]]; then tg="$TEMPOGRAPH_BIN"; else
  (cd "$root" && cargo build --release --quiet --bin tempograph); tg="$root/target/release/tempograph"; fi
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
"$tg" eval timeline --corpora "$corpora" --gold "$gold" --out-dir "$out/sys" --track "$track" >/dev/null
for set in "all:beatles_apple_corps iphone_3g iphone_4 ipod itunes_store steve_jobs" \
           "dev:iphone_4 ipod steve_jobs" "held-out:beatles_apple_corps iphone_3g itunes_store"; do
  name=${set%%:*}; mkdir -p "$out/g-$name" "$out/s-$name"
  for f in ${set#*:}; do cp "$gold/$f.txt" "$out/g-$name/"; cp "$out/sys/$f.txt" "$out/s-$name/"; done
  line=$(cd "$scorer" && py2 evaluation_all.py "$out/g-$name/" "$out/s-$name/" 2>&1 | tail -1)
  printf 'track %s %-9s %s\n' "$track" "$name" "$(echo "$line" | awk '{printf "F1 %.2f P %.2f R %.2f", $2, $4, $6}')"
done
