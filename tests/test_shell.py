"""The MenuOS shell as a student uses it: the command table, programs from /bin with
arguments, exit statuses, background jobs, kill, job control (Ctrl-Z, jobs, fg, bg), and
the time commands."""
import re
import time

from tests.harness import PROMPT


def test_help_lists_commands_and_programs(m):
    text = m.run("help")
    for cmd in ("help", "version", "quit", "time", "time-asm", "jobs", "fg", "bg",
                "kill"):
        assert re.search(r"^\s*%s\b.*\S" % re.escape(cmd), text, re.M), \
            "help does not list %r with a description:\n%s" % (cmd, text)
    for prog in ("echo", "cat", "crash", "init"):
        assert re.search(r"\b%s\b" % prog, text), "help does not list /bin/%s" % prog


def test_version(m):
    text = m.run("version")
    assert re.search(r"MenuOS 0\.\d+ \(built ", text), "version printed %r" % text


def test_time_and_time_asm_agree(m):
    t1 = m.run("time")
    t2 = m.run("time-asm")
    n1 = re.search(r"(\d{9,})", t1)
    n2 = re.search(r"(\d{9,})", t2)
    assert n1 and n2, "no epoch number in %r / %r" % (t1, t2)
    assert abs(int(n1.group(1)) - int(n2.group(1))) <= 2, "time %s vs time-asm %s" % (t1, t2)
    now = time.time()
    assert abs(int(n1.group(1)) - now) < 3600 * 24, \
        "the guest clock (%s) is far from the host's (%d)" % (n1.group(1), now)
    assert re.search(r"\d\d:\d\d:\d\d \d{4}", t1), "no calendar date in %r" % t1


def test_unknown_command(m):
    text = m.run("frobnicate")
    assert "frobnicate: command not found" in text and "help" in text, text


def test_program_with_arguments(m):
    assert m.run("echo one two   three").strip() == "one two three"
    assert m.run('echo "quoted words" x').strip() == "quoted words x"
    assert m.run("/bin/echo by-path").strip() == "by-path"


def test_exit_status_is_reported(m):
    text = m.run("false")
    assert re.search(r"\[\d+\] exited with status 1", text), text
    assert m.run("true").strip() == "", "true should print nothing"


def test_uname_program(m):
    assert re.match(r"MenuOS menuos 0\.\d+ .* i686", m.run("uname").strip())


def test_background_job_and_kill(m):
    text = m.run("sleep 30 &")
    pid = re.search(r"\[(\d+)\] (\d+)", text)
    assert pid, "no '[job] pid' after starting a background job: %r" % text
    job, pid = pid.group(1), pid.group(2)
    jobs = m.run("jobs")
    assert re.search(r"\[%s\]\S?\s+%s\s+Running\s+sleep" % (job, pid), jobs), jobs
    m.run("kill %s" % pid)
    deadline = time.monotonic() + 5
    seen = ""
    while time.monotonic() < deadline:
        seen += m.run("")
        if re.search(r"\[%s\].*(killed|Terminated|SIGTERM|Done)" % job, seen):
            break
    else:
        raise AssertionError("the killed job was never reported: %r" % seen)
    assert pid not in m.run("jobs")


def test_background_job_reported_when_done(m):
    m.run("sleep 1 &")
    time.sleep(1.5)
    seen = m.run("") + m.run("")
    assert re.search(r"Done\s+sleep", seen), "no Done report: %r" % seen


def test_ctrl_z_stops_a_job_and_fg_bg_continue_it(m):
    m.send("sleep 100\n")
    time.sleep(0.5)  # sleep has started and owns the terminal
    m.send("\x1a")
    stopped = m.expect(r"\[(\d+)\]\+\s+Stopped\s+sleep 100\n", timeout=5,
                       what="'[N]+  Stopped  sleep 100' after Ctrl-Z")
    job = stopped.group(1)
    m.expect(re.escape(PROMPT), timeout=5, what="the prompt back after Ctrl-Z")
    jobs = m.run("jobs")
    found = re.search(r"\[%s\]\+ (\d+) +Stopped +sleep 100\n" % job, jobs)
    assert found, "jobs should list sleep 100 as Stopped:\n%r" % jobs
    pid = found.group(1)
    assert re.search(r"^\s*%s\s+\d+\s+T\s" % pid, m.run("ps"), re.M), \
        "ps should show pid %s in state T" % pid
    text = m.run("bg")
    assert re.search(r"\[%s\]\+ sleep 100 &" % job, text), "bg printed %r" % text
    jobs = m.run("jobs")
    assert re.search(r"\[%s\]\+ %s +Running +sleep 100\n" % (job, pid), jobs), \
        "after bg, jobs should list sleep 100 as Running:\n%r" % jobs
    m.send("fg %%%s\n" % job)
    m.expect(r"\nsleep 100\n", timeout=5, what="fg to print the command it continues")
    time.sleep(0.5)
    m.send("\x03")
    m.expect(r"\[%s\] killed by signal 2 \(SIGINT\)" % pid, timeout=5,
             what="Ctrl-C to end the job fg brought back")
    m.expect(re.escape(PROMPT), timeout=5)
    assert m.run("jobs").strip() == "no background jobs"


def test_background_read_stops_with_sigttin_until_fg(m):
    """A background job that reads the terminal gets SIGTTIN and stops (it does not take
    the shell's input); fg gives it the terminal and the read goes on."""
    started = m.run("cat &")
    assert re.search(r"\[\d+\] \d+", started), "cat & printed %r" % started
    time.sleep(0.5)  # cat has tried to read by now
    jobs = m.run("jobs")
    found = re.search(r"\[(\d+)\][+-]? (\d+) +Stopped +cat\b", jobs)
    assert found, "jobs should list cat as Stopped (SIGTTIN):\n%r" % jobs
    m.send("fg %%%s\n" % found.group(1))
    m.expect(r"\ncat\n", timeout=5, what="fg to print the command it continues")
    m.send("read by cat\n")
    m.expect(r"read by cat\n(.*\n)?read by cat\n", timeout=5,
             what="cat to copy the line it read in the foreground")
    m.send("\x04")  # ^D: end of input, cat ends
    m.expect(re.escape(PROMPT), timeout=5, what="the prompt after cat ends")
    assert m.run("jobs").strip() == "no background jobs"
