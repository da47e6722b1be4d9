#!/usr/bin/env bash
# Builds Atelier's native packages with jpackage from jpackage.cfg plus the per-OS argument file.
#
# Layout of what ships: a jlink-trimmed runtime, atelier.jar with its libraries, and the PyTorch
# native library already unpacked under pytorch/, pointed to by PYTORCH_LIBRARY_PATH, so a first
# launch extracts and downloads nothing.
#
# Usage: installer/build.sh [all|app-image|deb|rpm|dmg|pkg|msi|exe]   (after `mvn package`; `mvn -Pinstaller package` runs it)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
types=${1:-all}
out=target/installer
stage=$out/input

[ -f target/atelier.jar ] && [ -d target/lib ] || { echo "build.sh: run 'mvn package' first (target/atelier.jar missing)" >&2; exit 1; }

version=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | sed -n 1p)
[ -n "$version" ] || { echo "build.sh: cannot read the project version from pom.xml" >&2; exit 1; }

case "$(uname -s)" in
  Linux) os=linux; native_platform=linux-x86_64; jni_name=libdjl_torch.so ;;
  Darwin) os=macos; native_platform=osx-aarch64; jni_name=libdjl_torch.dylib ;;
  *) os=windows; native_platform=win-x86_64; jni_name=djl_torch.dll ;;
esac

echo "== staging app files (version $version, $os)"
rm -rf "$out" && mkdir -p "$stage/lib" "$stage/pytorch"
cp target/atelier.jar "$stage/"
native_jar=""
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in
    pytorch-native-cpu-*) native_jar=$jar ;;          # unpacked below instead of shipped zipped
    *) cp "$jar" "$stage/lib/" ;;
  esac
done
[ -n "$native_jar" ] || { echo "build.sh: pytorch-native-cpu jar not found in target/lib" >&2; exit 1; }
unzip -q -j -o "$native_jar" "pytorch/cpu/$native_platform/*" -d "$stage/pytorch"
djl_version=$(ls "$stage"/lib/pytorch-engine-*.jar | sed 's:.*pytorch-engine-\(.*\)\.jar:\1:')
# DJL looks for its JNI bridge beside libtorch under the name <djl version>-<library file>.
unzip -q -p "$stage"/lib/pytorch-jni-*.jar "jnilib/$native_platform/cpu/$jni_name" > "$stage/pytorch/$djl_version-$jni_name"

if [ "$os" = macos ]; then installer/macos/make-icns.sh; fi

echo "== jlink runtime"
jlink --add-modules "$(tr -d ' \n' < installer/runtime-modules.txt)" \
      --strip-debug --no-header-files --no-man-pages --compress=2 \
      --output "$out/runtime"

run_jpackage() {
  jpackage ${JPACKAGE_EXTRA:-} @jpackage.cfg @"installer/$os/jpackage-$os.cfg" \
    --app-version "$version" --input "$stage" --runtime-image "$out/runtime" --dest "$out" "$@"
}

want() { [ "$types" = all ] || [ "$types" = "$1" ]; }

package_args=(@"installer/$os/package-$os.cfg")
case "$os" in
  linux) package_types="deb rpm" ;;
  macos) package_types="dmg pkg" ;;
  windows) package_types="msi exe" ;;   # jpackage needs the WiX Toolset 3 on the PATH for both
esac

if want app-image; then echo "== app image"; run_jpackage --type app-image; fi
for type in $package_types; do
  want "$type" || continue
  if [ "$type" = rpm ] && ! command -v rpmbuild >/dev/null; then
    echo "== .rpm skipped: rpmbuild not installed"
    continue
  fi
  echo "== .$type"
  run_jpackage --type "$type" "${package_args[@]}"
done
ls -la "$out"
