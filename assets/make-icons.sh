#!/usr/bin/env bash
# Rasterises assets/atelier.svg into every size the installers and the window need.
# Needs rsvg-convert (Debian: librsvg2-bin) and, for the Windows .ico, ImageMagick.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p icons
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" atelier.svg -o "icons/atelier-$size.png"
done
if command -v convert >/dev/null && convert -version >/dev/null 2>&1; then
  convert icons/atelier-{16,24,32,48,64,128,256}.png icons/atelier.ico
fi
