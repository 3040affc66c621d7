"""The Linux peer (make linux-peer): Debian's stock i386 kernel in the same QEMU boots to the
same MenuOS shell with the same /bin, and our programs, built with our libc for Linux's ABI,
behave on real Linux as on MenuOS: hello/replyhi, the glibc programs, and the in-guest socket
tests (sockettests), whose expectations are meant to be Linux's.

The kernel is downloaded from the Debian mirror the first time (tools/linux-peer.sh). Where no
mirror can be reached the group says so and checks nothing else."""
import os
import re
import subprocess

from tests.harness import PROMPT, ROOT, Machine, TestFailure

MACHINE = False
PEER = os.path.join(ROOT, "build", "linux-peer")
PROMPT_RX = re.escape(PROMPT)

_machine = None
_no_peer = None


def peer():
    """The booted Linux peer, or None (with the reason in _no_peer) when it cannot be had."""
    global _machine, _no_peer
    if _machine is None and _no_peer is None:
        # build/bin is make test's (make all); the glibc programs and the peer are built here
        proc = subprocess.run("make -s linux-progs && bash tools/linux-peer.sh build", shell=True,
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True)
        if not os.path.exists(os.path.join(PEER, "vmlinuz")):
            _no_peer = "no Linux kernel (is the Debian mirror reachable?): " + \
                proc.stdout.strip()[-300:]
            print("linux_peer: skipped: " + _no_peer, flush=True)
            return None
        assert proc.returncode == 0, "make linux-peer failed:\n" + proc.stdout[-2000:]
        _machine = Machine("linux_peer", args=["--linux", "--no-net"], boot_timeout=120)
    return _machine


def run_case(case, fn):
    global _machine
    m = peer()
    if m is None:
        return
    try:
        fn(m)
    except (TestFailure, AssertionError) as e:
        _machine.name = "linux_peer." + case
        log = _machine.close(failed=True)
        _machine = None
        raise type(e)("%s (serial log: %s)" % (e, os.path.relpath(log, ROOT)))


def test_boots_to_the_shell():
    def case(m):
        assert "Welcome to MenuOS" in m.out, "no banner:\n" + m.out[-1000:]
        text = m.run("uname")
        assert text.startswith("Linux "), "uname on the peer printed %r" % text
        assert re.search(r"MenuOS \S+ \(built ", m.run("version")), "version"
    run_case("boots_to_the_shell", case)


def test_replyhi_then_hello():
    def case(m):
        text = m.run("replyhi", timeout=20)
        assert re.search(r"replyhi: serving on 0\.0\.0\.0:5001 \(pid \d+\)", text), text
        for client in ("hello", "linux-hello"):
            m.send(client + "\n")
            start = end = m.mark
            for p in (r'recv "hi" from 127\.0\.0\.1:5001\n', r'recv "hello" from 127\.0\.0\.1:\d+\n',
                      PROMPT_RX):  # in any order: replyhi prints in the background
                m.mark = start
                end = max(end, m.expect(p, timeout=20, what="%s on Linux: %s" % (client, p)).end())
            m.mark = end
    run_case("replyhi_then_hello", case)


def test_glibc_programs():
    def case(m):
        for prog in ("linux-select", "linux-forkexec"):
            text = m.run(prog, timeout=60)
            assert re.search(r"%s: \d+ passed, 0 failed" % prog, text), \
                "%s on Linux:\n%s" % (prog, text)
    run_case("glibc_programs", case)


def test_sockettests_agree_with_linux():
    def case(m):
        text = m.run("sockettests", timeout=300)
        failed = [line for line in text.splitlines() if "FAILED" in line]
        assert re.search(r"sockettests: \d+ passed, 0 failed", text) and not failed, \
            "sockettests on Linux:\n" + "\n".join(failed or text.splitlines()[-5:])
    run_case("sockettests_agree_with_linux", case)


def test_zz_quit_powers_off():
    global _machine

    def case(m):
        m.send("quit\n")
        assert m.wait_exit(60) == 0, "the Linux peer did not power off cleanly"
    run_case("zz_quit_powers_off", case)
    if _machine is not None:
        _machine.close()
        _machine = None
