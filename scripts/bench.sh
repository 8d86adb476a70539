#!/usr/bin/env bash
# Print every figure of docs/PERFORMANCE.md, measured now on this machine.
#
#   scripts/bench.sh            # everything (HeidelTime takes about a minute on the slice)
#   NO_PEERS=1 scripts/bench.sh # tempograph only
#   NO_HEIDELTIME=1 scripts/bench.sh # tempograph and chrono-node (HeidelTime is the slow part)
#
# Inputs are made by scripts/bench-corpus.py into bench-data/ (gitignored) from the TBAQ
# corpus ($TEMPOGRAPH_CORPORA, default ../shared/corpora); the peers are installed into peers/
# (gitignored) by scripts/peers/install.sh. Throughputs are given by wall clock and per
# CPU-second: on a shared machine the second is the per-core figure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bd=bench-data
T=target/release/tempograph
DCT=1998-01-08

echo "# tempograph benchmarks, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -sr)"
echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
cargo build --release --quiet
[ -f "$bd/news-100mb.txt" ] && [ -f "$bd/timeline-100k.yaml" ] || python3 scripts/bench-corpus.py > /dev/null
mkdir -p "$bd/out"
git_rev="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "# tempograph $git_rev"

# `cpu CMD...`: run CMD (stdout to /dev/null) and print "WALL CPU MAXRSS_KB" (CPU = user + sys,
# children included).
cpu() {
  local f; f="$(mktemp)"
  /usr/bin/time -f "%e %U %S %M" -o "$f" "$@" > /dev/null
  awk '{printf "%.3f %.3f %d\n", $1, $2 + $3, $4}' "$f"
  rm -f "$f"
}
mbs() { awk -v b="$1" -v s="$2" 'BEGIN { if (s > 0) printf "%.3f", b / s / 1e6; else printf "inf" }'; }

echo
echo "## 1. Tagging + normalization, one thread, in process (tempograph bench)"
for f in slice-64k tbaq news-1mb; do
  TEMPOGRAPH_CORPORA=/nonexistent $T bench --file "$bd/$f.txt" --seconds 3 | grep '^1 file'
done | tee "$bd/out/bench-inproc.txt"
TEMPOGRAPH_CORPORA=/nonexistent $T bench --file "$bd/news-100mb.txt" --seconds 0 | grep '^1 file' | tee -a "$bd/out/bench-inproc.txt"
# The 5,000 small documents, each tagged on its own with its own date, in process (the same
# footing as chrono-node's figure below: JSON parsed before the clock starts).
TEMPOGRAPH_CORPORA=/nonexistent $T bench --jsonl "$bd/docs.jsonl" --seconds 3 | grep ' docs ' | tee -a "$bd/out/bench-inproc.txt"
if [ -d "${TEMPOGRAPH_CORPORA:-../shared/corpora}/tbaq" ]; then
  $T bench --seconds 3 | grep '^corpus'
fi
r1=$(grep 'news-1mb' "$bd/out/bench-inproc.txt" | sed -E 's/.* ([0-9.]+) MB\/s per CPU-second/\1/')
r100=$(grep 'news-100mb' "$bd/out/bench-inproc.txt" | sed -E 's/.* ([0-9.]+) MB\/s per CPU-second/\1/')
echo "linearity: 100 MB document runs at $(awk -v a="$r100" -v b="$r1" 'BEGIN{printf "%.2f", a/b}')x the per-byte speed of 1 MB (1.00 = linear)"

echo
echo "## 2. Start-up"
hyperfine -N --warmup 20 --runs 200 --style none --export-json "$bd/out/startup.json" "$T --version" > /dev/null 2>&1
python3 -c "import json,sys; r=json.load(open('$bd/out/startup.json'))['results'][0]; print('start-up \`tempograph --version\`: mean %.2f ms, median %.2f ms, min %.2f ms (hyperfine, %d runs)' % (r['mean']*1e3, r['median']*1e3, r['min']*1e3, len(r['times'])))"
printf 'Sony canceled the Dec. 25 release on Wednesday.\n' > "$bd/out/tiny.txt"
hyperfine -N --warmup 20 --runs 200 --style none --export-json "$bd/out/startup-tag.json" "$T tag --dct 2014-12-18 $bd/out/tiny.txt" > /dev/null 2>&1
python3 -c "import json,sys; r=json.load(open('$bd/out/startup-tag.json'))['results'][0]; print('tag one 49-byte file, whole process: mean %.2f ms, median %.2f ms, min %.2f ms (hyperfine, %d runs)' % (r['mean']*1e3, r['median']*1e3, r['min']*1e3, len(r['times'])))"

