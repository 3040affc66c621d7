"""What a kernel bug looks like: an oops prints the exception, the error code, the registers
and a backtrace with symbol names, then QEMU stops with a failure status (never a hang).
The kernel is asked to fail on purpose with crashtest= on its command line."""
import re
import time

from tests.harness import Machine

MACHINE = False


def crashed_machine(name, how):
    m = Machine(name, args=["-append", "crashtest=" + how], wait_prompt=False)
    status = m.wait_exit(timeout=20)
    time.sleep(0.2)  # let the reader collect the last bytes
    return m, status


def test_oops_prints_registers_and_backtrace():
    m, status = crashed_machine("oops", "oops")
    try:
        out = m.out
        assert status == 2, "run-qemu.sh exited with %s, expected 2 (panic)" % status
        assert re.search(r"Oops: page fault \(exception 14\), error code 0x2", out), out
        assert re.search(r"EIP: 0008:c0[0-9a-f]{6}", out), "no registers:\n" + out
        assert re.search(r"EAX: [0-9a-f]{8} EBX: [0-9a-f]{8}", out)
        assert "CR2: 00000000" in out, "the faulting address is not shown"
        trace = out[out.index("Call trace:"):]
        assert re.search(r"crash_test\+0x[0-9a-f]+\n.*kmain\+0x", trace), trace
        assert "Kernel panic" in out
        assert "MenuOS>>" not in out, "the system went on after an oops"
    finally:
        m.close()


def test_panic_stops_qemu_with_failure_status():
    m, status = crashed_machine("panic", "panic")
    try:
        assert status == 2, "run-qemu.sh exited with %s, expected 2" % status
        assert "Kernel panic - not syncing: crash test requested" in m.out, m.out
        after = m.out[m.out.index("Kernel panic"):]
        assert re.search(r"\[<c0[0-9a-f]{6}>\] crash_test\+0x", after), \
            "no backtrace naming the caller of panic:\n" + after
    finally:
        m.close()


def test_kernel_stack_overflow_hits_the_guard_page():
    m, status = crashed_machine("kstack", "kstack")
    try:
        assert status == 2, "run-qemu.sh exited with %s, expected 2" % status
        assert re.search(r"Oops: double fault in init\[1\], esp 0x[0-9a-f]+: kernel stack "
                         r"overflow", m.out), "no overflow report:\n" + m.out[-800:]
    finally:
        m.close()
