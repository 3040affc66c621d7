"""The observation tools as a student uses them on replyhi and hello: strace (decoded
socket calls, the raw socketcall form, forks followed, only its own command traced),
tcpdump (the handshake, data and FINs in order; ARP and ICMP on eth0), netstat (LISTEN
with the owner's pid, TIME_WAIT after a hello), ktrace (the kernel's call graph of
socket() and connect(), only its command's), ps and meminfo.

replyhi runs on the second console, so its prints never cut a line of the first.
The last cases run the same programs on this Linux host and compare with Linux's own
strace: MenuOS's tools are ordinary Linux programs."""
import os
import re
import shutil
import subprocess
import tempfile

from tests.harness import PROMPT, ROOT, free_port

BIN = os.path.join(ROOT, "build", "bin")
CONNECT_LINE = ('connect(3, {sa_family=AF_INET, sin_port=htons(5001), '
                'sin_addr=inet_addr("127.0.0.1")}, 16)')


def lines_in_order(text, expected, what):
    """Every regex of expected matches a whole line of text, in this order."""
    pos = 0
    for rx in expected:
        m = re.compile("^" + rx + "$", re.M).search(text, pos)
        assert m, "%s: no line matching %r after:\n%s\nin:\n%s" % (
            what, rx, text[:pos][-300:], text)
        pos = m.end()


def tty2_ready(m):
    if m.tty2 is None:
        m.tty2_connect()
        m.tty2_send("\n")
        m.tty2_expect(re.escape(PROMPT))


def ensure_replyhi(m):
    """replyhi serving on port 5001, started from the second console; its pid."""
    if getattr(m, "replyhi_pid", None):
        return m.replyhi_pid
    tty2_ready(m)
    m.tty2_send("replyhi\n")
    got = m.tty2_expect(r"replyhi: serving on [\d.]+:5001 \(pid (\d+)\)", timeout=20)
    m.tty2_expect(re.escape(PROMPT))
    m.replyhi_pid = int(got.group(1))
    return m.replyhi_pid


def strace_line(call, result):
    """strace's line: the call, spaces to column 40, "= result"."""
    return re.escape(call.ljust(39) + " = " + result)


# ---- strace ----

def test_strace_e_connect_refused(m):
    """First in the group: nothing listens on 5001 yet."""
    text = m.run("strace -e connect hello", timeout=30)
    lines_in_order(text, [
        re.escape(CONNECT_LINE + " = -1 ECONNREFUSED (Connection refused)"),
        re.escape("+++ exited with 1 +++"),
    ], "strace -e connect hello")
    assert "socket(" not in text and "write(" not in text, \
        "-e connect printed other calls:\n%s" % text
    assert re.search(r"exited with status 1", text), \
        "strace should exit with hello's status 1:\n%s" % text


def test_strace_traces_only_its_command(m):
    """loop runs on the second console, calling time() all the time, while strace
    runs hello on the first: no line of loop's may appear."""
    tty2_ready(m)
    m.tty2_send("loop\n")
    m.tty2_expect(r"loop: running")
    try:
        text = m.run("strace hello", timeout=30)
    finally:
        m.tty2_send("\x03")
        m.tty2_expect(re.escape(PROMPT), timeout=10)
    lines_in_order(text, [
        r'execve\("/bin/hello", \["hello"\], 0x[0-9a-f]+ /\* \d+ vars? \*/\) = 0',
        strace_line("socket(AF_INET, SOCK_STREAM, IPPROTO_IP)", "3"),
        re.escape(CONNECT_LINE + " = -1 ECONNREFUSED (Connection refused)"),
        strace_line("exit_group(1)", "?"),
        re.escape("+++ exited with 1 +++"),
    ], "strace hello (no server)")
    assert "time(" not in text, "loop's time() calls were traced:\n%s" % text
    assert "[pid" not in text, "strace traced more than hello:\n%s" % text


def test_strace_hello(m):
    ensure_replyhi(m)
    text = m.run("strace hello", timeout=30)
    lines_in_order(text, [
        r'execve\("/bin/hello", \["hello"\], 0x[0-9a-f]+ /\* \d+ vars? \*/\) = 0',
        strace_line("socket(AF_INET, SOCK_STREAM, IPPROTO_IP)", "3"),
        re.escape(CONNECT_LINE + " = 0"),
        strace_line('send(3, "hello", 5, 0)', "5"),
        strace_line('recv(3, "hi", 1024, 0)', "2"),
        strace_line("close(3)", "0"),
        strace_line("exit_group(0)", "?"),
        re.escape("+++ exited with 0 +++"),
    ], "strace hello")
    assert re.search(r'^write\(1, "send \\"hello\\" to 127\.0\.0\.1:5001\\n", 31', text,
                     re.M), "no write of hello's first line:\n%s" % text


