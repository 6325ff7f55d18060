#!/usr/bin/env bash
# Vendor the dashboard's third-party files from npm into src/rasid/web/static/vendor/.
# The built files are committed: `rasid serve` needs neither npm nor a network at run time.
# Installs into a temporary folder so no node_modules/ lands in the work tree.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/src/rasid/web/static/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp "$root/web-src/package.json" "$tmp/"
[ -f "$root/web-src/package-lock.json" ] && cp "$root/web-src/package-lock.json" "$tmp/"
(cd "$tmp" && if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi)
[ -f "$root/web-src/package-lock.json" ] || cp "$tmp/package-lock.json" "$root/web-src/"
nm="$tmp/node_modules"
rm -rf "$out" && mkdir -p "$out/images"
cp "$nm/leaflet/dist/leaflet.js" "$nm/leaflet/dist/leaflet.css" "$out/"
cp "$nm/leaflet/dist/images/"*.png "$out/images/"
cp "$nm/leaflet.markercluster/dist/leaflet.markercluster.js" "$nm/leaflet.markercluster/dist/MarkerCluster.css" \
   "$nm/leaflet.markercluster/dist/MarkerCluster.Default.css" "$out/"
cp "$nm/topojson-client/dist/topojson-client.min.js" "$out/"
cp "$nm/world-atlas/countries-110m.json" "$out/countries-110m.json"
for p in leaflet leaflet.markercluster topojson-client world-atlas; do
  cp "$nm/$p/LICENSE"* "$out/LICENSE.$p" 2>/dev/null || true
done
(cd "$nm" && for p in leaflet leaflet.markercluster topojson-client world-atlas; do
  node -e "const p=require('./$p/package.json');console.log(p.name+' '+p.version+' '+(p.license||''))"
done) > "$out/VERSIONS.txt"
echo "vendored into $out:"; ls -la "$out"
