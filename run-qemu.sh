#!/usr/bin/env bash
# Boots what `make` built in QEMU, with the first serial console on this terminal (stdin and
# stdout), so a person or a test harness can talk to MenuOS.
#   ./run-qemu.sh            boot build/kernel.elf with -kernel (fast)
#   ./run-qemu.sh --iso      boot build/menuos.iso through GRUB
#   ./run-qemu.sh --gdb      start halted, GDB stub on 127.0.0.1:1234 (see .gdbinit)
#   ./run-qemu.sh --kvm      use KVM when /dev/kvm works (never the default)
#   ./run-qemu.sh --tty2 P   the second console (COM2, /dev/ttyS1) on 127.0.0.1:P (telnet/nc)
#   anything else goes to QEMU as it is.
# Exit status: 0 after a clean power-off (`quit`), 2 after a kernel panic, else QEMU's own.
# Ctrl-A X leaves QEMU; Ctrl-C goes to MenuOS.
set -u
here=$(cd "$(dirname "$0")" && pwd)
boot=(-kernel "$here/build/kernel.elf")
accel=(-accel tcg)
gdb=()
tty2_port=${MENUOS_TTY2_PORT:-4555}
extra=()
while [ $# -gt 0 ]; do
	case "$1" in
	--iso) boot=(-cdrom "$here/build/menuos.iso" -boot d) ;;
	--gdb) gdb=(-S -gdb tcp:127.0.0.1:"${MENUOS_GDB_PORT:-1234}") ;;
	--kvm) if [ -w /dev/kvm ]; then accel=(-accel kvm); else echo "run-qemu: /dev/kvm not usable, using TCG" >&2; fi ;;
	--tty2) tty2_port=$2; shift ;;
	*) extra+=("$1") ;;
	esac
	shift
done
# the default second-console port may be taken (another MenuOS): then take any free one
if [ -z "${MENUOS_TTY2_PORT:-}" ] && (exec 3<>/dev/tcp/127.0.0.1/"$tty2_port") 2>/dev/null; then
	tty2_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
fi
if [ "${gdb[*]}" ]; then
	echo "run-qemu: waiting for GDB on 127.0.0.1:${MENUOS_GDB_PORT:-1234} (gdb build/kernel.elf -ex 'target remote :${MENUOS_GDB_PORT:-1234}')" >&2
fi
if [ -t 0 ]; then
	echo "run-qemu: second console on 127.0.0.1:$tty2_port (nc 127.0.0.1 $tty2_port); Ctrl-A X quits QEMU" >&2
fi
qemu-system-i386 "${accel[@]}" -m 128M -display none -no-reboot \
	-chardev stdio,id=con0,mux=on,signal=off -serial chardev:con0 -mon chardev=con0,mode=readline \
	-serial tcp:127.0.0.1:"$tty2_port",server=on,wait=off \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04 \
	"${boot[@]}" "${gdb[@]}" "${extra[@]}"
status=$?
case $status in
1) exit 0 ;;                                          # the kernel wrote 0: power-off
3) echo "run-qemu: kernel panic" >&2; exit 2 ;;       # the kernel wrote 1: panic
*) exit $status ;;
esac