def test_strace_r_shows_socketcall(m):
    ensure_replyhi(m)
    text = m.run("strace -r hello", timeout=30)
    lines_in_order(text, [
        strace_line("socketcall(SYS_SOCKET, [2, 1, 0])", "3"),
        strace_line("socket(AF_INET, SOCK_STREAM, IPPROTO_IP)", "3"),
        r"socketcall\(SYS_CONNECT, \[3, 0x[0-9a-f]+, 16\]\) += 0",
        re.escape(CONNECT_LINE + " = 0"),
        r"socketcall\(SYS_SEND, \[3, 0x[0-9a-f]+, 5, 0\]\) += 5",
        strace_line('send(3, "hello", 5, 0)', "5"),
        r"socketcall\(SYS_RECV, \[3, 0x[0-9a-f]+, 1024, 0\]\) += 2",
        strace_line('recv(3, "hi", 1024, 0)', "2"),
    ], "strace -r hello")


def test_strace_follows_forks(m):
    """usertests forks a child for the case, which forks a grandchild that exits 7."""
    text = m.run("strace usertests fork_wait_exit_status", timeout=60)
    assert "fork_wait_exit_status ok" in text, text
    pids = set(re.findall(r"^\[pid +(\d+)\] ", text, re.M))
    assert len(pids) == 3, "expected lines of 3 processes, got pids %s:\n%s" % (pids, text)
    assert re.search(r"^\[pid +\d+\] \+\+\+ exited with 7 \+\+\+$", text, re.M), text
    assert re.search(r"WIFEXITED\(s\) && WEXITSTATUS\(s\) == 7\}\], 0, NULL\) += \d+$",
                     text, re.M), "the child's wait4 of the grandchild:\n%s" % text
    assert re.search(r"<\.\.\. \w+ resumed>", text) and "<unfinished ...>" in text, \
        "no unfinished/resumed pair while three processes ran:\n%s" % text
    assert text.rstrip().splitlines()[-1].startswith("+++ exited with 0 +++") or \
        re.search(r"^\+\+\+ exited with 0 \+\+\+$", text, re.M), text


# ---- tcpdump ----

def check_handshake(text, server_port, what):
    """[S], [S.], [.], data both ways, the FINs, in order, relative seqs after the SYN."""
    pkts = re.findall(r"IP 127\.0\.0\.1\.(\d+) > 127\.0\.0\.1\.(\d+): Flags \[([^\]]+)\](.*)",
                      text)
    assert pkts, "%s: no TCP packet:\n%s" % (what, text)
    client = pkts[0][0]
    seen = [("c" if src == client else "s", flags, rest) for src, dst, flags, rest in pkts]
    port = str(server_port)
    assert pkts[0][1] == port, "%s: the first packet is not to %s: %s" % (what, port, pkts[0])
    assert [f for _, f, _ in seen[:3]] == ["S", "S.", "."], \
        "%s: the handshake is %s:\n%s" % (what, seen[:3], text)
    assert re.match(r", seq \d+, win \d+, options \[mss \d+[^\]]*\], length 0$", seen[0][2]), seen[0]
    assert re.match(r", seq \d+, ack \d+, win \d+, options \[mss \d+[^\]]*\], length 0$",
                    seen[1][2]), seen[1]
    assert re.match(r", ack 1, win \d+(, options \[[^\]]*\])?, length 0$", seen[2][2]), seen[2]
    rest = seen[3:]
    data_c = [r for d, f, r in rest if d == "c" and f == "P."]
    data_s = [r for d, f, r in rest if d == "s" and f == "P."]
    assert data_c and re.match(r", seq 1:6, ack 1, win \d+.*, length 5$", data_c[0]), \
        "%s: hello's 5 bytes: %s\n%s" % (what, data_c, text)
    assert data_s and re.match(r", seq 1:3, ack 6, win \d+.*, length 2$", data_s[0]), \
        "%s: replyhi's 2 bytes: %s\n%s" % (what, data_s, text)
    fins = [(d, r) for d, f, r in rest if "F" in f]
    assert {d for d, _ in fins} == {"c", "s"}, "%s: FINs %s\n%s" % (what, fins, text)
    fin_s = [r for d, r in fins if d == "s"][0]
    # replyhi's FIN acks hello's 5 bytes (ack 6), and may ack hello's FIN too (ack 7) when
    # that one was on the wire first: the two closes race, and either order is TCP
    want = r", seq 3, ack [67]," if fins[0][0] == "c" else r", seq 3, ack 6,"
    assert re.match(want, fin_s), "%s: replyhi's FIN %r\n%s" % (what, fin_s, text)
    first_fin = min(i for i, (d, f, r) in enumerate(rest) if "F" in f)
    assert any(f == "." for d, f, r in rest[first_fin + 1:]), \
        "%s: the last FIN is not acknowledged:\n%s" % (what, text)


