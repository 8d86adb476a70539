#!/usr/bin/env bash
# The table of docs/PERFORMANCE.md section 0b (issue #16, item 5): tag / extract / assemble /
# build / check / render on 1, 10, 100, 1,000, 10,000 documents and on one document of
# 100 KB, 1 MiB, 10 MiB — CPU seconds (user + system), wall seconds, peak memory — the growth
# exponent of each step, and chrono-node's and HeidelTime's tag CPU as ratios to `tag`'s.
#
#   scripts/bench-table.sh                       # everything (about 35 CPU-minutes, half of it the peers)
#   COUNTS="1 10 100" SIZES="102400" scripts/bench-table.sh
#   NO_PEERS=1 scripts/bench-table.sh            # without chrono-node and HeidelTime
#
# Documents: scripts/gen-docs.py (from the bundled example sources, about 2 KB each; the
# documents of one count are the first N of the largest). One long document: a prefix of
# bench-data/news-100mb.txt (scripts/bench-corpus.py, TBAQ text read from the shared corpora)
# cut at a line end. Every step runs as one process with --jobs 1 (`tag`, `extract`, `build`
# read the documents with --stream; `assemble` reads `extract`'s records; `check` and `render`
# read `assemble`'s timeline); `build`'s timeline is compared with `assemble`'s (cmp). CPU is
# from /usr/bin/time, so start-up is included; on a shared machine CPU is the figure to read.
# Peers (scripts/peers/install.sh): chrono-node in process on the same texts (start-up
# excluded, best of 1 after a warm-up); HeidelTime one JVM per document (start-up included),
# only where it finishes in reasonable time (up to 10 documents and 1 MiB).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
T="$root/target/release/tempograph"
cargo build --release --quiet
COUNTS="${COUNTS-1 10 100 1000 10000}"
SIZES="${SIZES-102400 1048576 10485760}"
TIMEOUT="${TIMEOUT:-1200}"
HT_MAX_DOCS="${HT_MAX_DOCS:-10}"
HT_MAX_BYTES="${HT_MAX_BYTES:-1048576}"
bd="$root/bench-data/table"
mkdir -p "$bd"
max=0
for n in $COUNTS; do [ "$n" -gt "$max" ] && max=$n; done
[ -f "$bd/all-$max.jsonl" ] || python3 scripts/gen-docs.py "$max" > "$bd/all-$max.jsonl"
if [ -n "$SIZES" ] && [ ! -f bench-data/news-100mb.txt ]; then
  python3 scripts/bench-corpus.py --docs 10 --big-mb 11 > /dev/null
fi
peers=1
[ -n "${NO_PEERS:-}" ] && peers=0
[ -d peers/chrono/node_modules/chrono-node ] || peers=0

echo "# bench-table $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), tempograph $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
: > "$bd/points"
# measure INPUT STEP CMD... : one row; the command's stdout goes to $bd/out
measure() {
  local input="$1" step="$2"; shift 2
  local rc=0
  /usr/bin/time -f "%e %U %S %M" -o "$bd/t" timeout "$TIMEOUT" "$@" > "$bd/out" 2> "$bd/err" || rc=$?
  local w u s m
  read -r w u s m < <(tail -1 "$bd/t")
  local cpu
  cpu=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u + s}')
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
    printf '| %s | %s | %s | %s | %s | %s |\n' "$input" "$step" "—" "$w" "$((m / 1024))" "failed (exit $rc$([ "$rc" = 124 ] && echo ", timeout ${TIMEOUT} s"))"
    return 0
  fi
  printf '| %s | %s | %s | %s | %s | |\n' "$input" "$step" "$cpu" "$w" "$((m / 1024))"
  echo "$series $x $step $cpu" >> "$bd/points"
}
# inproc BYTES ARGS...: tempograph's in-process tag CPU for BYTES of text, from `tempograph bench`
# (MB per CPU-second over at least 1 s of repeated runs), as point `inproc`.
inproc() {
  local bytes="$1"; shift
  local rate
  rate=$("$T" bench "$@" --seconds 1 2>&1 | grep -o '[0-9.]* MB/s per CPU-second' | head -1 | awk '{print $1}')
  [ -n "$rate" ] && [ -n "$bytes" ] && echo "$series $x inproc $(awk -v b="$bytes" -v r="$rate" 'BEGIN{printf "%.6f", b / (r * 1e6)}')" >> "$bd/points"
  return 0
}
printf '| input | step | CPU s | wall s | peak MB | note |\n|---|---|---|---|---|---|\n'
for n in $COUNTS; do
  series=docs x=$n
  d="$bd/docs-$n.jsonl"
  head -n "$n" "$bd/all-$max.jsonl" > "$d"
  in="$n docs ($(wc -c < "$d") B)"
  measure "$in" tag "$T" tag --stream --jobs 1 < "$d"
  measure "$in" extract "$T" extract --stream --jobs 1 < "$d"; mv "$bd/out" "$bd/rec.jsonl"
  measure "$in" assemble "$T" assemble --jobs 1 "$bd/rec.jsonl" -o "$bd/tl.yaml"
  measure "$in" build "$T" build --stream --jobs 1 -o "$bd/tl-build.yaml" < "$d"
  cmp -s "$bd/tl.yaml" "$bd/tl-build.yaml" || echo "| $in | build | | | | differs from extract + assemble |"
  measure "$in" check "$T" check "$bd/tl.yaml"
  measure "$in" render "$T" render "$bd/tl.yaml" --format mermaid
  if [ "$peers" = 1 ]; then
    node scripts/peers/chrono.js --repeat 1 2014-12-18 "$d" > "$bd/chrono" 2>&1 || true
    c=$(grep -o 'cpu [0-9.]* s' "$bd/chrono" | awk '{print $2}' | tail -1)
    echo "$series $x chrono ${c:-nan}" >> "$bd/points"
    inproc "$(grep -o '[0-9]* bytes' "$bd/chrono" | awk '{print $1}' | tail -1)" --jsonl "$d"
    if [ "$n" -le "$HT_MAX_DOCS" ]; then
      python3 -c "
