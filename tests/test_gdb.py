"""The debugging workflow: QEMU halted with a GDB stub, Debian's gdb in batch mode breaks on
system_call and on a syscall function, and the backtrace reads like the course's."""
import os
import subprocess

from tests.harness import ROOT, Machine, free_port

MACHINE = False


def gdb_batch(port, commands, timeout=60):
    # QEMU starts its stub a moment after it is spawned, later on a busy machine: gdb
    # retries a refused connection for connect-timeout seconds (15 by default)
    args = ["gdb", "-batch", "-nx", "-ex", "file build/kernel.elf",
            "-ex", "set tcp connect-timeout 45",
            "-ex", "target remote 127.0.0.1:%d" % port]
    for c in commands:
        args += ["-ex", c]
    proc = subprocess.run(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=timeout)
    return proc.stdout


def halted_machine(name):
    port = free_port()
    os.environ["MENUOS_GDB_PORT"] = str(port)
    try:
        m = Machine(name, args=["--gdb"], wait_prompt=False)
    finally:
        del os.environ["MENUOS_GDB_PORT"]
    return m, port


def test_break_on_system_call():
    m, port = halted_machine("gdb-system-call")
    try:
        out = gdb_batch(port, ["break system_call", "continue", "info registers eax", "kill"])
        assert "Breakpoint 1, " in out and "system_call" in out, \
            "gdb did not stop in system_call:\n" + out
    finally:
        m.close()


def test_backtrace_of_a_syscall():
    m, port = halted_machine("gdb-backtrace")
    try:
        out = gdb_batch(port, ["break sys_write", "continue", "bt", "kill"])
        lines = [l for l in out.splitlines() if l.startswith("#")]
        names = [l.split(" in ")[-1].split(" (")[0] if " in " in l else l.split()[1]
                 for l in lines]
        assert names[:3] == ["sys_write", "do_syscall", "system_call"], \
            "expected sys_write <- do_syscall <- system_call, got %s:\n%s" % (names, out)
    finally:
        m.close()


def test_kernel_symbols_present():
    out = subprocess.run(["i686-linux-gnu-nm", "build/kernel.elf"], cwd=ROOT, text=True,
                         stdout=subprocess.PIPE).stdout
    syms = {l.split()[-1] for l in out.splitlines()}
    for name in ("system_call", "sys_call_table", "copy_from_user", "copy_to_user",
                 "strncpy_from_user", "do_fork", "do_exit", "schedule", "fd_install"):
        assert name in syms, "nm build/kernel.elf has no %s" % name
