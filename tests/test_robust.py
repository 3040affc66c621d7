"""Hard to break: whatever a program does, MenuOS answers with an error code, keeps running,
keeps other programs' data intact and gives every resource back.

- fuzz: /bin/fuzz (user/fuzz) makes random syscalls, socket calls first, in forked batches;
  afterwards a replyhi/hello exchange and a checksum transfer to sink still work, and
  /proc/meminfo, /proc/net/sockstat and /proc/tasks are back where they were.
- exhaust, soak, isolation: the areas of /bin/robusttests (user/robusttests), which checks
  after every case that nothing was left behind; plus Ctrl-C of sink in the middle of a
  transfer from the other console.
- host: kernel and libc code under AddressSanitizer/UBSan on the host
  (tests/host/robust/run.sh) and the libFuzzer targets for a few seconds (tests/fuzz/run.sh).

Cases of known kernel bugs are skipped, each with the bug's name, by fuzz and robusttests
(their -K runs them). `python3 tests/test_robust.py --stress` (make stress) runs the long
versions and prints the figures."""
import os
import random
import re
import subprocess
import sys
import time

if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from tests.harness import PROMPT, ROOT, Machine, TestFailure, free_port  # noqa: E402

MACHINE = False
FUZZ_CALLS = int(os.environ.get("MENUOS_FUZZ_CALLS", "4000"))
FUZZ_SEED = int(os.environ.get("MENUOS_FUZZ_SEED", "1"))
FUZZ_LINE = re.compile(r"fuzz: (\d+) calls, (\d+) faults survived, seed (\d+)")
FIGURES = re.compile(r"(\w+) figures: connections (\d+) bytes (\d+) lost (\d+)")
SUMMARY = re.compile(r"robusttests: (\d+) passed, (\d+) failed")
HOST_SUMMARY = re.compile(r"^(\d+) passed, (\d+) failed", re.M)


def boot(name):
    """A MenuOS whose NIC is on a QEMU socket network nobody else is on: what the fuzzer
    sends never leaves this machine."""
    return Machine(name, args=["--peer", "listen:%d" % free_port()])


class Booted:
    """with Booted(name) as m: the machine's serial log is kept when the test fails."""

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        self.m = boot(self.name)
        return self.m

    def __exit__(self, kind, value, tb):
        log = self.m.close(failed=kind is not None)
        if log and isinstance(value, (TestFailure, AssertionError)):
            value.args = ("%s (serial log: %s)" % (value, os.path.relpath(log)),)
        return False


# ---- the system's counters -----------------------------------------------------------------

def counters(m):
    """/proc/meminfo, /proc/net/sockstat and /proc/tasks as numbers."""
    c = {}
    for line in m.run("cat /proc/meminfo").splitlines():
        k, _, v = line.partition(":")
        if v.split():
            c[k.strip()] = int(v.split()[0])
    stat = m.run("cat /proc/net/sockstat")
    got = re.search(r"sockets: used (\d+)", stat)
    c["sockstat used"] = int(got.group(1)) if got else -1
    got = re.search(r"TCP: inuse (\d+)", stat)
    c["sockstat tcp inuse"] = int(got.group(1)) if got else -1
    tasks = m.run("cat /proc/tasks").splitlines()[1:]
    c["tasks"] = [t.split()[-1] for t in tasks if t.split() and t.split()[-1] != "cat"]
    return c


def leaks(before, after, slack_kb=512):
    """What did not come back, in words (an empty list when everything did)."""
    out = []
    for key in ("Sockets", "LwipUdpPcbs", "LwipPbufs", "LwipMemUsed", "sockstat used",
                "sockstat tcp inuse"):
        if after.get(key, 0) > before.get(key, 0):
            out.append("%s %d -> %d" % (key, before.get(key, 0), after.get(key, 0)))
    active = lambda c: c.get("LwipTcpPcbs", 0) - c.get("LwipTcpTimeWait", 0)  # noqa: E731
    if active(after) > active(before):
        out.append("TCP pcbs not in TIME_WAIT %d -> %d" % (active(before), active(after)))
    if after.get("KmallocBytes", 0) > before.get("KmallocBytes", 0) + 64 * 1024:
        out.append("KmallocBytes %d -> %d" % (before["KmallocBytes"], after["KmallocBytes"]))
    if after.get("MemFree", 0) < before.get("MemFree", 0) - slack_kb:
        out.append("MemFree %d -> %d kB" % (before["MemFree"], after["MemFree"]))
    if sorted(after["tasks"]) != sorted(before["tasks"]):
        out.append("processes %s -> %s" % (before["tasks"], after["tasks"]))
    return out


