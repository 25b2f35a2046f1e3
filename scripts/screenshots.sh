#!/usr/bin/env bash
# Screenshots of the main pages, as a person sees them: serve DB, load each page in headless
# Chromium, write PNGs to OUT. Usage: scripts/screenshots.sh DB OUT [PORT]
set -euo pipefail
db=${1:?database}; out=${2:?output folder}; port=${3:-8765}
chromium=$(command -v chromium || command -v chromium-browser) || { echo "no chromium: make ui-check installs it" >&2; exit 2; }
mkdir -p "$out"
.venv/bin/rashomon --db "$db" serve --port "$port" 2>/dev/null &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/articles?limit=1" >/dev/null && break; sleep 0.2; done
profile=$(mktemp -d)
shot() {  # name path
  "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --disable-quic --hide-scrollbars --user-data-dir="$profile" \
    --window-size=1280,1400 --screenshot="$out/$1.png" "http://127.0.0.1:$port$2" 2>/dev/null
}
article=$(curl -s "http://127.0.0.1:$port/api/quotes?speaker=Sharaa&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["article"])')
entity=$(curl -s "http://127.0.0.1:$port/api/quotes?speaker=Sharaa&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["speaker"]["entity"])')
shot home /
shot article "/articles/$article"
shot entity "/entities/$entity"
shot events "/events?country=SYR"
shot search "/search?q=Hmeimim"
story=$(curl -s "http://127.0.0.1:$port/api/stories?min_articles=2&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
shot story "/stories/$story"
shot stories "/stories"
rm -rf "$profile"
ls -la "$out"
