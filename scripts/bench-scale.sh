#!/usr/bin/env bash
# How `build` of ONE document grows with its size: CPU seconds, wall seconds and peak memory
# of `tempograph build --jobs 1` on prefixes of one long news document (100 KB to 10 MiB),
# and the growth exponent k of CPU ~ size^k (least squares over all sizes, and between the
# smallest and the largest), then the dense-dates case (20,000 x "On Thursday ").
#
#   scripts/bench-scale.sh              # sizes 100 KB .. 10 MiB
#   SIZES="102400 1048576" scripts/bench-scale.sh
#
# The document is bench-data/news-100mb.txt (scripts/bench-corpus.py: TBAQ text repeated,
# read from $TEMPOGRAPH_CORPORA); each prefix is cut at a line end. CPU is user + system
# time from /usr/bin/time: on a shared machine it is the per-core figure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bd=bench-data
T=target/release/tempograph
cargo build --release --quiet
[ -f "$bd/news-100mb.txt" ] || python3 scripts/bench-corpus.py > /dev/null
SIZES="${SIZES:-102400 323817 1048576 3238173 10485760}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
echo "# build of one document, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), tempograph $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
printf '%12s %10s %10s %10s %12s\n' bytes cpu_s wall_s rss_mb bytes/cpu_s
: > "$tmp/points"
for n in $SIZES; do
  # A prefix of n bytes, cut back to the last line end.
  head -c "$n" "$bd/news-100mb.txt" | sed '$d' > "$tmp/doc.txt"
  b=$(wc -c < "$tmp/doc.txt")
  /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$T" build --jobs 1 --dct 1998-01-08 "$tmp/doc.txt" > /dev/null 2> "$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  read -r w u s m < "$tmp/t"
  c=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u + s}')
  printf '%12d %10s %10s %10d %12.0f\n' "$b" "$c" "$w" $((m / 1024)) "$(awk -v b="$b" -v c="$c" 'BEGIN{print (c > 0 ? b / c : 0)}')"
  echo "$b $c" >> "$tmp/points"
done
awk '{ x = log($1); y = log($2 > 0.005 ? $2 : 0.005); n++; sx += x; sy += y; sxx += x * x; sxy += x * y
       if (NR == 1) { x0 = x; y0 = y } x1 = x; y1 = y }
     END { if (n > 1) printf "growth exponent (CPU ~ size^k): least squares k = %.2f; smallest to largest k = %.2f\n",
             (n * sxy - sx * sy) / (n * sxx - sx * sx), (y1 - y0) / (x1 - x0) }' "$tmp/points"
python3 -c "import sys; sys.stdout.write('On Thursday ' * 20000 + '\n')" > "$tmp/thursday.txt"
/usr/bin/time -f "%e %U %S %M" -o "$tmp/t" "$T" build --jobs 1 --dct 2014-12-18 "$tmp/thursday.txt" > /dev/null 2>&1
read -r w u s m < "$tmp/t"
echo "20,000 x \"On Thursday \" ($(wc -c < "$tmp/thursday.txt") bytes): CPU $(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u + s}') s, wall $w s, max RSS $((m / 1024)) MB"