import json,sys
for i,l in enumerate(open(sys.argv[1])):
    r=json.loads(l); open('$bd/ht-%05d.txt'%i,'w').write(r['text']); print('$bd/ht-%05d.txt'%i, r['published'])
" "$d" > "$bd/ht-list"
      start_cpu=0
      while read -r f p; do
        /usr/bin/time -f "%U %S" -o "$bd/th" bash scripts/peers/heideltime.sh "$f" "$p" > /dev/null 2>&1 || true
        start_cpu=$(awk -v a="$start_cpu" '{printf "%.2f", a + $1 + $2}' "$bd/th")
      done < "$bd/ht-list"
      rm -f "$bd"/ht-*.txt
      echo "$series $x heideltime $start_cpu" >> "$bd/points"
    fi
  fi
done
for b in $SIZES; do
  series=bytes
  f="$bd/long.txt"
  head -c "$b" bench-data/news-100mb.txt | sed '$d' > "$f"
  x=$(wc -c < "$f")
  in="1 doc of $((x / 1024)) KB"
  measure "$in" tag "$T" tag --dct 1998-01-08 --format jsonl "$f"
  measure "$in" extract "$T" extract --jobs 1 --dct 1998-01-08 "$f"; mv "$bd/out" "$bd/rec.jsonl"
  measure "$in" assemble "$T" assemble --jobs 1 "$bd/rec.jsonl" -o "$bd/tl.yaml"
  measure "$in" build "$T" build --jobs 1 --dct 1998-01-08 "$f" -o "$bd/tl-build.yaml"
  cmp -s "$bd/tl.yaml" "$bd/tl-build.yaml" || echo "| $in | build | | | | differs from extract + assemble |"
  measure "$in" check "$T" check "$bd/tl.yaml"
  measure "$in" render "$T" render "$bd/tl.yaml" --format mermaid
  if [ "$peers" = 1 ]; then
    node scripts/peers/chrono.js --repeat 1 1998-01-08 "$f" > "$bd/chrono" 2>&1 || true
    c=$(grep -o 'cpu [0-9.]* s' "$bd/chrono" | awk '{print $2}' | tail -1)
    echo "$series $x chrono ${c:-nan}" >> "$bd/points"
    inproc "$x" --file "$f"
    if [ "$x" -le "$HT_MAX_BYTES" ]; then
      /usr/bin/time -f "%U %S" -o "$bd/th" timeout "$TIMEOUT" bash scripts/peers/heideltime.sh "$f" 1998-01-08 > /dev/null 2>&1 || true
      echo "$series $x heideltime $(awk '{printf "%.2f", $1 + $2}' "$bd/th")" >> "$bd/points"
    fi
  fi
done
echo
echo "Growth exponent k of CPU ~ input^k (least squares; documents from 100 up, bytes over all sizes):"
for series in docs bytes; do
  for step in tag extract assemble build check render; do
    awk -v se="$series" -v st="$step" '$1 == se && $3 == st && ($1 == "bytes" || $2 >= 100) && $4 > 0 {
        x = log($2); y = log($4); n++; sx += x; sy += y; sxx += x * x; sxy += x * y }
      END { if (n > 1) printf "  %-5s %-8s k = %.2f (%d points)\n", se, st, (n * sxy - sx * sy) / (n * sxx - sx * sx), n }' "$bd/points"
  done
done
echo
echo "Peer tag CPU / tempograph tag CPU. chrono-node: both in process (start-up excluded; tempograph from \`tempograph bench\`)."
echo "HeidelTime: one JVM per document, start-up included, against the whole \`tempograph tag\` process (0.01 s when the timer says 0.00):"
awk '$3 == "tag" { t[$1 " " $2] = ($4 > 0 ? $4 : 0.01) } $3 == "inproc" { ip[$1 " " $2] = $4 }
     $3 == "chrono" || $3 == "heideltime" { p[$1 " " $2 " " $3] = $4 }
  END { for (k in p) { split(k, a, " "); base = (a[3] == "chrono" ? ip[a[1] " " a[2]] : t[a[1] " " a[2]]);
          if (base > 0 && p[k] != "nan")
            printf "  %-5s %10s %-10s %9.4f s / %9.4f s = %.0fx\n", a[1], a[2], a[3], p[k], base, p[k] / base } }' "$bd/points" | sort -k1,1 -k2,2n -k3
