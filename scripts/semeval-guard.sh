#!/usr/bin/env bash
# CI guard for the SemEval-2015 TimeLine figures (official scorer, trial data, all six entities):
# fails when Track A or Track B micro F1 drops below its floor in scripts/semeval-floors.txt.
# Skips with a warning when the trial data, the official scorer or Python 2 is missing.
#   usage: scripts/semeval-guard.sh CORPORA
set -euo pipefail
corpora="${1:?usage: semeval-guard.sh CORPORA}"
root="$(cd "$(dirname "$0")/.." && pwd)"
scorer="${TEMPOGRAPH_SEMEVAL_SCORER:-$corpora/../tools/semeval2015-scorer}"
if [[ ! -d "$corpora/semeval2015-trial" || ! -f "$scorer/evaluation_all.py" ]]; then
  echo "WARNING: SemEval-2015 trial data or official scorer missing; SemEval guard skipped" >&2; exit 0
fi
py27=""
if command -v pyenv >/dev/null; then py27=$(pyenv versions --bare 2>/dev/null | grep '^2\.7' | tail -n 1 || true); fi
if ! python2 --version >/dev/null 2>&1 && [[ -z "$py27" ]]; then
  echo "WARNING: no Python 2 for the official SemEval scorer; SemEval guard skipped" >&2; exit 0
fi
fail=0
while read -r name floor; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  track="${name#semeval_track_}"; track="${track%%_*}"
  got=$(bash "$root/scripts/semeval-timeline.sh" "$corpora" "$track" | awk '$3 == "all" {print $5}')
  if awk -v g="$got" -v f="$floor" 'BEGIN { exit !(g + 0 >= f + 0) }'; then
    echo "ok   $name $got (floor $floor)"
  else
    echo "FAIL $name ${got:-none} below floor $floor"; fail=1
  fi
done < "$root/scripts/semeval-floors.txt"
exit $fail