def expect_back(m, before, what, timeout=15):
    """Counters back to `before` (closing connections and exiting processes get a
    moment); returns the counters."""
    end = time.monotonic() + timeout
    while True:
        after = counters(m)
        lost = leaks(before, after)
        if not lost or time.monotonic() > end:
            break
        time.sleep(1)
    assert not lost, "after %s, not everything came back: %s" % (what, "; ".join(lost))
    return after


# ---- known-good exchanges --------------------------------------------------------------------

def hello_exchange(m, port=5001):
    text = m.run("replyhi 127.0.0.1 %d" % port, timeout=30)
    pid = re.search(r"serving on 127\.0\.0\.1:%d \(pid (\d+)\)" % port, text)
    assert pid, "replyhi printed %r" % text
    m.send("hello 127.0.0.1 %d\n" % port)
    m.expect(r'recv "hi" from 127\.0\.0\.1:%d\n' % port, timeout=30, what="hello's answer")
    m.expect(re.escape(PROMPT), timeout=30)
    m.run("kill -KILL %s" % pid.group(1))


def checksum_transfer(m, port, size=1 << 20):
    """sink in the background, a checked stream from robusttests -c: sink's count and
    Adler-32 must be what was sent."""
    waiting = r"sink: waiting on 0\.0\.0\.0:%d\n" % port
    # sink in the background may say so before the shell's next prompt or after it
    if not re.search(waiting, m.run("sink %d &" % port)):
        m.expect(waiting, timeout=30)
    text = m.run("robusttests -c %d %d" % (port, size), timeout=120)
    assert re.search(r"stream-client: %d bytes, adler32 [0-9a-f]{8}: sink agrees" % size,
                     text), "the checksum transfer to sink: %r" % text


# ---- fuzz ------------------------------------------------------------------------------------

def run_fuzz(m, calls, seed, timeout):
    text = m.run("fuzz -n %d -s %d" % (calls, seed), timeout=timeout)
    got = FUZZ_LINE.search(text)
    assert got, "fuzz -s %d printed no summary:\n%s" % (seed, text[-1500:])
    assert int(got.group(1)) >= calls, "fuzz made %s of %d calls" % (got.group(1), calls)
    unkillable = re.findall(r"fuzz: batch \d+ does not die of SIGKILL.*", text)
    assert not unkillable, "\n".join(unkillable)
    return int(got.group(1)), int(got.group(2)), text


def test_fuzz():
    with Booted("robust-fuzz") as m:
        before = counters(m)
        calls, faults, text = run_fuzz(m, FUZZ_CALLS, FUZZ_SEED, timeout=900)
        print("  fuzz: %d calls, %d faults survived, seed %d" % (calls, faults, FUZZ_SEED))
        for bug in re.findall(r"avoiding known kernel bug (\S+):", text):
            print("  fuzz: skipping the calls of known kernel bug %s" % bug)
        expect_back(m, before, "fuzz -n %d -s %d" % (FUZZ_CALLS, FUZZ_SEED))
        hello_exchange(m)
        checksum_transfer(m, 7310)
        assert m.run("echo still alive").strip() == "still alive"


# ---- robusttests -----------------------------------------------------------------------------

def robusttests(m, args, timeout):
    """Runs robusttests; returns (passed, figures, skipped lines); fails on any FAILED."""
    text = m.run("robusttests %s" % args, timeout=timeout)
    summary = SUMMARY.search(text)
    failed = [line for line in text.splitlines() if "FAILED" in line]
    assert summary, "robusttests %s printed no summary:\n%s" % (args, text[-1500:])
    assert int(summary.group(2)) == 0 and not failed, \
        "robusttests %s:\n%s" % (args, "\n".join(failed))
    skipped = [line for line in text.splitlines() if "SKIPPED" in line]
    return int(summary.group(1)), FIGURES.findall(text), skipped, text


def test_exhaust():
    with Booted("robust-exhaust") as m:
        passed, _, _, text = robusttests(m, "exhaust", timeout=300)
        assert passed >= 5, "robusttests exhaust ran %d cases" % passed
        for line in text.splitlines():
            if ": " in line and " ok" not in line and "robusttests:" not in line:
                print("  " + line.strip())
        hello_exchange(m)


