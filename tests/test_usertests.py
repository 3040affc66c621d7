"""The in-guest test programs (user/usertests, xv6's usertests style): one case per area;
each area's program prints `name ok` or `name FAILED: ...` lines and a summary."""
import re

AREAS = ["syscall", "proc", "file", "pipe", "signal", "jobctl", "poll", "mem"]


def run_area(m, area):
    text = m.run("usertests %s" % area, timeout=120)
    summary = re.search(r"usertests: (\d+) passed, (\d+) failed", text)
    failed = [l for l in text.splitlines() if "FAILED" in l]
    assert summary, "usertests %s printed no summary:\n%s" % (area, text[-1500:])
    assert int(summary.group(2)) == 0 and not failed, \
        "usertests %s:\n%s" % (area, "\n".join(failed))
    assert int(summary.group(1)) > 0, "usertests %s ran no case" % area


def test_syscall(m):
    run_area(m, "syscall")


def test_proc(m):
    run_area(m, "proc")


def test_file(m):
    run_area(m, "file")


def test_pipe(m):
    run_area(m, "pipe")


def test_signal(m):
    run_area(m, "signal")


def test_jobctl(m):
    run_area(m, "jobctl")


def test_poll(m):
    run_area(m, "poll")


def test_mem(m):
    run_area(m, "mem")


def test_kernel_survives_kill_of_init(m):
    """init only gets the signals it handles, as on Linux; the kernel does not panic."""
    m.run("kill -USR1 1")
    m.run("kill -KILL 1")
    assert m.run("echo init lives").strip() == "init lives"
