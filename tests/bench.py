#!/usr/bin/env python3
"""make bench: MenuOS next to Linux in the same QEMU (TCG), one table.

Both guests run the same static /bin/bench (user/bench.c, our libc, Linux's i386 ABI) from
the same MenuOS shell: MenuOS boots build/kernel.elf, the Linux peer boots Debian's stock
i386 kernel with an initramfs of our /bin (tools/linux-peer.sh, built here when missing).
Boot time is host wall clock from starting QEMU to the first `MenuOS>> ` prompt. Every number
is the median of several runs, with the spread (lowest-highest) beside it; the ratio is
MenuOS / Linux, so below 1 means MenuOS is faster (for times) or slower (for throughput).
If the Linux peer cannot be built (no Debian mirror), the MenuOS column is printed alone.

Usage: tests/bench.py [--runs N] [--boots N] [--no-linux]"""
import argparse
import datetime
import os
import platform
import re
import statistics
import struct
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from tests.harness import ROOT, Machine  # noqa: E402

PEER = os.path.join(ROOT, "build", "linux-peer")
# name in bench's output -> (row label, unit shown, scale, higher is better)
ROWS = [
    ("getpid", "null syscall (getpid, int $0x80)", "ns", 1, False),
    ("socket+close", "socket + close", "us", 1e-3, False),
    ("fork+exit+wait", "fork + exit + wait", "us", 1, False),
    ("pipe-roundtrip", "pipe round trip (2 processes)", "us", 1e-3, False),
    ("pipe-throughput", "pipe throughput", "MiB/s", 1 / 1024, True),
    ("tcp-request", "TCP request/response (connect, hello, hi, close)", "us", 1, False),
    ("tcp-roundtrip", "TCP 1-byte round trip, one connection", "us", 1, False),
    ("tcp-throughput", "TCP stream throughput, 127.0.0.1", "MiB/s", 1 / 1024, True),
]


def boot_times(runs, args, name):
    times = []
    for i in range(runs):
        t0 = time.monotonic()
        m = Machine("bench-boot-%s-%d" % (name, i), args=args, boot_timeout=120)
        times.append(time.monotonic() - t0)
        m.close()
    return times


def bench_runs(runs, args, name):
    """Boots once and runs /bin/bench `runs` times: {name: [values]}."""
    values = {}
    m = Machine("bench-" + name, args=args, boot_timeout=120)
    try:
        for _ in range(runs):
            text = m.run("bench", timeout=300)
            for key, value, _unit in re.findall(r"^bench (\S+) (\d+) (\S+)$", text, re.M):
                values.setdefault(key, []).append(int(value))
            for line in text.splitlines():
                if line.startswith("bench:"):
                    print("  (%s) %s" % (name, line), file=sys.stderr)
    finally:
        m.close()
    return values


def elf_memsz(path):
    """Bytes the kernel occupies once loaded: the sum of its PT_LOAD segments' memsz."""
    with open(path, "rb") as f:
        data = f.read()
    phoff, = struct.unpack_from("<I", data, 28)
    phentsize, phnum = struct.unpack_from("<HH", data, 42)
    total = 0
    for i in range(phnum):
        p_type, _off, _va, _pa, _filesz, memsz = struct.unpack_from(
            "<IIIIII", data, phoff + i * phentsize)
        if p_type == 1:
            total += memsz
    return total


def bzimage_init_size(path):
    """A bzImage's boot header says how much memory the decompressed kernel needs
    (init_size, offset 0x260): text, data and bss, the counterpart of elf_memsz."""
    with open(path, "rb") as f:
        f.seek(0x260)
        return struct.unpack("<I", f.read(4))[0]


