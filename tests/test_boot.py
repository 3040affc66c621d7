"""Booting: the banner, the memory size, the prompt, the shell answering typed input, a
clean power-off, and the same through GRUB from the ISO."""
import re

from tests.harness import Machine, TestFailure

MACHINE = False


def test_boot_to_prompt():
    m = Machine("boot")
    try:
        out = m.out
        assert re.search(r"MenuOS \S+ booting", out), "no boot banner in %r" % out[:300]
        assert re.search(r"memory: \d+ MiB usable", out), "no memory size in the banner"
        assert "Starting /bin/init" in out
        assert "Type help" in out
        text = m.run("version")
        assert re.search(r"MenuOS \S+ \(built", text), "version printed %r" % text
    except Exception:
        m.close(failed=True)
        raise
    m.close()


def test_quit_powers_off_with_status_0():
    m = Machine("boot-quit")
    try:
        m.send("quit\n")
        m.expect("Power down", timeout=10)
        status = m.wait_exit(timeout=10)
        assert status == 0, "run-qemu.sh exited with %s, expected 0" % status
    except Exception:
        m.close(failed=True)
        raise
    m.close()


def test_boot_from_grub_iso():
    m = Machine("boot-iso", iso=True, boot_timeout=60)
    try:
        assert "boot loader: GRUB" in m.out, "the ISO did not boot through GRUB: %r" % m.out[-500:]
        text = m.run("version")
        assert "MenuOS" in text
        m.send("quit\n")
        if m.wait_exit(timeout=10) != 0:
            raise TestFailure("the ISO machine did not power off cleanly")
    except Exception:
        m.close(failed=True)
        raise
    m.close()