def test_soak():
    with Booted("robust-soak") as m:
        passed, figures, _, _ = robusttests(m, "soak", timeout=600)
        assert passed >= 5, "robusttests soak ran %d cases" % passed
        for name, conns, nbytes, lost in figures:
            assert int(lost) == 0, "%s lost %s bytes" % (name, lost)
        print("  soak: %d connections, %d bytes, 0 lost" % (
            sum(int(f[1]) for f in figures), sum(int(f[2]) for f in figures)))
        ctrl_c_sink_mid_transfer(m, 7311)


def ctrl_c_sink_mid_transfer(m, port):
    """sink in the foreground of the first console, an endless stream into it from the
    second; Ctrl-C ends sink in the middle: the client sees EPIPE or ECONNRESET (not a
    hang), the port is free again, and a full transfer to a new sink is checked."""
    before = counters(m)
    m.send("sink %d\n" % port)
    m.expect(r"sink: waiting on 0\.0\.0\.0:%d\n" % port, timeout=30)
    m.tty2_connect()
    m.tty2_send("\n")
    m.tty2_expect(re.escape(PROMPT), timeout=30)
    m.tty2_send("robusttests -c %d 0\n" % port)
    time.sleep(1.5)  # in the middle of the transfer
    m.send("\x03")
    m.expect(r"killed by signal 2 \(SIGINT\)", timeout=30, what="Ctrl-C to end sink")
    m.expect(re.escape(PROMPT), timeout=30)
    m.tty2_expect(r"stream-client: \d+ bytes sent, then (EPIPE|ECONNRESET)\n", timeout=30)
    m.tty2_expect(re.escape(PROMPT), timeout=30)
    checksum_transfer(m, port, 4 << 20)
    expect_back(m, before, "Ctrl-C of sink")


def test_isolation():
    with Booted("robust-isolation") as m:
        passed, _, skipped, text = robusttests(m, "isolation", timeout=300)
        assert passed >= 7, "robusttests isolation ran %d cases" % passed
        assert re.search(r"robusttests\[\d+\]: general protection fault ip", text), \
            "no kernel message for the privileged instructions:\n" + text[-1500:]
        assert re.search(r"robusttests\[\d+\]: segfault at 0xc0100000", text), \
            "no kernel message for the read of kernel memory:\n" + text[-1500:]
        for line in skipped:
            print("  " + line.strip())
        assert m.run("echo still alive").strip() == "still alive"


# ---- on the host -----------------------------------------------------------------------------

def host_suite(cmd, timeout):
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          cwd=ROOT, timeout=timeout)
    found = HOST_SUMMARY.findall(proc.stdout)
    assert found, "%s printed no summary (exit %d):\n%s" % (" ".join(cmd), proc.returncode,
                                                           proc.stdout[-2000:])
    passed, failed = map(int, found[-1])
    bad = [line for line in proc.stdout.splitlines() if "FAILED" in line]
    assert failed == 0 and proc.returncode == 0, \
        "%s:\n%s" % (" ".join(cmd), "\n".join(bad) or proc.stdout[-2000:])
    for line in proc.stdout.splitlines():
        if "SKIPPED" in line or re.search(r"fuzz_\w+ ok", line):
            print("  " + line.strip())
    return passed, proc.stdout


def test_host_sanitizers():
    passed, _ = host_suite(["bash", "tests/host/robust/run.sh"], timeout=600)
    assert passed >= 10, "tests/host/robust ran %d cases" % passed


def test_libfuzzer():
    host_suite(["bash", "tests/fuzz/run.sh", os.environ.get("MENUOS_LIBFUZZER_SECONDS", "5")],
               timeout=600)


# ---- make stress -----------------------------------------------------------------------------