def build_peer():
    """Builds (or refreshes the initramfs of) the Linux peer; returns None or why not."""
    proc = subprocess.run(["bash", os.path.join(ROOT, "tools", "linux-peer.sh"), "build"],
                          cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if proc.returncode != 0 or not os.path.exists(os.path.join(PEER, "vmlinuz")):
        return "tools/linux-peer.sh failed: " + proc.stdout.strip().splitlines()[-1:][0]
    return None


def fmt(values, scale):
    """median (low-high) of values scaled to the unit shown"""
    if not values:
        return "-", None
    vals = [v * scale for v in values]
    med = statistics.median(vals)
    digits = 0 if med >= 100 else 1 if med >= 10 else 2
    if len(vals) == 1:
        return "%.*f" % (digits, med), med
    return "%.*f (%.*f-%.*f)" % (digits, med, digits, min(vals), digits, max(vals)), med


def machine_line():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = re.search(r"model name\s*:\s*(.*)", f.read()).group(1)
    except (OSError, AttributeError):
        pass
    qemu = subprocess.run(["qemu-system-i386", "--version"], stdout=subprocess.PIPE,
                          text=True).stdout.split("\n")[0]
    return "%s, %s, %d cores, %s; %s, TCG" % (
        datetime.date.today().isoformat(), cpu, os.cpu_count(), platform.system(), qemu)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5, help="bench runs per system")
    ap.add_argument("--boots", type=int, default=5, help="boots timed per system")
    ap.add_argument("--no-linux", action="store_true", help="MenuOS alone")
    opts = ap.parse_args()
    started = time.monotonic()

    why_no_linux = "--no-linux" if opts.no_linux else build_peer()
    systems = [("MenuOS", ["--no-extra"])]
    if not why_no_linux:
        systems.append(("Linux", ["--linux"]))
    results = {}
    for name, args in systems:
        print("bench: %s: %d boots, %d bench runs" % (name, opts.boots, opts.runs),
              file=sys.stderr, flush=True)
        values = bench_runs(opts.runs, args, name)
        values["boot"] = boot_times(opts.boots, args, name)
        results[name] = values

    kernel = os.path.join(ROOT, "build", "kernel.elf")
    initrd = os.path.join(ROOT, "build", "initrd.cpio")
    # MenuOS links its /bin initrd into the image: counted apart
    menuos_mem = elf_memsz(kernel) - os.path.getsize(initrd)
    rows = [("boot to the MenuOS>> prompt (wall clock)", "s", 1, False, "boot")]
    rows += [(label, unit, scale, higher, key) for key, label, unit, scale, higher in ROWS]
    sizes = [("kernel in memory (text+data+bss)", "KiB",
              menuos_mem, bzimage_init_size(os.path.join(PEER, "vmlinuz"))
              if "Linux" in results else None),
             ("kernel file (kernel.elf with symbols / vmlinuz)", "KiB",
              os.path.getsize(kernel), os.path.getsize(os.path.join(PEER, "vmlinuz"))
              if "Linux" in results else None)]

    table = []
    for label, unit, scale, higher, key in rows:
        cells = [fmt(results[s].get(key, []), scale) for s, _ in systems]
        line = ["%s (%s)" % (label, unit)] + [c[0] for c in cells]
        if len(cells) == 2 and cells[0][1] and cells[1][1]:
            line.append("%.2f" % (cells[0][1] / cells[1][1]))
        table.append(line)
    for label, unit, menu_bytes, linux_bytes in sizes:
        line = ["%s (%s)" % (label, unit), "%d" % (menu_bytes // 1024)]
        if linux_bytes:
            line += ["%d" % (linux_bytes // 1024), "%.2f" % (menu_bytes / linux_bytes)]
        table.append(line)

    head = ["benchmark (median, lowest-highest)"] + [s for s, _ in systems]
    if len(systems) == 2:
        head.append("MenuOS/Linux")
    widths = [max(len(r[i]) for r in table + [head] if i < len(r)) for i in range(len(head))]
    out = ["| " + " | ".join(h.ljust(w) for h, w in zip(head, widths)) + " |",
           "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    for r in table:
        out.append("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |")
    print("\n".join(out))
    print()
    print("Machine: %s." % machine_line())
    if why_no_linux:
        print("No Linux column: %s." % why_no_linux)
    else:
        with open(os.path.join(PEER, "version")) as f:
            print("Linux: Debian's %s, console=ttyS0 cryptomgr.notests quiet; same /bin/bench."
                  % f.read().strip())
    print("%d boots and %d bench runs per system; %.0f s in all." % (
        opts.boots, opts.runs, time.monotonic() - started))


if __name__ == "__main__":
    main()
