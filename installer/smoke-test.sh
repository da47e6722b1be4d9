#!/usr/bin/env bash
# Release smoke test of the Linux package: build the .deb, install it for real, start the installed
# app under Xvfb and screenshot its window, render with the installed `atelier` command, uninstall.
# Fails loudly at the first broken step. Needs root (dpkg) and ../shared/images for the render, which
# uses only the built-in weights.
#
# Usage: installer/smoke-test.sh [path/to/atelier.deb]     Screenshot: target/smoke/installed-app.png
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=target/smoke
rm -rf "$out" && mkdir -p "$out"
step() { printf '\n== %s\n' "$*"; }
fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }

need=()
for tool in Xvfb:xvfb import:imagemagick xdotool:xdotool fakeroot:fakeroot dpkg-deb:dpkg bc:bc; do
  command -v "${tool%%:*}" >/dev/null || need+=("${tool##*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  step "installing ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

deb=${1:-}
if [ -z "$deb" ]; then
  step "building the .deb"
  [ -f target/atelier.jar ] || mvn -q -B -DskipTests package
  installer/build.sh deb
  deb=$(ls target/installer/atelier_*.deb | head -n 1)
fi
[ -f "$deb" ] || fail "no .deb at '$deb'"
size_mb=$(( $(stat -c %s "$deb") / 1024 / 1024 ))
echo "package: $deb (${size_mb} MB)"
[ "$size_mb" -le 150 ] || fail "the .deb is ${size_mb} MB, over the 150 MB budget"

step "installing the package"
if dpkg -s atelier >/dev/null 2>&1; then
  echo "purging an atelier package left installed by an earlier run"
  DEBIAN_FRONTEND=noninteractive dpkg --purge atelier >/dev/null || fail "could not purge the earlier atelier package"
fi
# What a desktop system has and a bare container lacks, so the menu entry can be checked here too.
mkdir -p /etc/xdg/menus /usr/share/applications /usr/share/desktop-directories /usr/share/mime/packages
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null || fail "apt-get could not install $deb"
cleanup() { DEBIAN_FRONTEND=noninteractive dpkg --purge atelier >/dev/null 2>&1 || true; }
trap cleanup EXIT
[ -x /opt/atelier/bin/Atelier ] || fail "/opt/atelier/bin/Atelier missing after install"
[ -L /usr/bin/atelier ] || fail "/usr/bin/atelier (terminal command) missing after install"
[ -f /usr/share/applications/atelier-Atelier.desktop ] || fail "no desktop menu entry installed"
grep -q 'Exec=/opt/atelier/bin/Atelier %F' /usr/share/applications/atelier-Atelier.desktop || fail "desktop entry cannot open files"
grep -q 'image/jpeg' /usr/share/applications/atelier-Atelier.desktop || fail "desktop entry lacks the image file associations"
echo "installed size: $(du -sh /opt/atelier | cut -f1)"

step "starting the installed app under Xvfb"
display=:97
Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null || true; cleanup' EXIT
sleep 1
export HOME_FOR_APP
HOME_FOR_APP=$(mktemp -d)
start=$(date +%s.%N)
DISPLAY=$display HOME=$HOME_FOR_APP /opt/atelier/bin/Atelier > "$out/app.log" 2>&1 &
app_pid=$!
window=""
for _ in $(seq 1 120); do
  window=$(DISPLAY=$display xdotool search --name '^Atelier' 2>/dev/null | head -n 1 || true)
  [ -n "$window" ] && break
  kill -0 $app_pid 2>/dev/null || { cat "$out/app.log" >&2; fail "the installed app exited before showing a window"; }
  sleep 0.5
done
[ -n "$window" ] || { cat "$out/app.log" >&2; fail "no Atelier window within 60 s"; }
echo "launch to window: $(echo "$(date +%s.%N) - $start" | bc) s"
sleep 4
DISPLAY=$display import -window root "$out/installed-app.png"
echo "screenshot: $out/installed-app.png"
[ -d "$HOME_FOR_APP/.djl.ai" ] && fail "first launch unpacked DJL into the home folder's root (~/.djl.ai)"
kill $app_pid 2>/dev/null || true
wait $app_pid 2>/dev/null || true

step "rendering with the installed command-line launcher: no ATELIER_MODELS, an empty home"
# A fresh install has only the built-in SqueezeNet 1.1; Java takes its home from the password
# database, not $HOME, so user.home is pointed at the empty folder too.
images=$root/../shared/images
[ -f "$images/dog.jpg" ] || fail "sample images not found at $images"
fresh_home=$(mktemp -d)
fresh() { env -u ATELIER_MODELS -u XDG_DATA_HOME HOME="$fresh_home" JAVA_TOOL_OPTIONS="-Duser.home=$fresh_home" "$@"; }
fresh atelier models list > "$out/models-list.txt" 2>&1 || { cat "$out/models-list.txt" >&2; fail "atelier models list failed"; }
grep -q '^squeezenet1_1 *present *built-in' "$out/models-list.txt" || { cat "$out/models-list.txt" >&2; fail "models list does not show the built-in SqueezeNet"; }
fresh atelier render --content "$images/dog.jpg" --style "$images/scream.jpg" \
  --size 96 --iterations 5 --out "$out/render.png" || fail "atelier render failed with the built-in weights"
[ -s "$out/render.png" ] || fail "atelier render wrote no image"
echo "render: $out/render.png (built-in weights)"
rm -rf "$fresh_home"

step "uninstalling"
DEBIAN_FRONTEND=noninteractive dpkg --purge atelier >/dev/null || fail "dpkg --purge failed"
[ -e /opt/atelier ] && fail "/opt/atelier left behind after purge"
[ -e /usr/bin/atelier ] && fail "/usr/bin/atelier left behind after purge"
trap 'kill $xvfb_pid 2>/dev/null || true' EXIT
echo
echo "SMOKE TEST PASSED"
