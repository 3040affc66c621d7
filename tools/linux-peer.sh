#!/usr/bin/env bash
# The Linux peer: Debian's stock i386 kernel booting to the same MenuOS shell, for comparing
# MenuOS with Linux in the same QEMU (behaviour, strace output, `make bench`).
#   tools/linux-peer.sh [BUILD_DIR]        build BUILD_DIR/linux-peer/{vmlinuz,initramfs.cpio}
#   tools/linux-peer.sh run [ARGS...]      boot it (./run-qemu.sh --linux ARGS...)
# The kernel comes from Debian's linux-image-*-686-unsigned package for i386, downloaded once
# and unpacked with dpkg-deb -x (never installed). /etc/apt is never changed: a private APT
# configuration under BUILD_DIR/linux-peer/apt reads the system's Debian mirror for i386.
# The initramfs holds a small /init (tools/linux-peer-init.c, static against glibc) that
# mounts /proc, /sys, /dev and tracefs, brings lo up, loads e1000.ko (the only module kept)
# and gives eth0 MenuOS's address, then execs our /bin/init: the same init, the
# same shell on both consoles, the same /bin (BUILD_DIR/bin/* and BUILD_DIR/linux-progs/*).
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
if [ "${1:-}" = run ]; then
	shift
	exec "$here/run-qemu.sh" --linux "$@"
fi
B=${1:-build}
PEER="$B/linux-peer"
SYSTEM_SOURCES=/etc/apt/sources.list.d/debian.sources
CC=${CROSS:-i686-linux-gnu-}gcc

say() { echo "linux-peer: $*"; }
die() { echo "linux-peer: error: $*" >&2; exit 1; }

mkdir -p "$PEER"

# ---- the kernel and its e1000 driver: downloaded once ----
if [ ! -f "$PEER/vmlinuz" ] || [ ! -f "$PEER/e1000.ko" ]; then
	command -v apt-get >/dev/null || die "apt-get not found (this script needs Debian's APT)"
	apt="$(cd "$PEER" && pwd)/apt"
	rm -rf "$apt"
	mkdir -p "$apt/sources.list.d" "$apt/preferences.d" "$apt/lists/partial" \
		"$apt/cache/archives/partial" "$apt/dl"
	# The system's Debian sources, for i386 only (deb822, or the older one-line format).
	if [ -r "$SYSTEM_SOURCES" ]; then
		sed '/^Architectures:/d; s/^Types:.*/&\nArchitectures: i386/' "$SYSTEM_SOURCES" \
			>"$apt/sources.list.d/debian.sources"
	elif grep -qs '^deb ' /etc/apt/sources.list; then
		sed -n 's/^deb \(\[[^]]*\] \)\?/deb [arch=i386] /p' /etc/apt/sources.list \
			>"$apt/sources.list.d/debian.list"
	else
		die "neither $SYSTEM_SOURCES nor /etc/apt/sources.list names a Debian mirror"
	fi
	cat >"$apt/apt.conf" <<EOF
