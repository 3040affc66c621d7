#!/bin/bash
# Host tests: the ABI check (include/uapi against Linux's and glibc's headers)
# and the libc tests (tests/host/libc_*.c), linked against OUR libc exactly as
# MenuOS programs are and run natively on this Linux host. Every case prints
# "name ok" or "name FAILED: ..."; the last line is "N passed, N failed".
# Usage: bash tests/host/run.sh   (from anywhere; builds into build/host-tests/)
set -u
cd "$(dirname "$0")/../.."

CROSS=${CROSS:-i686-linux-gnu-}
CC=${CROSS}gcc
LD=${CROSS}ld
B=build/host-tests
T=tests/host
GCC_INC=$($CC -print-file-name=include)
LIBGCC=$($CC -print-libgcc-file-name)
# the flags the top Makefile builds MenuOS programs with
UCFLAGS="-m32 -march=i686 -ffreestanding -fno-pie -fno-stack-protector -fno-omit-frame-pointer
         -nostdinc -isystem $GCC_INC -g -Wall -Wextra -Werror -O2 -Ilibc/include -Iinclude/uapi"
HOSTFLAGS="-m32 -O0 -g -Wall -Wextra -Werror -I$T -I$B/abi"

passed=0
failed=0
mkdir -p "$B/abi"

# count the "name ok" / "name FAILED" lines of one program's output
tally() {
	local out=$1
	printf '%s\n' "$out" | grep -v -E '^[0-9]+ passed, [0-9]+ failed$'
	passed=$((passed + $(printf '%s\n' "$out" | grep -c -E ' ok$')))
	failed=$((failed + $(printf '%s\n' "$out" | grep -c -E ' FAILED')))
}

# a build step that must work; on failure one FAILED case with the compiler's words
build() {
	local name=$1
	shift
	local log
	if ! log=$("$@" 2>&1); then
		printf '%s\n' "$log" | head -20
		echo "$name FAILED: build failed: $*"
		failed=$((failed + 1))
		return 1
	fi
}

# run one test program (with a timeout); a crash or a hang is a failure too
run() {
	local name=$1 prog=$2 out status
	out=$(cd "$B" && timeout 20 "./$prog" 2>&1)
	status=$?
	tally "$out"
	if [ $status -ne 0 ] && ! printf '%s\n' "$out" | grep -q ' FAILED'; then
		echo "$name FAILED: exited with status $status and no failed case"
		failed=$((failed + 1))
	fi
}

# ---- our libc, and can this host run i386 programs at all? ---------------------------------
if ! build libc make -s libc; then
	echo "$passed passed, $failed failed"
	exit 1
fi
printf 'int main(void)\n{\n\treturn 0;\n}\n' > "$B/probe.c"
build probe $CC $UCFLAGS -c "$B/probe.c" -o "$B/probe.o" &&
	build probe $LD -m elf_i386 -static -o "$B/probe" build/libc/crt0.o "$B/probe.o" \
		build/libc/libc.a "$LIBGCC" || { echo "$passed passed, $failed failed"; exit 1; }
"$B/probe" 2>/dev/null
status=$?
if [ $status -eq 126 ]; then	# the shell's "cannot execute binary file"
	echo "host-libc: SKIPPED (host cannot run i386 ELF)"
	echo "0 passed, 0 failed"
	exit 0
elif [ $status -ne 0 ]; then
	echo "probe FAILED: an empty main() built with our libc exited with status $status"
	failed=$((failed + 1))
fi

# ---- ABI check ----------------------------------------------------------------------------
if build abi-check python3 $T/gen_abi_names.py include/uapi $B/abi &&
   build abi-check $CC $HOSTFLAGS -ffreestanding -nostdinc -isystem "$GCC_INC" -Iinclude/uapi \
	-c $T/abi_ours.c -o $B/abi/ours.o &&
   build abi-check $CC $HOSTFLAGS -c $T/abi_linux.c -o $B/abi/linux.o &&
   build abi-check $CC $HOSTFLAGS -c $T/abi_glibc.c -o $B/abi/glibc.o &&
   build abi-check $CC $HOSTFLAGS -c $T/abi_check.c -o $B/abi/check.o &&
   build abi-check $CC -m32 -static -o $B/abi_check $B/abi/ours.o $B/abi/linux.o \
	$B/abi/glibc.o $B/abi/check.o; then
	run abi_check abi_check
fi

# ---- libc tests ---------------------------------------------------------------------------
for src in $T/libc_*.c; do
	prog=$(basename "$src" .c)
	build "$prog" $CC $UCFLAGS -c "$src" -o "$B/$prog.o" &&
	build "$prog" $LD -m elf_i386 -static -o "$B/$prog" build/libc/crt0.o "$B/$prog.o" \
		build/libc/libc.a "$LIBGCC" &&
	run "$prog" "$prog"
done

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
