#!/usr/bin/env bash
# macOS only: builds target/installer/Atelier.icns from assets/icons with Apple's iconutil.
set -euo pipefail
cd "$(dirname "$0")/../.."
set_dir=target/installer/Atelier.iconset
rm -rf "$set_dir" && mkdir -p "$set_dir"
for size in 16 32 128 256 512; do
  sips -z $size $size assets/icons/atelier-512.png --out "$set_dir/icon_${size}x${size}.png" >/dev/null
  double=$((size * 2))
  sips -z $double $double assets/icons/atelier-512.png --out "$set_dir/icon_${size}x${size}@2x.png" >/dev/null
done
iconutil -c icns "$set_dir" -o target/installer/Atelier.icns
