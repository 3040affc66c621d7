"""Unmodified Linux programs on MenuOS: tests/linux/*.c built with Debian's
i686-linux-gnu-gcc -static against glibc (make linux-progs), checked on the host first, then
handed to MenuOS as a Multiboot module (the way `make EXTRA=DIR` does it: a cpio archive of
/bin/NAME entries passed with -initrd) and run there by name from the shell.

The group boots its own MenuOS (with the module), so it keeps the machine itself: a failing
case saves the serial log and the next case boots a fresh one."""
import contextlib
import os
import re
import subprocess

from tests.harness import PROMPT, ROOT, Machine, TestFailure, free_port

MACHINE = False

PROGS_DIR = os.path.join(ROOT, "build", "linux-progs")
CPIO = os.path.join(ROOT, "build", "test-linux", "extra.cpio")
PROGRAMS = sorted(f[:-2] for f in os.listdir(os.path.join(ROOT, "tests", "linux"))
                  if f.endswith(".c"))
PROMPT_RX = re.escape(PROMPT)

_machine = None


@contextlib.contextmanager
def menuos(case):
    """The group's MenuOS, booted with the programs' archive on first use; the serial log
    of a failing case is build/test-logs/linux_programs.CASE.log."""
    global _machine
    if _machine is None:
        if not os.path.exists(CPIO):
            build_programs()
        _machine = Machine("linux_programs", args=["--extra", CPIO], boot_timeout=60)
    try:
        yield _machine
    except (TestFailure, AssertionError) as e:
        _machine.name = "linux_programs." + case
        log = _machine.close(failed=True)
        _machine = None
        raise type(e)("%s (serial log: %s)" % (e, os.path.relpath(log, ROOT)))
    except BaseException:
        _machine.name = "linux_programs." + case
        _machine.close(failed=True)
        _machine = None
        raise


