#!/usr/bin/env python3
"""Runs every MenuOS test and ends with the line `N passed, N failed`.

Test groups are the tests/test_*.py modules. In a group, every function named test_* is one
case; by default the group boots one MenuOS (tests.harness.Machine) and hands it to each
case in order (a group with MACHINE = False gets no machine and boots its own). A failing
case keeps the serial log under build/test-logs/ and the next case gets a fresh machine.
The host suites (tests/host/) run as programs whose last line is `N passed, N failed`.

Usage: tests/run_tests.py [GROUP ...]   e.g. tests/run_tests.py boot syscalls"""
import importlib
import os
import re
import subprocess
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from tests.harness import Machine, TestFailure  # noqa: E402

SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed", re.M)
HOST_SUITES = [
    ("host-libc", ["bash", os.path.join(HERE, "host", "run.sh")]),
    ("host-menu", [sys.executable, os.path.join(HERE, "host", "menu_test.py")]),
]


class Results:
    def __init__(self):
        self.passed = self.failed = 0

    def ok(self, name, seconds):
        self.passed += 1
        print("%s ok (%.1fs)" % (name, seconds), flush=True)

    def fail(self, name, why):
        self.failed += 1
        print("%s FAILED: %s" % (name, why), flush=True)


def run_group(modname, results):
    mod = importlib.import_module("tests." + modname)
    group = modname[len("test_"):]
    cases = [(n, f) for n, f in vars(mod).items() if n.startswith("test_") and callable(f)]
    cases.sort(key=lambda c: c[1].__code__.co_firstlineno)
    wants_machine = getattr(mod, "MACHINE", True)
    m = None
    for name, fn in cases:
        full = "%s.%s" % (group, name[len("test_"):])
        start = time.monotonic()
        try:
            if wants_machine:
                if m is None:
                    m = Machine(group)
                fn(m)
            else:
                fn()
            results.ok(full, time.monotonic() - start)
        except (TestFailure, AssertionError) as e:
            why = str(e) or traceback.format_exc().strip().splitlines()[-2]
            if m is not None:
                log = m.close(failed=True)
                why += " (serial log: %s)" % os.path.relpath(log)
                m = None
            results.fail(full, why)
        except Exception:
            if m is not None:
                m.close(failed=True)
                m = None
            results.fail(full, "the test itself crashed:\n" + traceback.format_exc())
    if m is not None:
        m.close()


def run_host_suite(name, cmd, results):
    start = time.monotonic()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    found = SUMMARY.findall(proc.stdout)
    if not found:
        results.fail(name, "no summary line; exit %d; output:\n%s" % (proc.returncode,
                                                                      proc.stdout[-2000:]))
        return
    passed, failed = map(int, found[-1])
    for line in proc.stdout.splitlines():
        if "FAILED" in line:
            print("%s: %s" % (name, line), flush=True)
    results.passed += passed
    results.failed += failed
    if proc.returncode != 0 and failed == 0:
        results.fail(name, "exit status %d with no failed case" % proc.returncode)
    print("%s: %d passed, %d failed (%.1fs)" % (name, passed, failed,
                                                time.monotonic() - start), flush=True)


def main():
    wanted = sys.argv[1:]
    results = Results()
    groups = sorted(f[:-3] for f in os.listdir(HERE)
                    if f.startswith("test_") and f.endswith(".py"))
    for g in groups:
        if not wanted or g[len("test_"):] in wanted:
            run_group(g, results)
    for name, cmd in HOST_SUITES:
        if (not wanted or name in wanted) and os.path.exists(cmd[-1]):
            run_host_suite(name, cmd, results)
    print("%d passed, %d failed" % (results.passed, results.failed))
    sys.exit(1 if results.failed else 0)


if __name__ == "__main__":
    main()
