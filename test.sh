#!/usr/bin/env bash
# Sets up what the tests need on a fresh Debian machine with the .NET SDK, then runs every test.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Ledger]
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the test suite drives for real. Installed only when missing; a tool that cannot be
# installed fails the run here, loudly, instead of letting a test skip itself.
# mosquitto runs the device programs' test broker and mosquitto-clients are the real MQTT clients the
# edge's tests use; zbar-tools and poppler-utils read the labels back, zint makes barcode images to
# decode; SkiaSharp needs libfontconfig1 and the labels' font is DejaVu Sans; postgresql gives the cloud's
# tests their own server (initdb and pg_ctl on a free port, run as the postgres user); chromium is the browser
# the web UI's Playwright tests drive (/usr/bin/chromium, never a downloaded build).
apt_packages=(mosquitto mosquitto-clients zbar-tools poppler-utils zint fonts-dejavu-core libfontconfig1 postgresql chromium)
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
  # Debian starts the mosquitto package's own broker on 1883, the edge's default MQTT port; the tests
  # start their own brokers on free ports, so the system one is stopped rather than left in the way.
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet mosquitto 2>/dev/null; then
    $sudo systemctl disable --now mosquitto >/dev/null 2>&1 || true
    echo "Stopped the system mosquitto service (port 1883 belongs to the edge's embedded broker)."
  fi
fi

# The edge's build runs `npm ci` for its web UI's front-end packages. The machine image ships Node.js with npm;
# Debian's packages stand in only where npm is missing (installing Debian's npm over another Node.js would clash).
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm
fi

dotnet --version >/dev/null
dotnet tool restore >/dev/null

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test Inventory.sln -c Release "$@" 2>&1 | tee "$log" | grep -E "^\s*(Passed|Failed|Skipped)!|^\s*Failed |Error Message|error [A-Z]+[0-9]+" 
status=${PIPESTATUS[0]}
set -e

# One summary line in the plain form CI reads: "tests: N passed, N failed".
count() { { grep -Eo "$1: +[0-9]+" "$log" || true; } | { grep -Eo "[0-9]+" || true; } | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(count Passed)
failed=$(count Failed)
skipped=$(count Skipped)
echo "tests: ${passed:-0} passed, ${failed:-0} failed, ${skipped:-0} skipped"
if [ "$status" -eq 0 ] && [ "${passed:-0}" -eq 0 ]; then
  echo "No test ran." >&2
  exit 1
fi
exit "$status"
