#!/usr/bin/env bash
# Install the real diagram renderers used by tempograph's tests and by
# `tempograph render --format svg|png`: Graphviz (`dot`), Debian's chromium (also what
# tests/render_html.rs loads the `--format html` page in), the fonts that
# make label metrics reproducible, and mermaid-cli (mmdc) + the mermaid parser from the
# pinned, committed package-lock.json.
#
#   bash tools/diagram-renderers/install.sh
#
# Idempotent (a second run takes about a second), non-interactive (CI=true, no stdin), and it
# never downloads a browser of its own: puppeteer drives /usr/bin/chromium through
# puppeteer-config.json. Needs root for apt-get (CI and the dev machines run as root); without
# root it installs only what it can and says which packages are missing.
#
# Afterwards point the tests at this folder:
#   export TEMPOGRAPH_DIAGRAM_TOOLS="$PWD/tools/diagram-renderers"
set -euo pipefail
TOOLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DEBIAN_FRONTEND=noninteractive
export PUPPETEER_SKIP_DOWNLOAD=1            # never fetch Chrome from the internet
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

pkgs=(graphviz chromium fonts-liberation2 fonts-dejavu-core)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install.sh: not root; install these Debian packages first: ${missing[*]}" >&2
    exit 1
  fi
  echo "install.sh: apt-get install ${missing[*]}"
  apt-get update -qq </dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
fi
echo "graphviz: $(dot -V 2>&1)"
echo "chromium: $(/usr/lib/chromium/chromium --version 2>/dev/null || echo '?')"

command -v npm >/dev/null || { echo "install.sh: npm not found (Node 20 is expected on the machine)" >&2; exit 1; }
stamp="$TOOLS_DIR/node_modules/.install-stamp"
want="$(sha256sum "$TOOLS_DIR/package-lock.json" | cut -d' ' -f1)"
if [ ! -x "$TOOLS_DIR/node_modules/.bin/mmdc" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "install.sh: npm ci (mermaid-cli, mermaid, jsdom, puppeteer)"
  (cd "$TOOLS_DIR" && npm ci --no-audit --no-fund --loglevel=error </dev/null)
  echo "$want" > "$stamp"
fi
echo "mmdc: $("$TOOLS_DIR/node_modules/.bin/mmdc" --version)"
echo "install.sh: ok; export TEMPOGRAPH_DIAGRAM_TOOLS=$TOOLS_DIR"