echo
echo "## 3. Corpus of $(ls "$bd/docs" | wc -l) documents ($(du -sb "$bd/docs" | cut -f1) bytes)"
docs_n=$(ls "$bd/docs" | wc -l)
docs_b=$(cat "$bd"/docs/*.txt | wc -c)
for j in 1 2; do
  read -r w c m < <(cpu $T tag --jobs "$j" --format jsonl "$bd"/docs/*.txt)
  $T tag --jobs "$j" --format jsonl "$bd"/docs/*.txt > "$bd/out/docs-j$j.jsonl"
  echo "tag --jobs $j, $docs_n files: wall $w s, CPU $c s, max RSS $((m / 1024)) MB: $(awk -v n="$docs_n" -v s="$w" 'BEGIN{printf "%.0f", n/s}') docs/s wall, $(awk -v n="$docs_n" -v s="$c" 'BEGIN{printf "%.0f", n/s}') docs per CPU-second, $(mbs "$docs_b" "$c") MB per CPU-second"
done
cmp -s "$bd/out/docs-j1.jsonl" "$bd/out/docs-j2.jsonl" && echo "output of --jobs 1 and --jobs 2: byte-identical ($(wc -l < "$bd/out/docs-j1.jsonl") lines)" || echo "output of --jobs 1 and --jobs 2: DIFFERENT"
jl_n=$(wc -l < "$bd/docs.jsonl")
jl_b=$(wc -c < "$bd/docs.jsonl")
for j in 1 2; do
  read -r w c m < <(cpu sh -c "$T tag --stream --jobs $j < $bd/docs.jsonl")
  $T tag --stream --jobs "$j" < "$bd/docs.jsonl" > "$bd/out/stream-j$j.jsonl"
  echo "tag --stream --jobs $j, $jl_n records ($jl_b bytes): wall $w s, CPU $c s, max RSS $((m / 1024)) MB: $(awk -v n="$jl_n" -v s="$w" 'BEGIN{printf "%.0f", n/s}') docs/s wall, $(mbs "$jl_b" "$w") MB/s wall, $(mbs "$jl_b" "$c") MB per CPU-second"
done
cmp -s "$bd/out/stream-j1.jsonl" "$bd/out/stream-j2.jsonl" && echo "stream output of --jobs 1 and --jobs 2: byte-identical" || echo "stream output of --jobs 1 and --jobs 2: DIFFERENT"
for n in 250 500 1000 2000 5000; do
  read -r w c m < <(cpu $T build --jobs 2 $(ls -d "$bd"/docs/*.txt | head -"$n"))
  echo "build --jobs 2, $n documents into one timeline: wall $w s, CPU $c s, max RSS $((m / 1024)) MB: $(awk -v n="$n" -v s="$w" 'BEGIN{printf "%.0f", n/s}') docs/s wall, $(awk -v n="$n" -v s="$c" 'BEGIN{printf "%.0f", n/s}') docs per CPU-second"
done
$T build --jobs 1 $(ls -d "$bd"/docs/*.txt | head -100) > "$bd/out/build-j1.yaml" 2>/dev/null
$T build --jobs 2 $(ls -d "$bd"/docs/*.txt | head -100) > "$bd/out/build-j2.yaml" 2>/dev/null
cmp -s "$bd/out/build-j1.yaml" "$bd/out/build-j2.yaml" && echo "build output of --jobs 1 and --jobs 2 (100 documents): byte-identical" || echo "build output of --jobs 1 and --jobs 2: DIFFERENT"

echo
echo "## 4. Timeline check (graph consistency + order)"
for n in 10k 100k; do
  read -r w c m < <(cpu $T check "$bd/timeline-$n.yaml")
  echo "check $n events: wall $w s, CPU $c s, max RSS $((m / 1024)) MB"
  read -r w c m < <(cpu $T render --format json "$bd/timeline-$n.yaml")
  echo "render --format json (ordered) $n events: wall $w s, CPU $c s, max RSS $((m / 1024)) MB"
done

[ -n "${NO_PEERS:-}" ] && exit 0
echo
echo "## 5. Peers, same files, same run"
if [ ! -d peers/chrono/node_modules/chrono-node ]; then
  echo "peers not installed: run scripts/peers/install.sh"; exit 0
fi
node scripts/peers/chrono.js "$DCT" "$bd/slice-64k.txt" "$bd/tbaq.txt" "$bd/news-1mb.txt" "$bd/docs.jsonl" | tee "$bd/out/chrono.txt"
sl_b=$(wc -c < "$bd/slice-64k.txt")
# HeidelTime is optional (NO_HEIDELTIME=1, or not installed): it takes about a minute.
ht_cpu=
if [ -f peers/heideltime.jar ] && [ -z "${NO_HEIDELTIME:-}" ]; then
  read -r w c m < <(cpu nice -n 5 scripts/peers/heideltime.sh "$bd/slice-64k.txt" "$DCT")
  echo "heideltime slice-64k.txt: $sl_b bytes, whole process (JVM + TreeTagger): wall $w s, CPU $c s: $(mbs "$sl_b" "$w") MB/s wall, $(mbs "$sl_b" "$c") MB per CPU-second" | tee "$bd/out/heideltime.txt"
  ht_cpu=$c
else
  echo "heideltime: skipped (not installed, or NO_HEIDELTIME set)"
fi
ours() { grep "$1" "$bd/out/bench-inproc.txt" | sed -E 's/.* ([0-9.]+) MB\/s per CPU-second/\1/'; }
ch() { grep "chrono $1" "$bd/out/chrono.txt" | sed -E 's/.* ([0-9.]+) MB\/s per CPU-second/\1/'; }
tg_slice=$(ours slice-64k)
echo
echo "ratios, per CPU-second (tempograph in process, one thread):"
[ -n "$ht_cpu" ] && echo "  slice-64k  tempograph $tg_slice MB/s / HeidelTime $(mbs "$sl_b" "$ht_cpu") MB/s = $(awk -v a="$tg_slice" -v b="$sl_b" -v s="$ht_cpu" 'BEGIN{printf "%.0f", a/(b/s/1e6)}')x"
for f in slice-64k tbaq news-1mb; do
  echo "  $f  tempograph $(ours "$f") MB/s / chrono $(ch "$f.txt") MB/s = $(awk -v a="$(ours "$f")" -v b="$(ch "$f.txt")" 'BEGIN{printf "%.1f", a/b}')x"
done
tg_docs=$(grep ' docs .*docs.jsonl' "$bd/out/bench-inproc.txt" | sed -E 's/.* ([0-9.]+) MB\/s per CPU-second/\1/')
echo "  docs.jsonl ($jl_n documents, each on its own, both in process) tempograph $tg_docs MB/s / chrono $(ch docs.jsonl) MB/s = $(awk -v a="$tg_docs" -v b="$(ch docs.jsonl)" 'BEGIN{printf "%.1f", a/b}')x (text bytes)"
st_c=$(cpu sh -c "$T tag --stream --jobs 1 < $bd/docs.jsonl" | cut -d' ' -f2)
txt_b=$(grep 'chrono docs.jsonl' "$bd/out/chrono.txt" | sed -E 's/.* docs ([0-9]+) bytes.*/\1/')
echo "  docs.jsonl ($jl_n documents, each on its own; tempograph end to end: tag --stream --jobs 1, JSON in and out) $(mbs "$txt_b" "$st_c") MB/s / chrono $(ch docs.jsonl) MB/s = $(awk -v a="$(mbs "$txt_b" "$st_c")" -v b="$(ch docs.jsonl)" 'BEGIN{printf "%.1f", a/b}')x (text bytes)"