def test_tcpdump_hello(m):
    ensure_replyhi(m)
    text = m.run("tcpdump hello", timeout=40)
    assert re.search(r"^\d\d:\d\d:\d\d\.\d{6} IP 127\.0\.0\.1\.\d+ > 127\.0\.0\.1\.5001: "
                     r"Flags \[S\], seq \d+, win \d+, options \[mss \d+\], length 0$",
                     text, re.M), "no timestamped SYN line:\n%s" % text
    check_handshake(text, 5001, "tcpdump hello")
    assert re.search(r"^\d+ packets captured$", text, re.M), text


def test_tcpdump_eth0_ping(m):
    """ARP (unless the gateway is known already) and ICMP on eth0, -t: no times."""
    text = m.run("tcpdump -i eth0 -t ping -c 1 10.0.2.2", timeout=40)
    lines_in_order(text, [
        r"IP 10\.0\.2\.15 > 10\.0\.2\.2: ICMP echo request, id \d+, seq 1, length 64",
        r"IP 10\.0\.2\.2 > 10\.0\.2\.15: ICMP echo reply, id \d+, seq 1, length 64",
    ], "tcpdump -i eth0 ping")
    for line in re.findall(r"^ARP.*$", text, re.M):
        assert re.match(r"ARP, (Request who-has 10\.0\.2\.2 tell 10\.0\.2\.15|"
                        r"Reply 10\.0\.2\.2 is-at ([0-9a-f]{2}:){5}[0-9a-f]{2}), length \d+$",
                        line), "ARP line %r" % line


# ---- netstat ----

def test_netstat_listen_and_time_wait(m):
    pid = ensure_replyhi(m)
    text = m.run("netstat", timeout=20)
    assert "Proto Recv-Q Send-Q Local Address           Foreign Address         State" \
           "       PID/Program name" in text, text
    assert re.search(r"^tcp +0 +0 (0\.0\.0\.0|127\.0\.0\.1):5001 +0\.0\.0\.0:\* +LISTEN +%d/replyhi"
                     % pid, text, re.M), "no LISTEN line of replyhi (pid %d):\n%s" % (pid, text)
    m.send("hello\n")
    m.expect(r'recv "hi" from 127\.0\.0\.1:5001', timeout=20)
    m.expect(re.escape(PROMPT), timeout=20)
    port = m.tty2_expect(r'recv "hello" from 127\.0\.0\.1:(\d+)', timeout=10).group(1)
    text = m.run("netstat -t", timeout=20)
    assert "Active Internet connections (w/o servers)" in text, text
    assert "LISTEN" not in text, "-t without -a shows no servers:\n%s" % text
    # replyhi closes first, so its end of hello's connection waits in TIME_WAIT
    assert re.search(r"^tcp +0 +0 127\.0\.0\.1:5001 +127\.0\.0\.1:%s +TIME_WAIT *$" % port,
                     text, re.M), "no TIME_WAIT of hello's connection (port %s):\n%s" % (
                         port, text)


# ---- ktrace ----

def graph(text):
    """[(pid, depth, function)] of the entry lines of a function_graph trace."""
    out = []
    for line in text.splitlines():
        mm = re.match(r"\s*(\d+)\)(.*?)([A-Za-z_]\w*)\(.*\{\s*$", line)
        if mm:
            indent = mm.group(2).split("|", 1)[-1]
            out.append((int(mm.group(1)), len(indent), mm.group(3)))
    return out


def test_ktrace_hello_call_graph(m):
    replyhi = ensure_replyhi(m)
    text = m.run("ktrace hello", timeout=60)
    assert 'recv "hi" from 127.0.0.1:5001' in text, text[-2000:]
    calls = graph(text)
    assert calls, "no call graph:\n%s" % text[-2000:]
    names = [f for _, _, f in calls]
    chain = ["__sys_socket", "sock_create", "inet_create", "sock_map_fd",
             "__sys_connect", "inet_stream_connect", "tcp_v4_connect"]
    idx = []
    for f in chain:
        assert f in names, "%s is not in the trace:\n%s" % (f, text[-3000:])
        idx.append(names.index(f))
    assert idx == sorted(idx), "out of order: %s" % list(zip(chain, idx))
    depth = {f: calls[names.index(f)][1] for f in chain}
    for inner, outer in [("sock_create", "__sys_socket"), ("inet_create", "sock_create"),
                         ("sock_map_fd", "__sys_socket"),
                         ("inet_stream_connect", "__sys_connect"),
                         ("tcp_v4_connect", "inet_stream_connect")]:
        assert depth[inner] > depth[outer], "%s is not nested in %s: %s" % (inner, outer, depth)
    pids = {p for p, _, _ in calls}
    assert len(pids) == 1 and replyhi not in pids, \
        "ktrace traced more than hello (pids %s, replyhi %d)" % (pids, replyhi)
    assert "inet_accept" not in names, "replyhi's accept was traced"
    assert re.search(r"\} = 3", text), "socket()'s result 3 is not in the trace"


