#!/usr/bin/env bash
# Accuracy regression guard on the TempEval-3 development corpus (TimeBank + AQUAINT) and on
# MEANTIME's temporal expressions (held out).
# Usage: scripts/accuracy-guard.sh CORPORA_DIR      (e.g. ../shared/corpora)
# Annotates the corpus from raw text, scores it with `tempograph eval`, and fails when a
# figure drops below its floor in scripts/accuracy-floors.txt. Raise a floor when a change
# improves a figure; never lower one to make a change pass.
set -euo pipefail
corpora="${1:?usage: accuracy-guard.sh CORPORA_DIR}"
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/target/release/tempograph"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$bin" timeml annotate "$corpora/tbaq/timebank" "$corpora/tbaq/aquaint" --out-dir "$out/sys" >/dev/null
"$bin" eval "$corpora/tbaq" "$out/sys" > "$out/report.txt"
cat "$out/report.txt"

# Figures: name -> value, read from the report.
declare -A got
# `event_relaxed REPORT` / `awareness REPORT`: the all-documents Task B relaxed F1 and
# temporal-awareness F1 of an `eval` report.
event_relaxed() { sed -n '/^\[all\] Task B/,/^$/p' "$1" | awk '/relaxed/ {print $NF}'; }
awareness() { awk '/^\[all\] temporal awareness/ {for (i = 1; i <= NF; i++) if ($i == "F1") print $(i + 1)}' "$1"; }
read -r _ _ _ _ _ _ strict_f1 _ _ relaxed_f1 value_f1 type_f1 < <(grep -E '^all ' "$out/report.txt")
got[timex_strict_f1]=$strict_f1
got[timex_relaxed_f1]=$relaxed_f1
got[timex_value_f1]=$value_f1
got[timex_type_f1]=$type_f1
got[event_relaxed_f1]=$(event_relaxed "$out/report.txt")
got[event_class_f1]=$(sed -n '/^\[all\] Task B/,/^$/p' "$out/report.txt" | awk '/class/ {print $NF}')
got[tlink_awareness_f1]=$(awareness "$out/report.txt")

# Held-out temporal expressions: MEANTIME (Wikinews, never used to write rules), converted to
# TimeML in the temporary folder.
if [[ -d "$corpora/meantime/corpus_apple" ]]; then
  python3 "$root/scripts/meantime-to-timeml.py" "$corpora/meantime/corpus_apple" "$out/mt-gold" >/dev/null
  "$bin" timeml annotate "$out/mt-gold" --out-dir "$out/mt-sys" >/dev/null
  "$bin" eval "$out/mt-gold" "$out/mt-sys" > "$out/mt-report.txt"
  echo "MEANTIME (held out):"
  head -3 "$out/mt-report.txt"
  read -r _ _ _ _ _ _ _ _ _ mt_relaxed mt_value _ < <(grep -E '^all ' "$out/mt-report.txt")
  got[meantime_timex_relaxed_f1]=$mt_relaxed
  got[meantime_timex_value_f1]=$mt_value
  got[meantime_event_relaxed_f1]=$(event_relaxed "$out/mt-report.txt")
  got[meantime_tlink_awareness_f1]=$(awareness "$out/mt-report.txt")
  # The same documents without the dateline line (its DATE is the DCT, a free match): the
  # figure for the expressions of the stories themselves.
  python3 "$root/scripts/meantime-to-timeml.py" --no-dateline "$corpora/meantime/corpus_apple" "$out/mtnd-gold" >/dev/null
  "$bin" timeml annotate "$out/mtnd-gold" --out-dir "$out/mtnd-sys" >/dev/null
  "$bin" eval "$out/mtnd-gold" "$out/mtnd-sys" > "$out/mtnd-report.txt"
  echo "MEANTIME without the dateline (held out):"
  head -2 "$out/mtnd-report.txt"
  read -r _ _ _ _ _ _ _ _ _ mtnd_relaxed mtnd_value _ < <(grep -E '^all ' "$out/mtnd-report.txt")
  got[meantime_nodateline_timex_relaxed_f1]=$mtnd_relaxed
  got[meantime_nodateline_timex_value_f1]=$mtnd_value
fi

fail=0
while read -r name floor; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  have="${got[$name]:-}"
  if [[ -z "$have" && "$name" == meantime_* && ! -d "$corpora/meantime/corpus_apple" ]]; then
    echo "accuracy guard: $name skipped ($corpora/meantime/corpus_apple not found)"
  elif [[ -z "$have" ]]; then
    echo "accuracy guard: $name not found in the report" >&2
    fail=1
  elif awk -v h="$have" -v f="$floor" 'BEGIN { exit !(h + 0 < f + 0) }'; then
    echo "accuracy guard: $name = $have, below its floor $floor" >&2
    fail=1
  else
    echo "accuracy guard: $name = $have (floor $floor) ok"
  fi
done < "$root/scripts/accuracy-floors.txt"
exit $fail
