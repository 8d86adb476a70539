#!/usr/bin/env bash
# Scores the embedded syntax model on a UD treebank file with the official CoNLL 2018
# scorer, twice: with the gold tokenization (`parse --pretokenized`) and from raw text
# (`parse` on the text rebuilt from the file's `# text` lines, a blank line at each
# `# newpar`/`# newdoc`), so the raw figure includes our tokenizer and sentence splitter.
# Usage: scripts/ud-eval.sh GOLD.conllu [SCORER]
#   e.g. scripts/ud-eval.sh ../shared/corpora/ud/en_ewt/dev.conllu
set -euo pipefail
gold="${1:?usage: ud-eval.sh GOLD.conllu [conll18_ud_eval.py]}"
root="$(cd "$(dirname "$0")/.." && pwd)"
scorer="${2:-$(dirname "$gold")/../../../tools/ud-eval/conll18_ud_eval.py}"
[[ -f "$scorer" ]] || scorer="$root/../shared/tools/ud-eval/conll18_ud_eval.py"
bin="$root/target/release/tempograph"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
"$bin" parse --pretokenized "$gold" -o "$out/gold-tok.conllu"
echo "== gold tokenization"
python3 "$scorer" -v "$gold" "$out/gold-tok.conllu"
python3 - "$gold" > "$out/raw.txt" <<'PY'
import sys
paras, cur = [], []
for line in open(sys.argv[1], encoding="utf-8"):
    if line.startswith("# newdoc") or line.startswith("# newpar"):
        if cur:
            paras.append(" ".join(cur)); cur = []
    elif line.startswith("# text = "):
        cur.append(line[len("# text = "):].rstrip("\n"))
if cur:
    paras.append(" ".join(cur))
print("\n\n".join(paras))
PY
"$bin" parse "$out/raw.txt" -o "$out/raw.conllu"
echo "== raw text (our tokenizer and sentence splitter)"
python3 "$scorer" -v "$gold" "$out/raw.conllu"