def stress():
    """The long versions, with the figures at the end. Nonzero exit status when anything
    was lost, leaked or failed."""
    seeds = int(os.environ.get("MENUOS_STRESS_SEEDS", "20"))
    per_seed = int(os.environ.get("MENUOS_STRESS_CALLS", "5000"))
    fuzz_seconds = os.environ.get("MENUOS_STRESS_LIBFUZZER_SECONDS", "60")
    fig = {"calls": 0, "faults": 0, "connections": 0, "bytes": 0, "lost": 0, "leaked": 0,
           "failures": 0}
    seeds_used, notes = [], []
    start = time.monotonic()

    def note_bugs(text):
        for bug in re.findall(r"known kernel bug ([\w-]+)", text):
            if bug not in notes:
                notes.append(bug)

    machine = {"m": None, "boots": 0}

    def reboot_after_kernel_failure():
        """A kernel that failed spoils every later step: keep its log, boot another."""
        log = machine["m"].close(failed=True)
        machine["boots"] += 1
        print("  (serial log: %s; the next steps run on a new MenuOS)" % os.path.relpath(log),
              flush=True)
        machine["m"] = boot("stress-%d" % machine["boots"])
        machine["boot_counters"] = counters(machine["m"])

    def step(what, fn):
        t = time.monotonic()
        try:
            fn()
            print("%-44s ok (%.0f s)" % (what, time.monotonic() - t), flush=True)
        except (TestFailure, AssertionError) as e:
            fig["failures"] += 1
            if "not everything came back" in str(e):
                fig["leaked"] += 1
            print("%-44s FAILED: %s" % (what, e), flush=True)
            if machine["m"] and "the kernel failed" in str(e):
                reboot_after_kernel_failure()

    machine["m"] = boot("stress")
    try:
        machine["boot_counters"] = counters(machine["m"])

        def fuzz_round(seed):
            before = counters(machine["m"])
            calls, faults, text = run_fuzz(machine["m"], per_seed, seed, timeout=3600)
            fig["calls"] += calls
            fig["faults"] += faults
            note_bugs(text)
            expect_back(machine["m"], before, "fuzz -s %d" % seed)

        for _ in range(seeds):
            seed = random.randrange(1, 1 << 31)
            seeds_used.append(seed)
            step("fuzz -n %d -s %d" % (per_seed, seed), lambda s=seed: fuzz_round(s))
        step("hello and a checksum transfer after fuzzing",
             lambda: (hello_exchange(machine["m"]),
                      checksum_transfer(machine["m"], 7310, 16 << 20)))

        def area(name):
            _, figures, skipped, _ = robusttests(machine["m"], "-s %s" % name, timeout=7200)
            for _, conns, nbytes, lost in figures:
                fig["connections"] += int(conns)
                fig["bytes"] += int(nbytes)
                fig["lost"] += int(lost)
            note_bugs(" ".join(skipped))

        for name in ("exhaust", "soak", "isolation"):
            step("robusttests -s %s" % name, lambda n=name: area(n))
        step("Ctrl-C of sink in the middle of a transfer",
             lambda: ctrl_c_sink_mid_transfer(machine["m"], 7311))
        step("everything back since boot",
             lambda: expect_back(machine["m"], machine["boot_counters"],
                                 "the whole run since the last boot"))
    finally:
        machine["m"].close(failed=fig["failures"] > 0)

    step("host: ASan/UBSan unit tests",
         lambda: note_bugs(host_suite(["bash", "tests/host/robust/run.sh"], timeout=900)[1]))
    libfuzzer = {}

    def run_libfuzzer():
        _, out = host_suite(["bash", "tests/fuzz/run.sh", fuzz_seconds], timeout=3600)
        for name, runs in re.findall(r"(fuzz_\w+) ok \((\d+) runs", out):
            libfuzzer[name] = int(runs)

    step("host: libFuzzer, %s s per target" % fuzz_seconds, run_libfuzzer)

    print()
    print("MenuOS stress figures (%.0f minutes)" % ((time.monotonic() - start) / 60))
    print("  syscalls fuzzed          %d (seeds %s)" % (fig["calls"],
                                                      " ".join(map(str, seeds_used))))
    print("  faults survived          %d" % fig["faults"])
    print("  connections              %d" % fig["connections"])
    print("  bytes moved              %d (%.1f MiB)" % (fig["bytes"], fig["bytes"] / 2 ** 20))
    print("  bytes lost               %d" % fig["lost"])
    print("  resources leaked         %d" % fig["leaked"])
    for name, runs in sorted(libfuzzer.items()):
        print("  libFuzzer %-14s %d runs" % (name, runs))
    print("  failed steps             %d" % fig["failures"])
    if notes:
        print("  known kernel bugs left out: %s" % ", ".join(notes))
    bad = fig["failures"] or fig["lost"] or fig["leaked"]
    print("stress: %s" % ("FAILED" if bad else "passed"))
    return 1 if bad else 0


if __name__ == "__main__":
    if sys.argv[1:] != ["--stress"]:
        sys.exit("usage: tests/test_robust.py --stress   (make test runs the short cases)")
    sys.exit(stress())
