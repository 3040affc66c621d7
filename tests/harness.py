"""The MenuOS test harness: boots QEMU through ./run-qemu.sh with the serial console on a
pipe, types at the prompt and waits for regular expressions, with timeouts.

A kernel panic, an oops, a reboot or QEMU exiting when nobody asked fails the test at once
(TestFailure), and the serial log of a failing group is kept under build/test-logs/."""
import os
import re
import signal
import socket
import subprocess
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOG_DIR = os.path.join(ROOT, "build", "test-logs")
PROMPT = "MenuOS>> "
FATAL = re.compile(r"Kernel panic|Oops: |booting \(built.*\n(?:.|\n)*booting \(built")


class TestFailure(Exception):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Machine:
    """One QEMU running MenuOS. `out` is everything the first console printed so far;
    expect() searches it from `mark` on, so each wait only sees new output."""

    def __init__(self, name, args=(), iso=False, wait_prompt=True, boot_timeout=30):
        self.name = name
        self.tty2_port = free_port()
        cmd = [os.path.join(ROOT, "run-qemu.sh"), "--tty2", str(self.tty2_port)]
        if iso:
            cmd.append("--iso")
        cmd += list(args)
        # a process group of its own: close() ends run-qemu.sh and the QEMU it started
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, cwd=ROOT,
                                     start_new_session=True)
        self.out = ""
        self.mark = 0
        self.lock = threading.Condition()
        self.closed = False
        self.expect_exit = False
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.tty2 = None
        self.started = time.monotonic()
        if wait_prompt:
            self.expect(re.escape(PROMPT), timeout=boot_timeout, what="the first prompt")

    def _read(self):
        while True:
            data = os.read(self.proc.stdout.fileno(), 4096)
            with self.lock:
                if not data:
                    self.closed = True
                    self.lock.notify_all()
                    return
                self.out += data.decode("utf-8", "replace").replace("\r", "")  # a chunk may end between \r and \n
                self.lock.notify_all()

    def _check_alive(self):
        m = FATAL.search(self.out)
        if m:
            raise TestFailure("the kernel failed: %r" % self.out[m.start():m.start() + 200])
        if self.closed and not self.expect_exit:
            raise TestFailure("QEMU exited unexpectedly (status %s)" % self.proc.poll())

    def send(self, text):
        try:
            self.proc.stdin.write(text.encode())
            self.proc.stdin.flush()
        except BrokenPipeError:
            raise TestFailure("QEMU is gone; could not type %r" % text)

    def expect(self, pattern, timeout=10, what=None):
        """Waits for pattern in the output after the mark; returns the match and moves the
        mark past it."""
        rx = re.compile(pattern)
        end = time.monotonic() + timeout
        with self.lock:
            while True:
                m = rx.search(self.out, self.mark)
                if m:
                    self.mark = m.end()
                    return m
                self._check_alive()
                if self.closed:
                    break
                left = end - time.monotonic()
                if left <= 0:
                    break
                self.lock.wait(min(left, 0.5))
        tail = self.out[self.mark:][-400:]
        self.dump_tasks()
        raise TestFailure("timed out after %ss waiting for %s; the console shows: %r"
                          % (timeout, what or repr(pattern), tail))

    def dump_tasks(self):
        """Ctrl-T makes the kernel list every task and where it sleeps: kept in the log
        of a test that timed out."""
        if self.closed:
            return
        try:
            self.send("\x14")
        except TestFailure:
            return
        with self.lock:
            self.lock.wait(1.0)

    def run(self, line, timeout=10):
        """Types a command and returns what it printed before the next prompt."""
        self.send(line + "\n")
        start = self.mark
        m = self.expect(re.escape(PROMPT), timeout=timeout, what="the prompt after %r" % line)
        text = self.out[start:m.start()]
        # drop the echo of the command itself
        first_nl = text.find("\n")
        return text[first_nl + 1:] if first_nl >= 0 else ""

    def wait_exit(self, timeout=10):
        self.expect_exit = True
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise TestFailure("QEMU did not exit within %ss" % timeout)

    # ---- the second console (COM2 on a TCP port) ----
    def tty2_connect(self):
        deadline = time.monotonic() + 5
        while True:
            try:
                self.tty2 = socket.create_connection(("127.0.0.1", self.tty2_port), timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise TestFailure("cannot connect to the second console")
                time.sleep(0.1)
        self.tty2_out = ""
        self.tty2_mark = 0
        self.tty2.settimeout(0.2)

    def tty2_send(self, text):
        self.tty2.sendall(text.encode())

    def tty2_expect(self, pattern, timeout=10):
        rx = re.compile(pattern)
        end = time.monotonic() + timeout
        while True:
            m = rx.search(self.tty2_out, self.tty2_mark)
            if m:
                self.tty2_mark = m.end()
                return m
            with self.lock:
                self._check_alive()
            if time.monotonic() > end:
                raise TestFailure("timed out waiting for %r on the second console; it shows %r"
                                  % (pattern, self.tty2_out[-300:]))
            try:
                data = self.tty2.recv(4096)
                self.tty2_out += data.decode("utf-8", "replace").replace("\r", "")
            except socket.timeout:
                pass

    def close(self, failed=False):
        if self.tty2:
            self.tty2.close()
        try:  # the whole group: killing the script alone would orphan QEMU
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait()
        if failed:
            os.makedirs(LOG_DIR, exist_ok=True)
            path = os.path.join(LOG_DIR, self.name + ".log")
            with open(path, "w") as f:
                f.write(self.out)
            return path
        return None
