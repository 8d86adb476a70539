#!/usr/bin/env bash
# Re-draw the pictures in docs/img/ from a timeline (default: timelines/sony-hack-2014.yaml).
#   bash tools/diagram-renderers/render-docs.sh [TIMELINE.yaml [NAME]]
# Needs the renderers (install.sh). Writes docs/img/NAME.svg/.png (Graphviz, clusters per
# document) and NAME.gantt.svg/.png and NAME.timeline.png (mermaid-cli).
set -euo pipefail
TOOLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$TOOLS_DIR/../.." && pwd)"
timeline="${1:-$ROOT/timelines/sony-hack-2014.yaml}"
name="${2:-sony-hack-2014}"
export TEMPOGRAPH_DIAGRAM_TOOLS="$TOOLS_DIR"
bin="${TEMPOGRAPH_BIN:-$ROOT/target/debug/tempograph}"
[ -x "$bin" ] || (cd "$ROOT" && cargo build -q)
out="$ROOT/docs/img"
mkdir -p "$out"
"$bin" check "$timeline" || true
"$bin" render "$timeline" --format svg --clusters -o "$out/$name.svg"
"$bin" render "$timeline" --format png --clusters -o "$out/$name.png"
"$bin" render "$timeline" --format svg --engine mermaid-gantt -o "$out/$name.gantt.svg"
"$bin" render "$timeline" --format png --engine mermaid-gantt -o "$out/$name.gantt.png"
"$bin" render "$timeline" --format png --engine mermaid -o "$out/$name.timeline.png"
ls -l "$out"
