#!/usr/bin/env bash
# Boots what `make` built in QEMU, with the first serial console on this terminal (stdin and
# stdout), so a person or a test harness can talk to MenuOS.
#   ./run-qemu.sh            boot build/kernel.elf with -kernel (fast)
#   ./run-qemu.sh --iso      boot build/menuos.iso through GRUB
#   ./run-qemu.sh --gdb      start halted, GDB stub on 127.0.0.1:1234 (see .gdbinit)
#   ./run-qemu.sh --kvm      use KVM when /dev/kvm works (never the default)
#   ./run-qemu.sh --tty2 P   the second console (COM2, /dev/ttyS1) on 127.0.0.1:P (telnet/nc)
#   ./run-qemu.sh --extra F  F (a cpio "newc" archive) as the Multiboot module (-initrd) whose
#                            files the kernel adds to its root filesystem; by default
#                            build/extra.cpio when `make EXTRA=DIR` wrote it; --no-extra: none
#   ./run-qemu.sh --linux    boot the Linux peer instead (make linux-peer: Debian's i386 kernel
#                            and an initramfs with the same /bin), serial console here too
# Network (on by default): an e1000 NIC on QEMU's user network (MenuOS is 10.0.2.15, the host
# is 10.0.2.2), with host 127.0.0.1:5001 forwarded to MenuOS's port 5001 (replyhi), so
# `nc 127.0.0.1 5001` reaches replyhi. When 5001 is taken, a free port is used and printed.
#   --hostfwd PORT           forward host 127.0.0.1:PORT instead (or MENUOS_HOSTFWD_PORT)
#   --pcap FILE              write every frame of the NIC to FILE (pcap, for tshark/Wireshark)
#   --peer listen:PORT       no user network: the NIC is on a QEMU socket network that
#   --peer connect:PORT        another MenuOS joins (start the listener first); the listener
#                              is 10.0.3.1/24, the connector 10.0.3.2/24 (replyhi on one,
#                              `hello 10.0.3.1` on the other)
#   --ip ADDR/N | dhcp       the NIC's address (the kernel's ip= option)
#   --no-net (or -nic none)  no NIC at all: only loopback
#   anything else goes to QEMU as it is (-append adds to the kernel command line).
# Exit status: 0 after a clean power-off (`quit`), 2 after a kernel panic, else QEMU's own.
# Ctrl-A X leaves QEMU; Ctrl-C goes to MenuOS.
set -u
here=$(cd "$(dirname "$0")" && pwd)
boot=(-kernel "$here/build/kernel.elf")
accel=(-accel tcg)
gdb=()
tty2_port=${MENUOS_TTY2_PORT:-4555}
hostfwd_port=${MENUOS_HOSTFWD_PORT:-}
net=user
pcap=""
peer=""
ip=""
append=""
extra=()
initrd=""
[ -f "$here/build/extra.cpio" ] && initrd=$here/build/extra.cpio
linux=""
while [ $# -gt 0 ]; do
	case "$1" in
	--iso) boot=(-cdrom "$here/build/menuos.iso" -boot d) ;;
	--gdb) gdb=(-S -gdb tcp:127.0.0.1:"${MENUOS_GDB_PORT:-1234}") ;;
	--kvm) if [ -w /dev/kvm ]; then accel=(-accel kvm); else echo "run-qemu: /dev/kvm not usable, using TCG" >&2; fi ;;
	--tty2) tty2_port=$2; shift ;;
	--extra) initrd=$2; shift ;;
	--no-extra) initrd="" ;;
	-initrd) initrd=$2; shift ;;
	--linux) linux=1 ;;
	--hostfwd) hostfwd_port=$2; shift ;;
	--pcap) pcap=$2; shift ;;
	--peer) net=peer; peer=$2; shift ;;
	--ip) ip=$2; shift ;;
	--no-net) net=none ;;
	-append) append="$append $2"; shift ;;
	-nic|-net) [ "${2:-}" = none ] && net=none; extra+=("$1" "$2"); shift ;;
	*) extra+=("$1") ;;
	esac
	shift
