#!/bin/bash
# libFuzzer targets (clang -fsanitize=fuzzer,address,undefined, on the host):
#   fuzz_elf   kernel/exec.c's load_elf_binary on any bytes (seeds: the
#              stripped /bin programs)
#   fuzz_inet  our libc's inet_pton/inet_aton/inet_addr/inet_ntop against
#              glibc's
# Each runs for SECONDS (default 5; make stress gives more) on a corpus kept
# in build/fuzz/corpus-NAME, and prints "NAME ok (N runs in S s)" or
# "NAME FAILED: ..." with the input that broke it; the last line is
# "N passed, N failed". Usage: bash tests/fuzz/run.sh [SECONDS]
set -u
cd "$(dirname "$0")/../.."

SECONDS_EACH=${1:-5}
B=build/fuzz
T=tests/fuzz
H=tests/host/robust
CLANG=${CLANG:-clang}
SAN="-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -g -O1"
KFLAGS="-ffreestanding -fno-builtin -nostdinc -isystem $($CLANG -print-resource-dir)/include
        -Iinclude -Iinclude/uapi -I$H -Wno-everything"
passed=0
failed=0
mkdir -p "$B"

fail() {
	echo "$1 FAILED: $2"
	failed=$((failed + 1))
}

if ! $CLANG --version >/dev/null 2>&1; then
	echo "libfuzzer ok (skipped: no clang)"
	echo "1 passed, 0 failed"
	exit 0
fi
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }\n' > "$B/probe.c"
if ! $CLANG -fsanitize=fuzzer,address "$B/probe.c" -o "$B/probe" >/dev/null 2>&1; then
	echo "libfuzzer ok (skipped: clang without libFuzzer; Debian: libclang-rt-14-dev)"
	echo "1 passed, 0 failed"
	exit 0
fi

# kernel functions the harness does not provide become stubs naming
# themselves (as tests/host/robust/run.sh does)
link() {
	local out=$1 log missing
	shift
	: > "$B/$(basename "$out")-stubs.c"
	for _ in 1 2 3; do
		$CLANG -c -g "$B/$(basename "$out")-stubs.c" -o "$B/$(basename "$out")-stubs.o" || return 1
		if log=$($CLANG $SAN -o "$out" "$@" "$B/$(basename "$out")-stubs.o" 2>&1); then
			return 0
		fi
		missing=$(printf '%s\n' "$log" | sed -n "s/.*undefined reference to \`\([A-Za-z_][A-Za-z0-9_]*\)'.*/\1/p" | sort -u)
		[ -n "$missing" ] || { printf '%s\n' "$log" | head -20; return 1; }
		for s in $missing; do
			printf 'void host_unexpected(const char *);\nvoid %s(void);\nvoid %s(void) { host_unexpected("%s"); }\n' \
				"$s" "$s" "$s" >> "$B/$(basename "$out")-stubs.c"
		done
	done
	printf '%s\n' "$log" | head -20
	return 1
}

build_elf() {
	$CLANG $SAN $KFLAGS -fsanitize=fuzzer-no-link -c $H/host_exec.c -o $B/host_exec.o &&
	$CLANG $SAN $KFLAGS -c $H/kernel_shim.c -o $B/kernel_shim.o &&
	$CLANG $SAN -I$H -c $T/fuzz_elf.c -o $B/fuzz_elf.o &&
	link $B/fuzz_elf $B/fuzz_elf.o $B/host_exec.o $B/kernel_shim.o
}

build_inet() {
	$CLANG $SAN -O0 -c $H/inet_menuos.c -o $B/inet_menuos.o &&
	$CLANG $SAN -c $T/fuzz_inet.c -o $B/fuzz_inet.o &&
	$CLANG $SAN -o $B/fuzz_inet $B/fuzz_inet.o $B/inet_menuos.o
}

# seeds: the programs of /bin without their debug sections, a small image
seed_elf() {
	local c=$B/corpus-fuzz_elf
	mkdir -p "$c"
	for p in build/bin/true build/bin/echo build/bin/hello; do
		[ -f "$p" ] && ${CROSS:-i686-linux-gnu-}strip -o "$c/$(basename "$p")" "$p" 2>/dev/null
	done
}

seed_inet() {
	local c=$B/corpus-fuzz_inet
	mkdir -p "$c"
	for s in 127.0.0.1 0x7f.1 255.255.255.255 1.2.3 017.0.0.1 "1.2.3.4 x"; do
		printf '%s' "$s" > "$c/$(printf '%s' "$s" | tr -c 'a-z0-9' _)"
	done
}

run_target() {
	local name=$1 out status runs
	export ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1
	out=$(cd "$B" && timeout $((SECONDS_EACH + 60)) "./$name" -max_total_time="$SECONDS_EACH" \
		-max_len=65536 -timeout=10 -rss_limit_mb=1024 -artifact_prefix="$name-" \
		"corpus-$name" 2>&1)
	status=$?
	runs=$(printf '%s\n' "$out" | sed -n 's/^Done \([0-9]*\) runs in \([0-9]*\) second.*/\1 runs in \2 s/p' | tail -1)
	if [ $status -eq 0 ] && [ -n "$runs" ]; then
		echo "$name ok ($runs)"
		passed=$((passed + 1))
	else
		printf '%s\n' "$out" | grep -v '^#' | tail -25
		fail "$name" "libFuzzer stopped (status $status); the input is in $B/$name-*"
	fi
}

if build_elf >"$B/build-elf.log" 2>&1; then
	seed_elf
	run_target fuzz_elf
else
	tail -20 "$B/build-elf.log"
	fail fuzz_elf "cannot build (see above)"
fi
if build_inet >"$B/build-inet.log" 2>&1; then
	seed_inet
	run_target fuzz_inet
else
	tail -20 "$B/build-inet.log"
	fail fuzz_inet "cannot build (see above)"
fi
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