APT::Architecture "i386";
APT::Architectures { "i386"; };
Dir::Etc::SourceList "/dev/null";
Dir::Etc::SourceParts "$apt/sources.list.d";
Dir::Etc::Preferences "/dev/null";
Dir::Etc::PreferencesParts "$apt/preferences.d";
Dir::State::Lists "$apt/lists";
Dir::State::status "/dev/null";
Dir::Cache "$apt/cache";
Acquire::Languages "none";
EOF
	export APT_CONFIG="$apt/apt.conf"
	say "downloading Debian's i386 package index (private APT config in $apt)"
	apt-get -q update >"$apt/update.log" 2>&1 ||
		say "apt-get update reported a problem (see $apt/update.log); trying anyway"
	# The meta package linux-image-686 depends on the current kernel, linux-image-ABI-686;
	# its build without a signature is linux-image-ABI-686-unsigned.
	pkg=$(apt-cache depends linux-image-686 2>/dev/null |
		sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*-686\)$/\1/p' | head -n 1)
	[ -n "$pkg" ] || { tail -n 5 "$apt/update.log" >&2; die "no linux-image-686 in the i386 index"; }
	if apt-cache show "$pkg-unsigned" >/dev/null 2>&1; then pkg=$pkg-unsigned; fi
	say "downloading $pkg (i386)"
	(cd "$apt/dl" && apt-get -q download "$pkg:i386" >"$apt/download.log" 2>&1) ||
		{ tail -n 5 "$apt/download.log" >&2; die "apt-get download $pkg:i386 failed"; }
	deb=$(ls "$apt"/dl/"$pkg"_*_i386.deb | head -n 1)
	say "unpacking $(basename "$deb") (dpkg-deb -x, not installed)"
	rm -rf "$PEER/pkg"
	dpkg-deb -x "$deb" "$PEER/pkg"
	kernel=$(ls "$PEER"/pkg/boot/vmlinuz-* | head -n 1)
	[ -f "$kernel" ] || die "no /boot/vmlinuz-* in $deb"
	# of the modules only the NIC's driver (QEMU's e1000, as MenuOS has) is kept
	cp "$PEER"/pkg/boot/config-* "$PEER/" 2>/dev/null || true
	e1000=$(find "$PEER/pkg/lib/modules" -name e1000.ko | head -n 1)
	[ -f "$e1000" ] || die "no e1000.ko in $deb"
	cp "$e1000" "$PEER/e1000.ko"
	echo "$pkg" >"$PEER/version"
	cp "$kernel" "$PEER/vmlinuz.tmp"
	mv "$PEER/vmlinuz.tmp" "$PEER/vmlinuz"
	rm -rf "$PEER/pkg" "$apt/cache/archives" "$apt/dl"
	say "kernel: $PEER/vmlinuz ($pkg)"
fi

# ---- the initramfs: rebuilt every time (cheap), so it has the current /bin ----
"$CC" -static -O2 -Wall -Wextra -Werror -o "$PEER/init" "$here/tools/linux-peer-init.c"
progs=$(ls "$B"/bin/* "$B"/linux-progs/* 2>/dev/null || true)
[ -n "$progs" ] || die "no programs in $B/bin (run make first)"
# shellcheck disable=SC2086
python3 - "$PEER/initramfs.cpio" "$PEER/init" "$PEER/e1000.ko" $progs <<'EOF'
"""A cpio "newc" initramfs: /init, /dev/console (the kernel opens it for init's stdio before
anything is mounted), empty /dev /proc /sys /tmp, /lib/modules/e1000.ko, and /bin/NAME for
every program."""
import os
import sys

out, init, e1000, progs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
ino = 0


def entry(name, mode, data=b"", rdev=(0, 0)):
    global ino
    ino += 1
    name_b = name.encode() + b"\0"
    fields = [ino, mode, 0, 0, 1, 0, len(data), 0, 0, rdev[0], rdev[1], len(name_b), 0]
    head = b"070701" + b"".join(b"%08X" % f for f in fields)
    blob = head + name_b
    blob += b"\0" * (-len(blob) % 4)
    blob += data + b"\0" * (-len(data) % 4)
    return blob


dirs = ("bin", "dev", "proc", "sys", "tmp", "lib", "lib/modules")
archive = b"".join(entry(d, 0o040755) for d in dirs)
archive += entry("dev/console", 0o020600, rdev=(5, 1))
archive += entry("init", 0o100755, open(init, "rb").read())
archive += entry("lib/modules/e1000.ko", 0o100644, open(e1000, "rb").read())
for path in sorted(progs, key=os.path.basename):
    archive += entry("bin/" + os.path.basename(path), 0o100755, open(path, "rb").read())
archive += entry("TRAILER!!!", 0)
with open(out + ".tmp", "wb") as f:
    f.write(archive)
os.rename(out + ".tmp", out)
EOF
say "ready: $PEER/vmlinuz ($(cat "$PEER/version" 2>/dev/null)), $PEER/initramfs.cpio ($(echo "$progs" | wc -w) programs); boot it: ./run-qemu.sh --linux"
