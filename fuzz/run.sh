#!/usr/bin/env bash
# Fuzz every target for SECONDS (default 1800) at the lowest CPU priority, all at once, and
# print libFuzzer's final statistics. Needs cargo-fuzz (`cargo install cargo-fuzz`); on a
# stable toolchain RUSTC_BOOTSTRAP=1 lets it use the sanitizer flags.
#   fuzz/run.sh [SECONDS] [TARGET...]
# New inputs go to fuzz/corpus/<target> (not in git: docs/FUZZING.md says how to restore or
# regenerate it); the committed seeds are fuzz/seeds/<target>; crashes land in fuzz/artifacts/<target>: copy
# each to tests/data/fuzz/<target>/ with a test.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-1800}"; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(tag_text timeml_read timeline_yaml values pipeline manifest stream)
export RUSTC_BOOTSTRAP=1
nice -n 10 cargo fuzz build -O
# Run the built binaries directly: editing the sources while they run does not rebuild them.
bin=target/x86_64-unknown-linux-gnu/release
mkdir -p logs
# Seed folders besides seeds/<target>, so that no file is committed twice: the timeline
# fixtures of the tests (read recursively), and the plain-text seeds that tag_text shares
# with pipeline (both read 2 bytes of dates, then text).
extra_seeds() {
  case "$1" in
    timeline_yaml) echo ../tests/data/timelines ;;
    tag_text) echo seeds/pipeline ;;
  esac
}
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  # shellcheck disable=SC2046 # extra_seeds prints zero or one folder
  nice -n 19 "$bin/$t" -artifact_prefix="artifacts/$t/" \
    -max_total_time="$secs" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    "corpus/$t" "seeds/$t" $(extra_seeds "$t") > "logs/$t.log" 2>&1 &
done
wait || true
for t in "${targets[@]}"; do
  echo "== $t"
  grep -E "^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)|Done [0-9]+ runs|SUMMARY|Test unit written" "logs/$t.log" || true
done
