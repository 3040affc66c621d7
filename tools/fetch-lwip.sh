#!/usr/bin/env bash
# Fetches upstream lwIP 2.1.3 as Debian ships it (source package `lwip`, 2.1.3+dfsg1-2: its
# orig tarball is pristine upstream minus generated Doxygen HTML) and unpacks it for the build.
#   tools/fetch-lwip.sh [BUILD_DIR]     (default: build)
# Result: BUILD_DIR/lwip-2.1.3/src/... and a verified copy of the tarball in BUILD_DIR/lwip-dl/.
# The network is used only when neither the unpacked tree nor a verified tarball is there.
# /etc/apt is never changed: a private APT configuration under BUILD_DIR/lwip-dl/apt turns the
# system's own Debian mirror into a deb-src one for this one download.
set -eu

B=${1:-build}
VERSION=2.1.3
TARBALL=lwip_2.1.3+dfsg1.orig.tar.xz
SHA256=0a8276d09fc4e97bbba2f953d74af2388fc2195ea156be9d7589e297a68fde24
DL="$B/lwip-dl"
TREE="$B/lwip-$VERSION"
SYSTEM_SOURCES=/etc/apt/sources.list.d/debian.sources

say() { echo "fetch-lwip: $*"; }
die() { echo "fetch-lwip: error: $*" >&2; exit 1; }

verified() { [ -f "$1" ] && echo "$SHA256  $1" | sha256sum -c - >/dev/null 2>&1; }

# The tree is complete only when the marker written after a successful unpack is there.
if [ -f "$TREE/.unpacked" ]; then
	exit 0
fi

mkdir -p "$DL"
if ! verified "$DL/$TARBALL"; then
	if [ -f "$DL/$TARBALL" ]; then
		say "$DL/$TARBALL fails the sha256 check: downloading it again"
		rm -f "$DL/$TARBALL"
	fi
	command -v apt-get >/dev/null || die "apt-get not found (this script needs Debian's APT)"
	apt="$(cd "$DL" && pwd)/apt"
	rm -rf "$apt"
	mkdir -p "$apt/sources.list.d" "$apt/preferences.d" "$apt/lists/partial" \
		"$apt/cache/archives/partial"
	# The system's sources, as source-package entries (Debian 12's deb822 file, or the
	# one-line format of older installations).
	if [ -r "$SYSTEM_SOURCES" ]; then
		sed 's/^Types:.*/Types: deb-src/' "$SYSTEM_SOURCES" >"$apt/sources.list.d/debian.sources"
	elif grep -qs '^deb ' /etc/apt/sources.list; then
		sed -n 's/^deb /deb-src /p' /etc/apt/sources.list >"$apt/sources.list.d/debian.list"
	else
		die "neither $SYSTEM_SOURCES nor /etc/apt/sources.list names a Debian mirror"
	fi
	cat >"$apt/apt.conf" <<EOF
Dir::Etc::SourceList "/dev/null";
Dir::Etc::SourceParts "$apt/sources.list.d";
Dir::Etc::Preferences "/dev/null";
Dir::Etc::PreferencesParts "$apt/preferences.d";
Dir::State::Lists "$apt/lists";
Dir::Cache "$apt/cache";
EOF
	export APT_CONFIG="$apt/apt.conf"
	say "downloading Debian's lwip source package index (private APT config in $apt)"
	# One broken index (another suite, another architecture) makes apt-get update exit 100
	# while the one we need is fine: the download below is what has to succeed.
	apt-get -q update >"$apt/update.log" 2>&1 ||
		say "apt-get update reported a problem (see $apt/update.log); trying the download anyway"
	say "downloading $TARBALL"
	# apt-get source writes into the current directory.
	if ! (cd "$DL" && apt-get -q source --download-only lwip >"$apt/source.log" 2>&1); then
		tail -n 5 "$apt/update.log" "$apt/source.log" >&2
		die "apt-get source --download-only lwip failed (is the Debian mirror reachable?)"
	fi
	[ -f "$DL/$TARBALL" ] || die "apt-get did not bring $TARBALL (a different lwip version?)"
	verified "$DL/$TARBALL" || {
		rm -f "$DL/$TARBALL"
		die "$TARBALL: sha256 mismatch (expected $SHA256)"
	}
	say "$TARBALL: sha256 OK"
fi

say "unpacking into $TREE"
tmp="$B/lwip-unpack.$$"
rm -rf "$tmp" "$TREE"
mkdir -p "$tmp"
# tar needs the xz program for .xz, which a minimal Debian may lack; Python's tarfile
# (python3 is a MenuOS build tool anyway) reads it without.
if command -v xz >/dev/null; then
	tar -xJf "$DL/$TARBALL" -C "$tmp"
else
	python3 -c 'import sys, tarfile; tarfile.open(sys.argv[1]).extractall(sys.argv[2])' \
		"$DL/$TARBALL" "$tmp"
fi || { rm -rf "$tmp"; die "cannot unpack $DL/$TARBALL"; }
top=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d)
[ -n "$top" ] && [ -f "$top/src/core/init.c" ] || { rm -rf "$tmp"; die "unexpected tarball layout"; }
mv "$top" "$TREE"
rm -rf "$tmp"
touch "$TREE/.unpacked"
say "lwIP $VERSION ready in $TREE"
