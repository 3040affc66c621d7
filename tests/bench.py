#!/usr/bin/env python3
"""make bench: boots MenuOS a few times to time the boot, then runs /bin/bench inside it and
prints a table. Numbers only (no pass/fail); under TCG they depend on the host."""
import os
import re
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from tests.harness import Machine  # noqa: E402


def boot_time(runs=5):
    times = []
    for i in range(runs):
        t0 = time.monotonic()
        m = Machine("bench-boot-%d" % i)
        times.append(time.monotonic() - t0)
        m.close()
    return statistics.median(times)


def main():
    rows = [("boot to MenuOS>> prompt (QEMU start included, TCG)", "%.3f s" % boot_time())]
    m = Machine("bench")
    try:
        text = m.run("bench", timeout=300)
    finally:
        m.close()
    for name, value, unit in re.findall(r"bench (\S+) ([\d.]+) (\S+)", text):
        rows.append((name, "%s %s" % (value, unit)))
    width = max(len(r[0]) for r in rows)
    print("%-*s  %s" % (width, "benchmark", "result"))
    print("%s  %s" % ("-" * width, "-" * 16))
    for name, value in rows:
        print("%-*s  %s" % (width, name, value))


if __name__ == "__main__":
    main()
