#!/usr/bin/env bash
# Guards the syntax model on a UD treebank with the official CoNLL 2018 scorer:
#   1. accuracy: `parse --pretokenized` on the dev file, each figure against its floor in
#      scripts/syntax-floors.txt (never lower a floor to let a change pass);
#   2. reproducibility (with --reproduce): retrains the model with the settings in its
#      manifest and compares the bytes with the committed models/en/ud-ewt/model.bin.
# Usage: scripts/syntax-guard.sh CORPORA_DIR [--reproduce]
set -euo pipefail
corpora="${1:?usage: syntax-guard.sh CORPORA_DIR [--reproduce]}"
root="$(cd "$(dirname "$0")/.." && pwd)"
ud="$corpora/ud/en_ewt"
scorer="$corpora/../tools/ud-eval/conll18_ud_eval.py"
model_dir="$root/models/en/ud-ewt"
if [[ ! -f "$ud/dev.conllu" || ! -f "$scorer" ]]; then
  echo "syntax guard: $ud/dev.conllu or the scorer not found; skipped" >&2
  exit 0
fi
cargo build --release --quiet --locked --manifest-path "$root/Cargo.toml"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$root/target/release/tempograph" parse --pretokenized "$ud/dev.conllu" -o "$out/dev.conllu"
python3 "$scorer" -v "$ud/dev.conllu" "$out/dev.conllu" | tee "$out/report.txt"
fail=0
while read -r name floor; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  have=$(awk -F'|' -v m="$name" '{gsub(/ /, "", $1)} $1 == m {gsub(/ /, "", $4); print $4}' "$out/report.txt")
  if [[ -z "$have" ]]; then
    echo "syntax guard: $name not in the report" >&2; fail=1
  elif awk -v h="$have" -v f="$floor" 'BEGIN { exit !(h + 0 < f + 0) }'; then
    echo "syntax guard: $name = $have, below its floor $floor" >&2; fail=1
  else
    echo "syntax guard: $name = $have (floor $floor) ok"
  fi
done < "$root/scripts/syntax-floors.txt"
if [[ "${2:-}" == "--reproduce" ]]; then
  get() { awk -F' = ' -v k="$1" '$1 == k {gsub(/"/, "", $2); print $2; exit}' "$model_dir/manifest.toml"; }
  stacked=""
  [[ "$(get stacked_tagger)" == "true" ]] && stacked="--stacked"
  cargo build --release --quiet --locked --manifest-path "$root/Cargo.toml" -p tempograph-syntax --features train --bin train-syntax
  "$root/target/release/train-syntax" --train "$ud/train.conllu" --treebank "$(get treebank)" --out "$out/model" \
    --seed "$(get seed)" --tagger-epochs "$(get tagger_epochs)" --parser-epochs "$(get parser_epochs)" \
    --folds "$(get jackknife_folds)" --min-count "$(get min_feature_count)" --min-weight "$(get min_weight)" $stacked
  if cmp "$out/model/model.bin" "$model_dir/model.bin"; then
    echo "syntax guard: retrained model is byte-identical to models/en/ud-ewt/model.bin"
  else
    echo "syntax guard: retrained model differs from models/en/ud-ewt/model.bin" >&2; fail=1
  fi
fi
exit $fail
