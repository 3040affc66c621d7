#!/usr/bin/env python3
"""Reads `nm -n kernel.elf` and writes a NASM file with the kernel's function symbols
(addresses sorted, and their names), which kernel/panic.c uses to print backtraces."""
import sys

syms = []
for line in sys.stdin:
    parts = line.split()
    if len(parts) == 3 and parts[1] in ("T", "t") and parts[0] >= "c0000000":
        syms.append((int(parts[0], 16), parts[2]))
syms.sort()

out = ["section .kallsyms progbits alloc noexec nowrite align=4",
       "global kallsyms_num, kallsyms_addresses, kallsyms_name_offsets, kallsyms_names",
       "kallsyms_num: dd %d" % len(syms), "kallsyms_addresses:"]
out += ["\tdd 0x%08x" % a for a, _ in syms]
out.append("kallsyms_name_offsets:")
off = 0
for _, name in syms:
    out.append("\tdd %d" % off)
    off += len(name) + 1
out.append("kallsyms_names:")
out += ['\tdb "%s", 0' % name for _, name in syms]
out.append("section .note.GNU-stack noalloc noexec nowrite progbits")
print("\n".join(out))
