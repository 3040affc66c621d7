"""Ending a tests.harness.Machine without leaving its QEMU behind.

Machine.close() kills the process it started, ./run-qemu.sh; the script runs QEMU as a child
(it maps QEMU's exit status afterwards), so QEMU itself lives on as an orphan, emulating a
CPU forever. close() here ends run-qemu.sh's children first, then calls Machine.close()."""
import os
import signal


def qemu_children(pid):
    try:
        with open("/proc/%d/task/%d/children" % (pid, pid)) as f:
            return [int(p) for p in f.read().split()]
    except OSError:  # no such file (an older kernel) or the script is gone
        children = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open("/proc/%s/stat" % entry) as f:
                        if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                            children.append(int(entry))
                except (OSError, IndexError, ValueError):
                    pass
        return children


def close(machine, failed=False):
    """Machine.close(failed), after killing the QEMU that run-qemu.sh started."""
    if machine.proc.poll() is None:
        for child in qemu_children(machine.proc.pid):
            try:
                os.kill(child, signal.SIGKILL)
            except OSError:
                pass
    return machine.close(failed=failed)
