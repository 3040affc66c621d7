"""AF_UNIX sockets as a student meets them: the replyhi/hello exchange over a socket file
(replyhi -u, hello -u) and an abstract name, and the in-guest tests (user/unixtests, one
case per area)."""
import re

from tests.harness import PROMPT
from tests.test_sockets import expect_all

AREAS = ["stream", "dgram", "names", "errors", "poll", "cred", "rights", "leak"]
HELLO_ROUNDS = 10
SOCK_PATH = "/tmp/replyhi.sock"


def test_hello_u_without_server(m):
    """First in the group: no socket file yet."""
    text = m.run("hello -u", timeout=20)
    assert "connect: ENOENT" in text, "hello -u printed %r" % text
    assert re.search(r"exited with status 1", text), "hello -u should exit 1: %r" % text


def hello_rounds(m, name, rounds, msg="hello"):
    """hello -u name, rounds times: both sides print both lines; the client is unnamed."""
    where = re.escape(name)
    for i in range(rounds):
        m.send("hello -u %s %s\n" % (name, msg))
        expect_all(m, [
            r'send "%s" to %s\n' % (re.escape(msg), where),
            r'recv "hi" from %s\n' % where,
            r'recv "%s" from \(unnamed\)\n' % re.escape(msg),
            r'send "hi" to \(unnamed\)\n',
            re.escape(PROMPT),
        ], timeout=20, what="round %d of hello -u %s" % (i + 1, name))


def test_replyhi_u_then_hello_u(m):
    start = len(m.out)
    text = m.run("replyhi -u", timeout=20)
    assert re.search(r"replyhi: serving on %s \(pid \d+\)" % re.escape(SOCK_PATH), text), \
        "replyhi -u printed %r" % text
    hello_rounds(m, SOCK_PATH, HELLO_ROUNDS)
    hello_rounds(m, SOCK_PATH, 1, msg="from-a-path")
    # the service keeps its file: a second one says so and leaves
    second = m.run("replyhi -u", timeout=20)
    assert "replyhi: the service is already running on %s" % SOCK_PATH in second, \
        "the second replyhi -u printed %r" % second
    hello_rounds(m, SOCK_PATH, 1, msg="still-there")
    # its check (a connection that sends nothing) is accepted quietly, as on Linux
    errors = re.findall(r"replyhi: \w+: \w+", m.out[start:])
    assert not errors, "the service printed %s" % errors


def test_hello_u_no_listener(m):
    """A socket file nobody listens behind: a server that was killed."""
    text = m.run("replyhi -u /tmp/dead.sock", timeout=20)
    pid = re.search(r"serving on /tmp/dead\.sock \(pid (\d+)\)", text)
    assert pid, "replyhi -u /tmp/dead.sock printed %r" % text
    m.run("kill -KILL %s" % pid.group(1), timeout=10)
    text = m.run("hello -u /tmp/dead.sock", timeout=20)
    assert "connect: ECONNREFUSED" in text, "hello -u to a dead server printed %r" % text
    # a new server reuses the file it left
    text = m.run("replyhi -u /tmp/dead.sock", timeout=20)
    assert re.search(r"serving on /tmp/dead\.sock \(pid \d+\)", text), \
        "replyhi -u on the dead server's file printed %r" % text
    hello_rounds(m, "/tmp/dead.sock", 1)


def test_netstat_x_and_proc_net_unix(m):
    """The servers of the cases above, as Linux shows them: /proc/net/unix (listening flag
    00010000, SOCK_STREAM, unconnected) and netstat -xlp with the owner."""
    table = m.run("cat /proc/net/unix")
    assert table.startswith("Num       RefCount Protocol Flags    Type St Inode Path"), table
    line = re.search(r"^[0-9a-f]{8}: [0-9A-F]{8} 00000000 00010000 0001 01 +(\d+) %s$"
                     % re.escape(SOCK_PATH), table, re.M)
    assert line, "no listening line for %s in /proc/net/unix:\n%s" % (SOCK_PATH, table)
    text = m.run("netstat -xlp")
    assert "Active UNIX domain sockets (only servers)" in text, text
    assert re.search(r"^unix +\d+ +\[ ACC \] +STREAM +LISTENING +%s +\d+/replyhi +%s$"
                     % (line.group(1), re.escape(SOCK_PATH)), text, re.M), \
        "netstat -xlp has no line for replyhi on %s:\n%s" % (SOCK_PATH, text)
    assert "LISTENING" not in m.run("netstat -x"), "-x without -a or -l shows no servers"


def test_abstract_name(m):
    text = m.run("replyhi -u @replyhi", timeout=20)
    assert re.search(r"serving on @replyhi \(pid \d+\)", text), \
        "replyhi -u @replyhi printed %r" % text
    hello_rounds(m, "@replyhi", 3, msg="abstract")
    # an abstract name in /proc/net/unix: its leading NUL shown as @, as Linux does
    assert re.search(r" 00010000 0001 01 +\d+ @replyhi$", m.run("cat /proc/net/unix"),
                     re.M), "no listening line for @replyhi in /proc/net/unix"


def run_area(m, area):
    text = m.run("unixtests %s" % area, timeout=180)
    summary = re.search(r"unixtests: (\d+) passed, (\d+) failed", text)
    failed = [l for l in text.splitlines() if "FAILED" in l]
    assert summary, "unixtests %s printed no summary:\n%s" % (area, text[-1500:])
    assert int(summary.group(2)) == 0 and not failed, \
        "unixtests %s:\n%s" % (area, "\n".join(failed))
    assert int(summary.group(1)) > 0, "unixtests %s ran no case" % area


def test_stream(m):
    run_area(m, "stream")


def test_dgram(m):
    run_area(m, "dgram")


def test_names(m):
    run_area(m, "names")


def test_errors(m):
    run_area(m, "errors")


def test_poll(m):
    run_area(m, "poll")


def test_cred(m):
    run_area(m, "cred")


def test_rights(m):
    run_area(m, "rights")


def test_leak(m):
    run_area(m, "leak")
