#!/usr/bin/env bash
# Installs (or upgrades) the Inventory edge as a systemd service on a Debian box.
#
#   sudo deploy/install-edge.sh                 # publish from this checkout, install, enable, start
#   sudo deploy/install-edge.sh --no-start      # install but leave the service stopped
#   deploy/install-edge.sh --publish-only DIR   # just publish into DIR (no root needed)
#
# Needs the .NET 10 SDK on the machine that runs it. The published edge is self-contained, so the box
# itself needs no .NET runtime. Upgrades keep the data dir and the settings file; migrations run at start.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
prefix=/opt/inventory-edge
data=/var/lib/inventory-edge
conf=/etc/inventory-edge
service=inventory-edge
user=inventory
start=yes
publish_only=""

while [ $# -gt 0 ]; do
  case "$1" in
    --no-start) start=no ;;
    --publish-only) publish_only=${2:?--publish-only needs a directory}; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "Unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64|arm64) rid=linux-arm64 ;;
  armv7l) rid=linux-arm ;;
  *) echo "Unsupported CPU: $(uname -m)" >&2; exit 1 ;;
esac

publish() {
  echo "Publishing the edge for $rid into $1"
  dotnet publish "$repo/edge/Inventory.Edge/Inventory.Edge.csproj" -c Release -r "$rid" --self-contained true \
    -p:DebugType=none -o "$1" --nologo -v quiet
  cp "$repo/README.md" "$1/README.md"
}

if [ -n "$publish_only" ]; then
  publish "$publish_only"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Run as root (sudo): it creates a user, writes under /opt, /etc and /var/lib, and installs a unit." >&2
  exit 1
fi

# Labels are drawn with DejaVu Sans through fontconfig; without them PNG labels lose their text and PDF
# labels fail.
missing_packages=()
for pkg in fonts-dejavu-core libfontconfig1; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing_packages+=("$pkg")
done
if [ ${#missing_packages[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing_packages[@]}"
fi

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
publish "$staging"

if ! id -u "$user" >/dev/null 2>&1; then
  useradd --system --home-dir "$data" --no-create-home --shell /usr/sbin/nologin "$user"
fi

if systemctl is-active --quiet "$service"; then
  systemctl stop "$service"
fi

install -d -m 0755 "$prefix"
# Replace the program files whole; the data dir is elsewhere and untouched.
find "$prefix" -mindepth 1 -delete
cp -a "$staging/." "$prefix/"
chown -R root:root "$prefix"
chmod -R u=rwX,go=rX "$prefix"

install -d -m 0700 -o "$user" -g "$user" "$data"
install -d -m 0750 -o root -g "$user" "$conf"
if [ ! -f "$conf/edge.env" ]; then
  install -m 0640 -o root -g "$user" /dev/null "$conf/edge.env"
  cat > "$conf/edge.env" <<'ENV'
# Settings of this box (environment form of appsettings: "__" stands for ":").
# Inventory__Site__Code=WH1
# Inventory__Site__Name=Main warehouse
# Inventory__Mqtt__Port=1883
# ASPNETCORE_URLS=http://0.0.0.0:5080
# First start only: the manager "admin" gets this password (otherwise a random one is written to
# /var/lib/inventory-edge/secrets/admin-password, readable by the service user and root only).
# Inventory__Bootstrap__AdminPassword=
ENV
fi

install -m 0644 "$repo/deploy/inventory-edge.service" "/etc/systemd/system/$service.service"
systemctl daemon-reload
systemctl enable "$service" >/dev/null

if [ "$start" = yes ]; then
  systemctl start "$service"
  systemctl --no-pager --lines=0 status "$service" || true
  echo
  echo "Started. On a first install without a configured password, read the one-time admin password with:"
  echo "  sudo cat $data/secrets/admin-password"
  echo "(the file goes at the first start after the password was changed)"
fi
