#!/usr/bin/env bash
# Installs the Debian packages MenuOS needs to build, boot and test, when they are missing.
# Runs once per machine from `make` (build/.setup-done); safe to run again by hand.
set -u
pkgs=(qemu-system-x86 nasm gcc-i686-linux-gnu binutils-i686-linux-gnu libc6-dev-i386-cross
      linux-libc-dev-i386-cross grub-pc-bin grub-common xorriso mtools gdb python3
      clang-format cppcheck bear
      tshark   # reads the network tests' pcap (tests/test_network.py); noninteractive below
      chromium)  # headless, for the browser test of make web (tests/test_web.py)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# make web needs node and npm (its packages come from the npm registry). Debian's only where
# none is there: a node from elsewhere (NodeSource's bundles npm) conflicts with Debian's npm.
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
if [ ${#missing[@]} -eq 0 ]; then
	echo "setup: all build tools present"
	exit 0
fi
echo "setup: installing missing Debian packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
# A broken index for one architecture makes apt-get update exit 100 while the lists we need
# are fine, so its status is not trusted; the install below is what must succeed.
$sudo apt-get update -q || echo "setup: apt-get update reported a problem; trying the install anyway"
if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"; then
	echo "setup: could not install: ${missing[*]}" >&2
	exit 1
fi
echo "setup: done"
