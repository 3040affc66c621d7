# GDB for MenuOS: the kernel's symbols, the shell's, the connection to QEMU and the menuos-*
# helper commands (tools/gdb/menuos.py). Two terminals, both in this directory:
#   make debug        QEMU boots halted and waits for GDB on 127.0.0.1:1234
#   make gdb          gdb -x .gdbinit (this file); then `break sys_socketcall`, `continue`
# Another port (several users on one machine): `make debug GDB_PORT=1300`, `make gdb
# GDB_PORT=1300` (both set MENUOS_GDB_PORT). Plain `gdb` reads this file by itself only if
# ~/.gdbinit has `add-auto-load-safe-path /path/to/menuos`; `gdb -x .gdbinit` always does.
# The walkthrough: docs/gdb-walkthrough.md.
set confirm off
set pagination off
file build/kernel.elf
source tools/gdb/menuos.py
# Every user program is linked at 0x08048000, so GDB holds one program's symbols at a
# time: the shell's now; `usersyms hello` switches (it is add-symbol-file build/bin/hello
# after remove-symbol-file of the one before).
usersyms menu
menuos-connect