def test_ktrace_stops_tracing(m):
    """After ktrace, nothing is traced: a plain hello adds nothing to trace_pipe."""
    ensure_replyhi(m)
    text = m.run("cat /sys/kernel/tracing/set_ftrace_pid", timeout=20)
    assert "no pid" in text or text.strip() == "", \
        "ktrace left pids traced: %r" % text


# ---- ps and meminfo ----

def test_ps(m):
    text = m.run("ps", timeout=20)
    lines_in_order(text, [r"  PID  PPID STAT     TIME COMMAND"], "ps")
    assert re.search(r"^ +1 +\d+ [A-Z] +[\d:]+ init$", text, re.M), text
    assert re.search(r"^ +\d+ +1 [A-Z] +[\d:]+ menu$", text, re.M), text
    assert re.search(r"^ +\d+ +\d+ R +[\d:]+ ps$", text, re.M), text
    pids = [int(p) for p in re.findall(r"^ +(\d+) ", text, re.M)]
    assert pids == sorted(pids), "not sorted by pid: %s" % pids


def test_meminfo(m):
    text = m.run("meminfo", timeout=20)
    total = re.search(r"^memory: +(\d+) kB total, (\d+) kB free \((\d+) free pages of 4 kB\)",
                      text, re.M)
    assert total and 0 < int(total.group(2)) < int(total.group(1)), text
    assert int(total.group(3)) == int(total.group(2)) // 4, text
    assert re.search(r"^kmalloc: \d+ bytes in use$", text, re.M), text
    assert re.search(r"^sockets: \d+ open$", text, re.M), text
    assert re.search(r"^lwIP: +\d+ TCP pcbs \(\d+ in TIME_WAIT\), \d+ UDP pcbs, \d+ pbufs$",
                     text, re.M), text


# ---- the same programs on this Linux host ----

def normalise(text):
    text = "\n".join(l for l in text.splitlines() if not l.startswith("[ Process PID="))
    return re.sub(r"0x[0-9a-f]+", "ADDR", text)


def test_host_strace_matches_linux_strace(m):
    """build/bin/strace and Linux's strace print the same lines for hello (built with
    our libc) connecting to a closed port: skipped where strace is not installed."""
    del m
    if not shutil.which("strace"):
        return
    port = str(free_port())
    cmd = [os.path.join(BIN, "hello"), "127.0.0.1", port]
    ours = subprocess.run([os.path.join(BIN, "strace")] + cmd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, timeout=30).stderr
    linux = subprocess.run(["strace"] + cmd, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True, timeout=30).stderr
    if "ptrace" in linux and "Operation not permitted" in linux:
        return  # no ptrace here (a container): nothing to compare
    assert normalise(ours) == normalise(linux), \
        "our strace:\n%s\nLinux's strace:\n%s" % (ours, linux)


def test_host_tcpdump_on_linux_loopback(m):
    """tcpdump on this host's lo (AF_PACKET needs root): a hello to a replyhi on a free
    port shows the same handshake, with Linux's duplicates on lo left out."""
    del m
    if os.geteuid() != 0:
        return
    port = free_port()
    # replyhi's server child keeps its stdout: a file, not a pipe nobody would close
    with tempfile.TemporaryFile("w+") as log:
        subprocess.run([os.path.join(BIN, "replyhi"), "127.0.0.1", str(port)],
                       stdout=log, timeout=10)
        log.seek(0)
        server = log.read()
    pid = re.search(r"\(pid (\d+)\)", server)
    assert pid, "replyhi on the host printed %r" % server
    try:
        out = subprocess.run([os.path.join(BIN, "tcpdump"), os.path.join(BIN, "hello"),
                              "127.0.0.1", str(port)], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True, timeout=30).stdout
    finally:
        os.kill(int(pid.group(1)), 15)
    lines = [l for l in out.splitlines() if (".%d " % port) in l or (".%d:" % port) in l]
    check_handshake("\n".join(lines), port, "tcpdump on the host")
    assert len(lines) == len(set(l[16:] for l in lines)), \
        "a packet was shown twice:\n%s" % "\n".join(lines)