done
free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
# a port another program holds, even one not accepting (QEMU's console with a client)
port_taken() {
	! python3 -c 'import socket, sys; socket.socket().bind(("127.0.0.1", int(sys.argv[1])))' "$1" 2>/dev/null
}
# the default second-console port may be taken (another MenuOS): then take any free one
if [ -z "${MENUOS_TTY2_PORT:-}" ] && port_taken "$tty2_port"; then
	tty2_port=$(free_port)
fi
netargs=()
case $net in
user)
	# 5001 like the guest's port, unless another program (another MenuOS) has it
	if [ -z "$hostfwd_port" ]; then
		hostfwd_port=5001
		if port_taken 5001; then hostfwd_port=$(free_port); fi
	fi
	netargs=(-netdev "user,id=n0,hostfwd=tcp:127.0.0.1:$hostfwd_port-:5001" -device e1000,netdev=n0)
	if [ -t 0 ]; then
		echo "run-qemu: host 127.0.0.1:$hostfwd_port -> MenuOS port 5001 (start replyhi, then: nc 127.0.0.1 $hostfwd_port)" >&2
	fi
	;;
peer)
	case $peer in
	listen:*) mode=listen; mac=52:54:00:12:34:56; [ "$ip" ] || ip=10.0.3.1/24 ;;
	connect:*) mode=connect; mac=52:54:00:12:34:57; [ "$ip" ] || ip=10.0.3.2/24 ;;
	*) echo "run-qemu: --peer listen:PORT or --peer connect:PORT" >&2; exit 64 ;;
	esac
	netargs=(-netdev "socket,id=n0,$mode=127.0.0.1:${peer#*:}" -device "e1000,netdev=n0,mac=$mac")
	echo "run-qemu: peer network, $mode 127.0.0.1:${peer#*:}; this MenuOS is ${ip%/*}" >&2
	;;
esac
if [ "$pcap" ] && [ $net != none ]; then
	netargs+=(-object "filter-dump,id=f0,netdev=n0,file=$pcap")
fi
[ $net = none ] && ! printf '%s\n' "${extra[@]}" | grep -qx none && netargs=(-nic none)
[ "$ip" ] && append="$append ip=$ip"
if [ "$linux" ]; then
	# the Linux peer: its kernel, its initramfs (our /bin inside), console on the first port
	peer_dir=$here/build/linux-peer
	if [ ! -f "$peer_dir/vmlinuz" ] || [ ! -f "$peer_dir/initramfs.cpio" ]; then
		echo "run-qemu: no Linux peer in $peer_dir: make linux-peer" >&2
		exit 64
	fi
	boot=(-kernel "$peer_dir/vmlinuz")
	initrd=$peer_dir/initramfs.cpio
	append="console=ttyS0 cryptomgr.notests quiet$append"
fi
if [ "$initrd" ]; then
	if [ "${boot[0]}" = -kernel ]; then
		[ -f "$initrd" ] || { echo "run-qemu: $initrd: no such file" >&2; exit 64; }
		boot+=(-initrd "$initrd")
	elif [ "$initrd" != "$here/build/extra.cpio" ]; then
		echo "run-qemu: --iso boots the ISO's own module (make EXTRA=DIR); ignoring $initrd" >&2
	fi
fi
if [ "$append" ]; then
	if [ "${boot[0]}" = -kernel ]; then
		boot+=(-append "${append# }")
	else
		echo "run-qemu: --iso boots GRUB's command line; ignoring:$append" >&2
	fi
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
	"${netargs[@]}" "${boot[@]}" "${gdb[@]}" "${extra[@]}" <&0 &
# QEMU runs as a child we wait for (to map its status); if this script is stopped
# (timeout, kill), QEMU goes with it rather than running on as an orphan.
qemu_pid=$!
trap 'kill -TERM $qemu_pid 2>/dev/null' TERM INT HUP
while :; do
	wait $qemu_pid
	status=$?
	kill -0 $qemu_pid 2>/dev/null || break # wait was cut short by a signal: wait again
done
case $status in
1) exit 0 ;;                                          # the kernel wrote 0: power-off
3) echo "run-qemu: kernel panic" >&2; exit 2 ;;       # the kernel wrote 1: panic
*) exit $status ;;
esac
