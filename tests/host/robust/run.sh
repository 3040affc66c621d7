#!/bin/bash
# Host tests of kernel and libc code where a bug would be silent, built for
# i386 (the kernel's own sizes) with AddressSanitizer and UBSan:
#   inet_test       libc/inet.c's inet_pton/inet_aton/inet_addr/inet_ntop
#                   against glibc's, on hand-picked and random strings
#   elf_test        kernel/exec.c's load_elf_binary: every header check,
#                   truncated and mutated images, the real /bin programs
#   uaccess_test    kernel/uaccess.c: the user-range checks at TASK_SIZE,
#                   wrap-around, unmapped and read-only pages, strings
#   socketcall_test net/socket.c's sys_socketcall: how many bytes each
#                   sub-call takes from user memory (Linux's nargs[])
# The kernel's files are compiled as they are, with its headers, and linked
# with kernel_shim.c (memory, page tables, kmalloc); a kernel function the
# shim does not have becomes a stub that stops the test with its name.
# Every case prints "name ok" or "name FAILED: ..."; the last line is
# "N passed, N failed". Usage: bash tests/host/robust/run.sh (from anywhere;
# needs `make` to have fetched lwIP, for net/socket.c's headers).
set -u
cd "$(dirname "$0")/../../.."

CC=${CROSS:-i686-linux-gnu-}gcc
T=tests/host/robust
B=build/host-robust
GCC_INC=$($CC -print-file-name=include)
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
KFLAGS="-m32 -march=i686 -ffreestanding -fno-builtin -nostdinc -isystem $GCC_INC -g -O1 $SAN
        -Iinclude -Iinclude/uapi -Inet/lwip-port -Ibuild/lwip-2.1.3/src/include -I$T"
HFLAGS="-m32 -g -O1 $SAN -Wall -Wextra -Werror -I$T"
LDFLAGS="-m32 $SAN -static-libasan -static-libubsan"
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1

passed=0
failed=0
mkdir -p "$B"

note_failure() {
	echo "$1 FAILED: $2"
	failed=$((failed + 1))
}

# kernel-side objects: the kernel's headers, no host libc headers
kcompile() {
	local src=$1 obj=$2 log
	if ! log=$($CC $KFLAGS -c "$src" -o "$obj" 2>&1); then
		printf '%s\n' "$log" | head -20
		return 1
	fi
}

# Links prog from objs; kernel functions nobody provides become stubs that
# name themselves (host_unexpected) if the code under test ever calls them.
link() {
	local prog=$1 log missing
	shift
	: > "$B/$prog-stubs.c"
	for _ in 1 2 3; do
		$CC $HFLAGS -c "$B/$prog-stubs.c" -o "$B/$prog-stubs.o" || return 1
		if log=$($CC $LDFLAGS -o "$B/$prog" "$@" "$B/$prog-stubs.o" 2>&1); then
			return 0
		fi
		missing=$(printf '%s\n' "$log" | sed -n "s/.*undefined reference to \`\([A-Za-z_][A-Za-z0-9_]*\)'.*/\1/p" | sort -u)
		if [ -z "$missing" ]; then
			printf '%s\n' "$log" | head -20
			return 1
		fi
		for s in $missing; do
			printf 'void host_unexpected(const char *);\nvoid %s(void);\nvoid %s(void) { host_unexpected("%s"); }\n' \
				"$s" "$s" "$s" >> "$B/$prog-stubs.c"
		done
	done
	printf '%s\n' "$log" | head -20
	return 1
}

# runs one test program: its "ok"/"FAILED" lines count; a crash (a
# sanitizer report) or a hang is a failure too
run() {
	local prog=$1 out status
	out=$(cd "$B" && timeout 120 "./$prog" 2>&1)
	status=$?
	printf '%s\n' "$out" | grep -v -E '^[0-9]+ passed, [0-9]+ failed$'
	passed=$((passed + $(printf '%s\n' "$out" | grep -c -E ' ok( \(.*\))?$')))
	failed=$((failed + $(printf '%s\n' "$out" | grep -c -E ' FAILED')))
	if [ $status -ne 0 ] && ! printf '%s\n' "$out" | grep -q ' FAILED'; then
		note_failure "$prog" "exited with status $status (a sanitizer report above?)"
	fi
}

build_and_run() {
	local prog=$1
	shift
	local objs=() src
	for src in "$@"; do
		local obj="$B/$(basename "$src" .c)-$prog.o"
		case $src in
		*/host_*.c | */kernel_shim.c)
			kcompile "$src" "$obj" || { note_failure "$prog" "cannot compile $src with the kernel's headers"; return; } ;;
		*/inet_menuos.c) # -O0: glibc's headers make htonl a macro otherwise
			$CC $HFLAGS -O0 -c "$src" -o "$obj" || { note_failure "$prog" "cannot compile $src"; return; } ;;
		*)
			$CC $HFLAGS -c "$src" -o "$obj" || { note_failure "$prog" "cannot compile $src"; return; } ;;
		esac
		objs+=("$obj")
	done
	link "$prog" "${objs[@]}" || { note_failure "$prog" "cannot link"; return; }
	run "$prog"
}

printf 'int main(void)\n{\n\treturn 0;\n}\n' > "$B/probe.c"
if ! $CC $LDFLAGS "$B/probe.c" -o "$B/probe" >/dev/null 2>&1 || ! "$B/probe"; then
	echo "host-robust ok (skipped: $CC cannot build or run i386 programs with ASan/UBSan)"
	echo "1 passed, 0 failed"
	exit 0
fi
if [ ! -d build/lwip-2.1.3/src/include ]; then
	echo "host-robust: lwIP is not fetched yet (run make first)"
	echo "0 passed, 1 failed"
	exit 1
fi

build_and_run inet_test $T/inet_test.c $T/inet_menuos.c
build_and_run elf_test $T/elf_test.c $T/host_exec.c $T/kernel_shim.c
build_and_run uaccess_test $T/uaccess_test.c $T/host_uaccess.c $T/kernel_shim.c
build_and_run socketcall_test $T/socketcall_test.c $T/host_socket.c $T/kernel_shim.c

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
