#!/usr/bin/env python3
"""Host test of the MenuOS shell (user/menu), built against the host's i386 glibc.

Builds build/menu-host, runs it under a pseudo-terminal (so isatty, Ctrl-C
and tcsetpgrp behave as on a real terminal), types commands and checks what
comes back. Each case prints "name ok" or "name FAILED: expected ..., got ...";
the last line is "N passed, N failed" and the exit status is 1 on a failure.

Never types quit: on this host, as root, it would power the machine off.
"""
import glob
import os
import pty
import re
import select
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.path.join(ROOT, "build", "menu-host")
BUILD = (["i686-linux-gnu-gcc", "-static", "-Wall", "-Wextra", "-Werror", "-O2", "-g"]
         + sorted(glob.glob(os.path.join(ROOT, "user", "menu", "*.c")))
         + ["-o", BINARY])
PROMPT = "MenuOS>> "
DATE = r"[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}"


class Failed(Exception):
    pass


class Shell:
    """build/menu-host on the slave side of a pty; we hold the master."""

    def __init__(self):
        pid, fd = pty.fork()
        if pid == 0:
            try:
                os.execv(BINARY, [BINARY])
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.unread = ""  # output not consumed by an expect yet

    def type(self, text):
        os.write(self.fd, text.encode())

    def expect(self, pattern, what, timeout=3.0):
        """Waits for pattern in the unread output and consumes it, through the match."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while True:
            match = regex.search(self.unread)
            if match:
                self.unread = self.unread[match.end():]
                return match
            left = deadline - time.monotonic()
            if left <= 0 or not self._read(left):
                raise Failed("expected %s, got %r" % (what, self.unread[-400:]))

    def _read(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 65536)
        except OSError:  # EIO: the shell is gone
            return False
        self.unread += data.decode("utf-8", "replace")
        return bool(data)

    def run(self, line, timeout=3.0):
        """Types line and Enter; returns what the shell printed before the next prompt."""
        self.type(line + "\r")
        match = self.expect(re.escape(line) + r"\r\n((?s:.*?))" + re.escape(PROMPT),
                            "the output of %r, then the prompt" % line, timeout)
        return match.group(1).replace("\r\n", "\n")

    def alive(self):
        return os.waitpid(self.pid, os.WNOHANG) == (0, 0)

    def close(self):
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self.fd)


def must(condition, expected, got):
    if not condition:
        raise Failed("expected %s, got %r" % (expected, got))


def must_match(pattern, text, expected):
    match = re.search(pattern, text, re.MULTILINE)
    must(match, expected, text[-400:])
    return match


def check_time_line(text, prefix, name):
    match = must_match(re.escape(prefix) + r"(\d+) = (" + DATE + r") UTC$", text,
                       "'%sSECONDS = DATE UTC'" % prefix)
    seconds, date = int(match.group(1)), match.group(2)
    must(abs(seconds - time.time()) <= 2, "%s within 2 s of the host's time %d" %
         (name, time.time()), seconds)
    must(date == time.asctime(time.gmtime(seconds)), "the date of %d to be %r" %
         (seconds, time.asctime(time.gmtime(seconds))), date)
    return seconds


# ---- the cases, in the order they run; each starts and ends at the prompt --------------------

def banner(shell):
    shell.expect(r"MenuOS", "a banner with MenuOS")
    shell.expect(r"Type help to list the commands\.", "the hint 'Type help ...'")
    shell.expect(r"\r\n" + re.escape(PROMPT) + r"\Z", "the prompt 'MenuOS>> ' and nothing after")


def help_lists_everything(shell):
    out = shell.run("help")
    for cmd in ["help", "version", "quit", "time", "time-asm", "jobs", "fg", "bg", "kill",
                "ls"]:
        must_match(r"^\s+" + re.escape(cmd) + r"\s+\S", out, "help to list %s" % cmd)
    programs = must_match(r"Programs in /bin:((?s:.*))", out, "'Programs in /bin:'").group(1)
    for program in ["echo", "true", "false", "sleep"]:
        must_match(r"(^|\s)" + program + r"(\s|$)", programs, "%s among the programs" % program)


def ls_lists_bin(shell):
    out = shell.run("ls")
    must_match(r"^Programs in /bin:(?s:.*)\becho\b", out, "'Programs in /bin: ... echo'")


def version(shell):
    out = shell.run("version")
    must_match(r"^MenuOS 0\.1 \(built [A-Z][a-z]{2} [ \d]\d \d{4} \d\d:\d\d:\d\d\)$", out,
               "'MenuOS 0.1 (built Mmm dd yyyy hh:mm:ss)'")


def time_and_time_asm(shell):
    from_libc = check_time_line(shell.run("time"), "time: ", "time")
    from_asm = check_time_line(shell.run("time-asm"),
                               "time-asm: int $0x80 with eax=13 (sys_time) returned ",
                               "time-asm")
    must(abs(from_asm - from_libc) <= 2, "time-asm within 2 s of time (%d)" % from_libc, from_asm)


def calendar(shell):
    # The epoch, leap days (2000 is a leap year, 2100 is not) and the last 32-bit second.
    for seconds in [0, 951782400, 1709251199, 1795842721, 4107542399, 4107542400, 4294967295]:
        expected = time.asctime(time.gmtime(seconds))
        out = shell.run("time %d" % seconds)
        must(out == "time: %d = %s UTC\n" % (seconds, expected),
             "'time: %d = %s UTC'" % (seconds, expected), out)


def unknown_command(shell):
    out = shell.run("nosuchcmd")
    must(out == "nosuchcmd: command not found. Type help to list the commands.\n",
         "'nosuchcmd: command not found. Type help to list the commands.'", out)


def empty_line(shell):
    must(shell.run("") == "", "no output for an empty line", "")
    must(shell.run("   \t ") == "", "no output for a blank line", "")


def path_with_slash(shell):
    out = shell.run("/bin/echo hi there")
    must(out == "hi there\n", "'hi there'", out)


def quotes_group_words(shell):
    out = shell.run('sh -c "echo $# [$1] [$2] [$3]" sh 127.0.0.1 5001 "good day"')
    must(out == "3 [127.0.0.1] [5001] [good day]\n", "'3 [127.0.0.1] [5001] [good day]'", out)


def true_says_nothing(shell):
    out = shell.run("true")
    must(out == "", "no report for a program that exits with 0", out)


def false_reports_status(shell):
    out = shell.run("false")
    must_match(r"^\[\d+\] exited with status 1$", out, "'[pid] exited with status 1'")


def crash_reports_signal(shell):
    out = shell.run('sh -c "kill -SEGV $$"')
    must_match(r"^\[\d+\] killed by signal 11 \(SIGSEGV\)$", out,
               "'[pid] killed by signal 11 (SIGSEGV)'")


def foreground_owns_terminal(shell):
    # The program can read the terminal only if it is the foreground process group.
    shell.type('sh -c "read x; echo got $x"\r')
    shell.expect(r"read x; echo got \$x\"\r\n", "the echo of the command")
    time.sleep(0.3)
    shell.type("abc\r")
    shell.expect(r"abc\r\ngot abc\r\n" + re.escape(PROMPT), "'got abc', then the prompt")


def wait_for_report(shell, pattern, what, timeout=3.0):
    """Presses Enter until the reap before a prompt prints pattern."""
    deadline = time.monotonic() + timeout
    seen = ""
    while time.monotonic() < deadline:
        seen += shell.run("")
        if re.search(pattern, seen, re.MULTILINE):
            return
        time.sleep(0.2)
    raise Failed("expected %s, got %r" % (what, seen))


def background_job(shell):
    started = time.monotonic()
    out = shell.run("sleep 5 &")
    must(time.monotonic() - started < 1, "the prompt at once", "%.1f s" % (time.monotonic() - started))
    job, pid = must_match(r"^\[(\d+)\] (\d+)$", out, "'[job] pid'").groups()
    out = shell.run("jobs")
    must_match(r"^\[%s\]\+ %s Running {17}sleep 5$" % (job, pid), out,
               "'[%s]+ %s Running                 sleep 5'" % (job, pid))
    must(shell.run("kill %s" % pid) == "", "no output from kill", out)
    wait_for_report(shell, r"^\[%s\] killed by signal 15 \(SIGTERM\)  sleep 5$" % job,
                    "'[%s] killed by signal 15 (SIGTERM)  sleep 5'" % job)
    try:
        os.kill(int(pid), 0)
        raise Failed("expected pid %s to be gone, got it still there" % pid)
    except ProcessLookupError:
        pass
    out = shell.run("jobs")
    must(out == "no background jobs\n", "'no background jobs'", out)


def glued_ampersand_and_done(shell):
    out = shell.run("sleep 1&")
    job = must_match(r"^\[(\d+)\] \d+$", out, "'[job] pid'").group(1)
    time.sleep(1.2)
    wait_for_report(shell, r"^\[%s\] Done  sleep 1$" % job, "'[%s] Done  sleep 1'" % job)


def kill_job_with_signal_name(shell):
    out = shell.run("sleep 5 &")
    job = must_match(r"^\[(\d+)\] \d+$", out, "'[job] pid'").group(1)
    out = shell.run("kill -KILL %%%s" % job)
    must(out == "", "no output from kill -KILL %%%s" % job, out)
    wait_for_report(shell, r"^\[%s\] killed by signal 9 \(SIGKILL\)  sleep 5$" % job,
                    "'[%s] killed by signal 9 (SIGKILL)  sleep 5'" % job)
    out = shell.run("kill 999999999")
    must_match(r"^kill: 999999999: ", out, "'kill: 999999999: <error>'")


def ctrl_c_at_prompt(shell):
    shell.type("abc\x03")
    shell.expect(r"\^C\r\n" + re.escape(PROMPT), "^C, a newline and a fresh prompt", 2)
    version(shell)


def ctrl_c_stops_program(shell):
    shell.type("sleep 30\r")
    shell.expect(r"sleep 30\r\n", "the echo of 'sleep 30'")
    time.sleep(0.5)
    shell.type("\x03")
    shell.expect(r"killed by signal 2 \(SIGINT\)\r\n" + re.escape(PROMPT),
                 "'[pid] killed by signal 2 (SIGINT)' and the prompt within 2 s", 2)
    must(shell.alive(), "the shell to live", "it is gone")
    version(shell)


def ctrl_z_fg_bg(shell):
    shell.type("sleep 30\r")
    shell.expect(r"sleep 30\r\n", "the echo of 'sleep 30'")
    time.sleep(0.5)
    shell.type("\x1a")
    job = shell.expect(r"\[(\d+)\]\+  Stopped {17}sleep 30\r\n" + re.escape(PROMPT),
                       "'[N]+  Stopped                 sleep 30' and the prompt", 2).group(1)
    out = shell.run("jobs")
    pid = must_match(r"^\[%s\]\+ (\d+) Stopped {17}sleep 30$" % job, out,
                     "'[%s]+ PID Stopped                 sleep 30'" % job).group(1)
    with open("/proc/%s/stat" % pid) as stat:
        state = stat.read().rsplit(")", 1)[1].split()[0]
    must(state == "T", "Linux to say sleep is stopped (T)", state)
    out = shell.run("bg")
    must(out == "[%s]+ sleep 30 &\n" % job, "'[%s]+ sleep 30 &'" % job, out)
    must_match(r"^\[%s\]\+ %s Running {17}sleep 30$" % (job, pid), shell.run("jobs"),
               "'[%s]+ %s Running                 sleep 30'" % (job, pid))
    shell.type("fg %%%s\r" % job)
    shell.expect(r"fg %%%s\r\nsleep 30\r\n" % job, "fg to print 'sleep 30'")
    time.sleep(0.5)
    shell.type("\x03")
    shell.expect(r"killed by signal 2 \(SIGINT\)\r\n" + re.escape(PROMPT),
                 "'[pid] killed by signal 2 (SIGINT)' and the prompt within 2 s", 2)
    out = shell.run("jobs")
    must(out == "no background jobs\n", "'no background jobs'", out)


def ctrl_d_at_prompt(shell):
    shell.type("\x04")
    shell.expect(r"\r\n" + re.escape(PROMPT), "a newline and a fresh prompt after Ctrl-D", 2)
    version(shell)


def long_line(shell):
    out = shell.run("x" * 1100)
    must(out == "line too long (at most 1024 characters)\n",
         "'line too long (at most 1024 characters)'", out)
    out = shell.run("/bin/echo " + "y" * 1000)
    must(out == "y" * 1000 + "\n", "1000 y's from echo", out[:40] + "...")

    out = shell.run("/bin/echo" + " w" * 40)
    must(out == "too many words (at most 31)\n", "'too many words (at most 31)'", out)


def eof_does_not_spin(shell):
    # Not on the pty: stdin is a pipe that ends after one line. The shell
    # must keep reading without burning the CPU (it sleeps after 3 EOFs).
    child = subprocess.Popen([BINARY], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, start_new_session=True)
    child.stdin.write(b"version\n")
    child.stdin.close()
    time.sleep(2.5)
    with open("/proc/%d/stat" % child.pid) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    still_running = child.poll() is None
    child.kill()
    out = child.stdout.read().decode()
    child.wait()
    must(still_running, "the shell to keep running after the end of its input", "it exited")
    must("MenuOS 0.1 (built" in out, "the version line", out[-200:])
    must(cpu < 0.5, "under 0.5 s of CPU in 2.5 s after EOF", "%.2f s" % cpu)


CASES = [banner, help_lists_everything, ls_lists_bin, version, time_and_time_asm, calendar,
         unknown_command, empty_line, path_with_slash, quotes_group_words, true_says_nothing,
         false_reports_status, crash_reports_signal, foreground_owns_terminal, background_job,
         glued_ampersand_and_done, kill_job_with_signal_name, ctrl_c_at_prompt,
         ctrl_c_stops_program, ctrl_z_fg_bg, ctrl_d_at_prompt, long_line, eof_does_not_spin]


def main():
    os.makedirs(os.path.dirname(BINARY), exist_ok=True)
    build = subprocess.run(BUILD, capture_output=True, text=True)
    if build.returncode != 0:
        print("build FAILED: %s\n%s" % (" ".join(BUILD), build.stderr))
        print("0 passed, 1 failed")
        return 1

    passed = failed = 0
    shell = Shell()
    for case in CASES:
        try:
            case(shell)
            print("%s ok" % case.__name__)
            passed += 1
        except Failed as error:
            print("%s FAILED: %s" % (case.__name__, error))
            failed += 1
            # Start the next case from a fresh shell, whatever state this one is in.
            shell.close()
            shell = Shell()
            try:
                banner(shell)
            except Failed as error:
                print("restart FAILED: %s" % error)
                failed += 1
                break
    shell.close()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
