"""Sockets as a student meets them: the replyhi/hello demo, the server/client chat pair on
two consoles, Ctrl-C of a server blocked in accept, and the in-guest socket tests
(user/sockettests, one case per area)."""
import re
import time

from tests.harness import PROMPT

AREAS = ["basic", "errors", "nonblock", "poll", "data", "many", "udp", "options", "leak"]
HELLO_ROUNDS = 20


def expect_all(m, patterns, timeout=10, what=None):
    """Waits for every pattern after the mark, in any order (a background server and the
    foreground program print at the same time); returns the matches and moves the mark
    past the last of them."""
    start = m.mark
    found, end = [], start
    for p in patterns:
        m.mark = start
        found.append(m.expect(p, timeout=timeout, what=what or repr(p)))
        end = max(end, found[-1].end())
    m.mark = end
    return found


def test_hello_without_server(m):
    """First in the group, so on a machine where nothing listens on 5001."""
    text = m.run("hello", timeout=20)
    assert "connect: ECONNREFUSED" in text, "hello printed %r" % text
    assert re.search(r"exited with status 1", text), "hello should exit 1: %r" % text


def test_replyhi_then_hello(m):
    text = m.run("replyhi", timeout=20)
    assert re.search(r"replyhi: serving on 0\.0\.0\.0:5001 \(pid \d+\)", text), \
        "replyhi printed %r" % text
    ports = set()
    for i in range(HELLO_ROUNDS):
        m.send("hello\n")
        what = "round %d of hello" % (i + 1)
        got = expect_all(m, [
            r'send "hello" to 127\.0\.0\.1:5001\n',
            r'recv "hi" from 127\.0\.0\.1:5001\n',
            r'recv "hello" from 127\.0\.0\.1:(\d+)\n',
            r'send "hi" to 127\.0\.0\.1:(\d+)\n',
            re.escape(PROMPT),
        ], timeout=20, what=what)
        server_saw, server_replied = got[2].group(1), got[3].group(1)
        assert server_saw == server_replied, \
            "%s: replyhi received from port %s but answered port %s" % (
                what, server_saw, server_replied)
        assert int(server_saw) >= 1024, "%s: client port %s" % (what, server_saw)
        ports.add(server_saw)
    assert len(ports) > 1, "every hello came from the same port %s" % ports


def test_replyhi_twice(m):
    first = m.run("replyhi", timeout=20)
    assert re.search(r"serving on 0\.0\.0\.0:5001|already running", first), first
    second = m.run("replyhi", timeout=20)
    assert "replyhi: the service is already running on 0.0.0.0:5001" in second, \
        "the second replyhi printed %r" % second
    # the first one still answers
    m.send("hello 127.0.0.1 5001 still-there\n")
    expect_all(m, [r'recv "hi" from 127\.0\.0\.1:5001\n', re.escape(PROMPT)], timeout=20)


def chat(m, from_client, from_server):
    """One message each way: the client (second console) speaks first."""
    m.tty2_send(from_client + "\n")
    m.expect(r"127\.0\.0\.1 say: %s\n" % re.escape(from_client), timeout=20)
    m.expect(r"you say: ", what="the server's prompt")
    m.send(from_server + "\n")
    m.tty2_expect(r"127\.0\.0\.1 say: %s\n" % re.escape(from_server), timeout=20)
    m.tty2_expect(r"you say: ")


def test_chat_server_and_client(m):
    m.send("server 127.0.0.1 5002\n")
    m.expect(r"server: waiting on 127\.0\.0\.1:5002\n", timeout=20)
    m.tty2_connect()
    m.tty2_send("\n")
    m.tty2_expect(re.escape(PROMPT))
    m.tty2_send("client 127.0.0.1 5002\n")
    m.tty2_expect(r"you say: ", timeout=20)
    m.expect(r"server: 127\.0\.0\.1:\d+ connected\n", timeout=20)
    chat(m, "hello server", "hello client")
    chat(m, "how are you", "fine thanks")
    m.tty2_send("q\n")
    m.tty2_expect(re.escape(PROMPT), timeout=20)
    m.expect(r"server: 127\.0\.0\.1:\d+ left\n", timeout=20)
    # the server went back to accept: a second client is served
    m.tty2_send("client 127.0.0.1 5002\n")
    m.tty2_expect(r"you say: ", timeout=20)
    m.expect(r"server: 127\.0\.0\.1:\d+ connected\n", timeout=20)
    chat(m, "again", "welcome back")
    m.tty2_send("q\n")
    m.tty2_expect(re.escape(PROMPT), timeout=20)
    m.expect(r"server: 127\.0\.0\.1:\d+ left\n", timeout=20)
    m.send("\x03")
    m.expect(re.escape(PROMPT), timeout=10, what="the prompt after Ctrl-C of server")


def test_ctrl_c_server_in_accept(m):
    start = len(m.out)
    for attempt in (1, 2):
        m.send("server 127.0.0.1 5003\n")
        m.expect(r"server: waiting on 127\.0\.0\.1:5003\n", timeout=20,
                 what="server %d to listen (not bind: EADDRINUSE)" % attempt)
        time.sleep(0.5)  # asleep in accept
        m.send("\x03")
        m.expect(r"killed by signal 2 \(SIGINT\)", timeout=10,
                 what="Ctrl-C to end server %d" % attempt)
        m.expect(re.escape(PROMPT), timeout=10)
    assert "EADDRINUSE" not in m.out[start:], "a server could not bind 5003 again"
    # the port works: a server there accepts a client
    m.send("server 127.0.0.1 5003\n")
    m.expect(r"server: waiting on 127\.0\.0\.1:5003\n", timeout=20)
    if m.tty2 is None:
        m.tty2_connect()
    m.tty2_send("\n")
    m.tty2_expect(re.escape(PROMPT))
    m.tty2_send("client 127.0.0.1 5003\n")
    m.tty2_expect(r"you say: ", timeout=20)
    m.expect(r"server: 127\.0\.0\.1:\d+ connected\n", timeout=20)
    chat(m, "ping", "pong")
    m.tty2_send("q\n")
    m.tty2_expect(re.escape(PROMPT), timeout=20)
    m.send("\x03")
    m.expect(re.escape(PROMPT), timeout=10)


def run_area(m, area):
    text = m.run("sockettests %s" % area, timeout=120)
    summary = re.search(r"sockettests: (\d+) passed, (\d+) failed", text)
    failed = [l for l in text.splitlines() if "FAILED" in l]
    assert summary, "sockettests %s printed no summary:\n%s" % (area, text[-1500:])
    assert int(summary.group(2)) == 0 and not failed, \
        "sockettests %s:\n%s" % (area, "\n".join(failed))
    assert int(summary.group(1)) > 0, "sockettests %s ran no case" % area


def test_basic(m):
    run_area(m, "basic")


def test_errors(m):
    run_area(m, "errors")


def test_nonblock(m):
    run_area(m, "nonblock")


def test_poll(m):
    run_area(m, "poll")


def test_data(m):
    run_area(m, "data")


def test_many(m):
    run_area(m, "many")


def test_udp(m):
    run_area(m, "udp")


def test_options(m):
    run_area(m, "options")


def test_leak(m):
    run_area(m, "leak")