def build_programs():
    proc = subprocess.run(["make", "-s", "linux-progs"], cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    assert proc.returncode == 0, "make linux-progs failed:\n" + proc.stdout[-2000:]
    progs = [os.path.join(PROGS_DIR, p) for p in PROGRAMS]
    os.makedirs(os.path.dirname(CPIO), exist_ok=True)
    subprocess.run(["python3", os.path.join(ROOT, "tools", "mkinitrd.py"), CPIO] + progs,
                   check=True)


def host_run(args, stdin=""):
    proc = subprocess.run(args, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, timeout=30)
    return proc.returncode, proc.stdout


def expect_all(m, patterns, timeout=20, what=None):
    """Waits for every pattern after the mark, in any order (a background server and the
    foreground program print at the same time); moves the mark past the last of them."""
    start, end, found = m.mark, m.mark, []
    for p in patterns:
        m.mark = start
        found.append(m.expect(p, timeout=timeout, what=what or repr(p)))
        end = max(end, found[-1].end())
    m.mark = end
    return found


def assert_summary(name, text):
    summary = re.search(r"%s: (\d+) passed, (\d+) failed" % name, text)
    failed = [line for line in text.splitlines() if "FAILED" in line]
    assert summary, "%s printed no summary:\n%s" % (name, text[-1500:])
    assert summary.group(2) == "0" and not failed, "%s:\n%s" % (name, "\n".join(failed))


# ---- on the host: the programs themselves are right -----------------------------------------

def test_build_static_glibc():
    build_programs()
    for p in PROGRAMS:
        path = os.path.join(PROGS_DIR, p)
        with open(path, "rb") as f:
            head = f.read(20)
        assert head[:4] == b"\x7fELF" and head[4] == 1, "%s is not a 32-bit ELF" % p
        assert head[16] == 2, "%s is not ET_EXEC (static, not PIE)" % p
        with open(path, "rb") as f:
            assert b"GLIBC_TUNABLES" in f.read(), "%s is not linked with glibc" % p


def test_host_runs_them():
    """This host runs i386 static executables: what MenuOS must print, Linux prints."""
    rc, out = host_run([os.path.join(PROGS_DIR, "linux-stdio"),
                        os.path.join(PROGS_DIR, "linux-stdio")], stdin="pear\napple\nfig\nend\n")
    assert rc == 0 and "3 words sorted: apple fig pear" in out and "all ok" in out, out
    rc, out = host_run([os.path.join(PROGS_DIR, "linux-select"), str(free_port())])
    assert rc == 0, out
    assert_summary("linux-select", out)
    rc, out = host_run([os.path.join(PROGS_DIR, "linux-forkexec"),
                        os.path.join(PROGS_DIR, "linux-forkexec")])
    assert rc == 0, out
    assert_summary("linux-forkexec", out)


# ---- on MenuOS ---------------------------------------------------------------------------------

def test_programs_in_bin():
    with menuos("programs_in_bin") as m:
        text = m.run("ls")
        missing = [p for p in PROGRAMS if p not in text.split()]
        assert not missing, "not in /bin after the module was unpacked: %s\n%s" % (missing, text)


def test_stdio():
    with menuos("stdio") as m:
        start = m.mark
        m.send("linux-stdio\n")
        m.expect(r"type words, one a line, then end\n", timeout=20)
        for word in ("pear", "apple", "fig", "banana"):
            m.send(word + "\n")
        m.send("end\n")
        m.expect(r"linux-stdio: 4 words sorted: apple banana fig pear\n", timeout=20)
        m.expect(r"(linux-stdio: (all ok|FAILED)\n)", timeout=30)
        text = m.out[start:m.mark]
        failed = [line for line in text.splitlines() if "linux-stdio" in line and "FAILED" in line]
        assert not failed, "\n".join(failed)
        m.expect(PROMPT_RX)


def test_select():
    with menuos("select") as m:
        assert_summary("linux-select", m.run("linux-select 5021", timeout=60))


def test_fork_execve_wait():
    with menuos("fork_execve_wait") as m:
        text = m.run("linux-forkexec", timeout=60)
        assert_summary("linux-forkexec", text)
        assert re.search(r"child pid \d+ ppid \d+ argc 4 word apple greeting hi-from-parent",
                         text), "the execve'd child printed no line:\n" + text


def test_hello_replyhi():
    with menuos("hello_replyhi") as m:
        text = m.run("linux-replyhi 0.0.0.0 5011", timeout=20)
        assert re.search(r"linux-replyhi: serving on 0\.0\.0\.0:5011 \(pid \d+\)", text), text
        for client in ("linux-hello", "hello"):  # glibc's and MenuOS's own client
            m.send("%s 127.0.0.1 5011\n" % client)
            got = expect_all(m, [
                r'send "hello" to 127\.0\.0\.1:5011\n',
                r'recv "hello" from 127\.0\.0\.1:(\d+)\n',
                r'send "hi" to 127\.0\.0\.1:(\d+)\n',
                r'recv "hi" from 127\.0\.0\.1:5011\n',
                PROMPT_RX,
            ], what="%s against linux-replyhi" % client)
            assert got[1].group(1) == got[2].group(1), "answered another port"
        # and glibc's client against MenuOS's replyhi
        text = m.run("replyhi 0.0.0.0 5012", timeout=20)
        assert "serving on 0.0.0.0:5012" in text, text
        m.send("linux-hello 127.0.0.1 5012 from-glibc\n")
        expect_all(m, [r'recv "from-glibc" from 127\.0\.0\.1:\d+\n',
                       r'recv "hi" from 127\.0\.0\.1:5012\n', PROMPT_RX],
                   what="linux-hello against replyhi")


def test_udp_pair():
    with menuos("udp_pair") as m:
        m.send("linux-udpserver 127.0.0.1 5013 3 &\n")
        expect_all(m, [r"linux-udpserver: waiting on 127\.0\.0\.1:5013 for 3 datagrams\n",
                       PROMPT_RX], what="the background linux-udpserver")
        m.send("linux-udpclient 127.0.0.1 5013 one two three\n")
        expect_all(m, [
            r'linux-udpserver: recv "one" \(3 bytes\) from 127\.0\.0\.1:\d+\n',
            r'linux-udpclient: recv "ONE" from 127\.0\.0\.1\n',
            r'linux-udpserver: recv "two" \(3 bytes\) from 127\.0\.0\.1:\d+\n',
            r'linux-udpclient: recv "TWO" from 127\.0\.0\.1\n',
            r'linux-udpclient: recv "THREE" from 127\.0\.0\.1\n',
            r'linux-udpserver: done\n',
        ], what="the UDP exchange")


def chat(m, from_client, from_server):
    """One message each way: the client (second console) speaks first."""
    m.tty2_send(from_client + "\n")
    m.expect(r"127\.0\.0\.1 say: %s\n" % re.escape(from_client), timeout=20)
    m.expect(r"you say: ", what="the server's prompt")
    m.send(from_server + "\n")
    m.tty2_expect(r"127\.0\.0\.1 say: %s\n" % re.escape(from_server), timeout=20)
    m.tty2_expect(r"you say: ")


def test_chat_server_and_client():
    """The course's pair, built for Linux, across the two consoles over TCP; then MenuOS's
    own client against the glibc server (one protocol, two C libraries)."""
    with menuos("chat_server_and_client") as m:
        m.send("linux-server 127.0.0.1 5014\n")
        m.expect(r"linux-server: waiting on 127\.0\.0\.1:5014\n", timeout=20)
        if m.tty2 is None:
            m.tty2_connect()
        m.tty2_send("\n")
        m.tty2_expect(PROMPT_RX)
        for client in ("linux-client", "client"):
            m.tty2_send("%s 127.0.0.1 5014\n" % client)
            m.tty2_expect(r"you say: ", timeout=20)
            m.expect(r"linux-server: 127\.0\.0\.1:\d+ connected\n", timeout=20)
            chat(m, "hello server", "hello " + client)
            chat(m, "how are you", "fine thanks")
            m.tty2_send("q\n")
            m.tty2_expect(PROMPT_RX, timeout=20)
            m.expect(r"linux-server: 127\.0\.0\.1:\d+ left\n", timeout=20)
        m.send("\x03")
        m.expect(PROMPT_RX, timeout=10, what="the prompt after Ctrl-C of linux-server")


def test_zz_close():
    """Last: powers the group's machine off."""
    global _machine
    if _machine is not None:
        with menuos("zz_close") as m:
            m.send("quit\n")
            assert m.wait_exit(20) == 0, "quit did not power off cleanly"
        _machine.close()
        _machine = None
