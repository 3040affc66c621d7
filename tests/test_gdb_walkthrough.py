"""docs/gdb-walkthrough.md, step by step: `make debug` and `make gdb`, then Debian's gdb with
the project's .gdbinit against MenuOS's QEMU, breakpoints on the socket path while the
harness types `replyhi` and `hello`, the values they show, `stepi` over a user program's
`int $0x80`, and the menuos-* commands of tools/gdb/menuos.py.
(test_gdb.py covers `break system_call` and sys_write's backtrace, test_socket_path.py the
backtrace in inet_create.)"""
import contextlib
import os
import re
import signal
import subprocess
import threading
import time

from tests.harness import LOG_DIR, ROOT, Machine, TestFailure, free_port

MACHINE = False

# how `make gdb` starts gdb (-nx: the tester's own ~/.gdbinit stays out of it)
GDB = ["gdb", "-q", "-nx", "-iex", "set auto-load local-gdbinit off", "-iex", "set width 0",
       "-x", ".gdbinit"]
SERVING = r"replyhi: serving on [0-9.]+:5001 \(pid (\d+)\)"
LISTEN_ADDR = r"(?:0\.0\.0\.0|127\.0\.0\.1):5001"  # replyhi's bind address


class Output:
    """Everything a process printed, read by a thread; wait() looks for a regex after the
    mark, like harness.Machine.expect."""

    def __init__(self, proc, name):
        self.proc, self.name = proc, name
        self.text, self.mark, self.eof = "", 0, False
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        while True:
            data = os.read(self.proc.stdout.fileno(), 4096)
            with self.cond:
                self.text += data.decode("utf-8", "replace")
                self.eof = not data
                self.cond.notify_all()
            if not data:
                return

    def wait(self, pattern, timeout, what):
        rx = re.compile(pattern)
        end = time.monotonic() + timeout
        with self.cond:
            while True:
                m = rx.search(self.text, self.mark)
                if m:
                    self.mark = m.end()
                    return m
                left = end - time.monotonic()
                if left <= 0 or self.eof:
                    raise TestFailure("%s: no %s within %ss%s; it printed:\n%s"
                                      % (self.name, what, timeout,
                                         " (it exited)" if self.eof else "",
                                         self.text[-3000:]))
                self.cond.wait(min(left, 0.5))


class Gdb:
    """Debian's gdb as `make gdb` starts it, commands typed on its stdin. cmd() returns what
    one command printed; go() continues the machine and returns once it runs, stopped()
    waits for the next stop and returns what gdb printed meanwhile."""

    def __init__(self, port):
        self.proc = subprocess.Popen(GDB, cwd=ROOT, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     env=dict(os.environ, MENUOS_GDB_PORT=str(port)))
        self.out = Output(self.proc, "gdb")
        self.n = 0
        self.port = port

    def connected(self):
        self.out.wait(r"Connected to QEMU on 127\.0\.0\.1:%d" % self.port, 15,
                      "connection banner")

    def _send(self, line):
        self.n += 1
        try:
            self.proc.stdin.write(("%s\necho @@%d@@\\n\n" % (line, self.n)).encode())
            self.proc.stdin.flush()
        except BrokenPipeError:
            raise TestFailure("gdb is gone; it printed:\n" + self.out.text[-3000:])
        return "@@%d@@" % self.n

    def _until(self, marker, timeout, what):
        start = self.out.mark
        m = self.out.wait(re.escape(marker), timeout, what)
        return self.out.text[start:m.start()].replace("(gdb) ", "")

    def cmd(self, line, timeout=15):
        return self._until(self._send(line), timeout, "the end of %r" % line)

    def go(self, line="continue"):
        self.pending = self._send(line)
        self.out.wait(r"Continuing\.", 10, "'Continuing.' after %r" % line)

    def stopped(self, timeout=15, what="a breakpoint"):
        # With optimisation (make DEBUG=1 too) gdb writes "sock=sock@entry=0x..." for an
        # argument it read at the call site; the value is the same, so read it as "sock=0x...".
        text = self._until(self.pending, timeout, what)
        return re.sub(r"\b(\w+)=\1@entry=", r"\1=", text)

    def close(self):
        if self.proc.poll() is None:
            try:
                self.proc.stdin.write(b"kill\nquit\n")
                self.proc.stdin.close()
                self.proc.wait(5)
            except (BrokenPipeError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()


def keep_log(name, text):
    os.makedirs(LOG_DIR, exist_ok=True)
    path = os.path.join(LOG_DIR, name + ".gdb.log")
    with open(path, "w") as f:
        f.write(text)
    return os.path.relpath(path, ROOT)


@contextlib.contextmanager
def session(name):
    """A booted MenuOS with a GDB stub on a free port and gdb attached (as the walkthrough
    does: `make debug`, `continue` to the prompt). Logs of a failing case stay in
    build/test-logs/NAME.log and NAME.gdb.log."""
    port = free_port()
    m = Machine(name, args=["-gdb", "tcp:127.0.0.1:%d" % port])
    g = None
    try:
        g = Gdb(port)
        g.connected()
        yield m, g
    except (TestFailure, AssertionError) as e:
        logs = " (logs: %s, %s)" % (keep_log(name, g.out.text if g else ""),
                                   os.path.relpath(m.close(failed=True), ROOT))
        raise type(e)(str(e) + logs) from None
    finally:
        if g:
            g.close()
        m.expect_exit = True
        m.close()


def source_line(path, text):
    """The number of the first line of path that holds text."""
    with open(os.path.join(ROOT, path)) as f:
        return next(i for i, l in enumerate(f, 1) if text in l)


def run_until_idle(g):
    """Lets the machine run until every task sleeps: a temporary breakpoint at the idle
    loop's hlt. (Ctrl-C does the same for a person; a SIGINT sent to gdb while it is still
    resuming the target may be lost.)"""
    g.cmd("tbreak kernel/sched.c:%d" % source_line("kernel/sched.c", '"sti; hlt"'))
    g.go()
    check(g.stopped(), r"cpu_idle \(\) at kernel/sched\.c", "a stop in the idle loop")


def frames(bt):
    return re.findall(r"^#\d+\s+(?:0x[0-9a-f]+ in )?(\w+) \(", bt, re.M)


def check(text, pattern, what):
    m = re.search(pattern, text, re.M)
    assert m, "expected %s (/%s/), gdb printed:\n%s" % (what, pattern, text)
    return m


def next_past(g, source_text, path, limit=8):
    """`next` until the current line is past the one holding source_text."""
    line = source_line(path, source_text)
    out = ""
    for _ in range(limit):
        out += g.cmd("next")
        now = re.findall(r"^(\d+)\t", out, re.M)
        if now and int(now[-1]) > line:
            return out
    raise AssertionError("`next` did not get past %s:%d; gdb printed:\n%s" % (path, line, out))


def test_make_debug_and_make_gdb():
    """The two terminals of the README: `make debug GDB_PORT=P` waits halted, `make gdb
    GDB_PORT=P` loads the kernel's and the shell's symbols, connects and says what next."""
    port = free_port()
    debug = subprocess.Popen(["make", "-s", "debug", "GDB_PORT=%d" % port], cwd=ROOT,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, start_new_session=True)
    out = Output(debug, "make debug")
    try:
        out.wait(r"QEMU waits, halted, for GDB on 127\.0\.0\.1:%d\. In a second terminal, "
                 r"here: make gdb GDB_PORT=%d" % (port, port), 15, "the line saying what to do")
        gdb = subprocess.run(["make", "-s", "gdb", "GDB_PORT=%d" % port], cwd=ROOT,
                             input="break kmain\ncontinue\ninfo symbol main\nusersyms\nkill\n",
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             timeout=25)
        text = gdb.stdout
        check(text, r"Connected to QEMU on 127\.0\.0\.1:%d" % port, "the connection banner")
        check(text, r"^  break sys_socketcall ", "the hint to break in sys_socketcall")
        check(text, r"Breakpoint 1, kmain \(", "a stop in kmain, the kernel's C entry")
        check(text, r"main in section \.text of \S*build/bin/menu", "the shell's symbols")
        check(text, r"user symbols: menu\n", "usersyms naming the shell")
    finally:
        os.killpg(debug.pid, signal.SIGKILL)
        debug.wait()


def test_sys_socketcall_shows_the_call_and_its_copied_arguments():
    with session("gdb-socketcall") as (m, g):
        g.cmd("break sys_socketcall")
        g.go()
        m.send("hello\n")
        stop = g.stopped()
        check(stop, r"Breakpoint 1, sys_socketcall \(call=1, args=0x[0-9a-f]+\)",
              "sys_socketcall stopped with call=1 (SYS_SOCKET)")
        check(g.cmd("p current->comm"), r'= "hello\\000', "hello as the current task")
        next_past(g, "copy_from_user(a, args, nargs[call])", "net/socket.c")
        check(g.cmd("p a[0]@3"), r"= \{2, 1, 0\}",
              "the copied args AF_INET=2, SOCK_STREAM=1, protocol 0")

        g.cmd("break __sys_socket")
        g.go()
        check(g.stopped(), r"Breakpoint 2, __sys_socket \(family=2, type=1, protocol=0\)",
              "__sys_socket(2, 1, 0)")
        g.cmd("break inet_create")
        g.go()
        check(g.stopped(), r"Breakpoint 3, inet_create \(sock=0x[0-9a-f]+, protocol=0\)",
              "inet_create")
        check(g.cmd("p sock->type"), r"= 1$", "sock->type SOCK_STREAM")
        check(g.cmd("p *sock"), r"state = SS_UNCONNECTED.*sk = 0x0, ops = 0x0",
              "a new socket without a struct sock or ops yet")
        check(g.cmd("finish"), r"Value returned is \$\d+ = 0", "inet_create returning 0")
        check(g.cmd("p *sock->ops"), r"connect = 0x[0-9a-f]+ <inet_stream_connect>",
              "sock->ops = &inet_stream_ops after inet_create")
        check(g.cmd("p sock->sk->sk_prot"), r"<tcp_prot>", "sk_prot = &tcp_prot")

        g.cmd("delete")
        g.cmd("break sys_socketcall")
        g.go()
        check(g.stopped(), r"sys_socketcall \(call=3, ", "the next socket call: SYS_CONNECT")
        g.cmd("delete")
        g.cmd("detach")
        m.expect(r"connect: ECONNREFUSED", what="hello failing without replyhi")


def test_inet_stream_connect_the_syn_and_the_socket_table():
    with session("gdb-connect") as (m, g):
        g.cmd("break inet_stream_connect")
        g.go()
        m.send("replyhi\n")
        m.expect(SERVING, what="replyhi serving")
        m.send("hello\n")
        check(g.stopped(), r"Breakpoint 1, inet_stream_connect \(sock=0x[0-9a-f]+, "
              r"uaddr=0x[0-9a-f]+, addr_len=16, flags=\d+\)", "inet_stream_connect")
        addr = g.cmd("p *(struct sockaddr_in *)uaddr")
        check(addr, r"sin_family = 2, sin_port = 35091, sin_addr = \{s_addr = 16777343\}",
              "AF_INET, port htons(5001) = 35091, 127.0.0.1 = 0x0100007f")
        check(g.cmd("p/x ((struct sockaddr_in *)uaddr)->sin_port"), r"= 0x8913$",
              "sin_port 0x8913: 5001 = 0x1389 in network byte order")

        # done with inet_stream_connect's breakpoint: once in a while (a loaded machine,
        # the DEBUG kernel) stepping gdb off it stopped there a second time, same arguments
        g.cmd("delete")
        g.cmd("break netif_loop_output")  # lwIP hands the packet to the loopback interface
        g.go()
        g.stopped()
        check(g.cmd("x/2xb (char *)p->payload + 32"), r":\s+0x60\s+0x02$",
              "TCP data offset 6 (24 bytes) and flags 0x02: the SYN")
        want = ["netif_loop_output", "ip4_output_if_src", "ip4_output_if",
                "tcp_output_segment", "tcp_output", "tcp_connect", "tcp_v4_connect",
                "inet_stream_connect", "__sys_connect", "sys_socketcall", "do_syscall",
                "system_call"]
        bt = g.cmd("bt")
        assert frames(bt) == want, "expected the SYN's backtrace %s, got %s:\n%s" % (
            " <- ".join(want), frames(bt), bt)
        # lwIP sent the SYN; tcp_v4_connect updates struct sock once tcp_connect returns
        sock = g.cmd('eval "menuos-sock %d 3", current->pid')
        check(sock, r"^lwIP: \(struct tcp_pcb \*\) 0x[0-9a-f]+, state = SYN_SENT, "
              r"local_port = \d+, remote_port = 5001$", "lwIP's pcb in SYN_SENT")
        check(sock, r"sk_state = CLOSE, ", "struct sock not updated yet")
        g.cmd("delete")
        g.cmd("frame function tcp_v4_connect")
        check(g.cmd("finish"), r"Run till exit from #6 .* tcp_v4_connect ", "finish")
        table = g.cmd("menuos-sockets")
        check(table, r"^\s+\d+ hello\s+3 TCP\s+SS_UNCONNECTED\s+SYN_SENT\s+"
              r"127\.0\.0\.1:\d+\s+127\.0\.0\.1:5001$", "hello's socket in SYN_SENT")
        check(table, r"^\s+\d+ replyhi\s+3 TCP\s+SS_UNCONNECTED\s+LISTEN\s+"
              + LISTEN_ADDR + r"\s+0\.0\.0\.0:\*$", "replyhi's listening socket")

        g.cmd("delete")
        g.cmd("break __sys_sendto")  # hello's send(): connected by now
        g.go()
        check(g.stopped(), r"__sys_sendto \(fd=3, ", "hello's send")
        check(g.cmd("menuos-sockets"), r"^\s+\d+ hello\s+3 TCP\s+SS_CONNECTED\s+ESTABLISHED\s+"
              r"127\.0\.0\.1:\d+\s+127\.0\.0\.1:5001$", "hello's socket ESTABLISHED")
        g.cmd("delete")
        g.cmd("detach")
        m.expect(r'recv "hi" from 127\.0\.0\.1:5001', what="hello's answer after detach")


def test_inet_accept_and_the_helper_commands():
    with session("gdb-accept") as (m, g):
        g.cmd("break inet_accept")
        g.go()
        m.send("replyhi\n")
        check(g.stopped(), r"Breakpoint 1, inet_accept \(sock=0x[0-9a-f]+, "
              r"newsock=0x[0-9a-f]+, flags=\d+\)", "inet_accept")
        bt = g.cmd("bt")
        want = ["inet_accept", "__sys_accept4", "sys_socketcall", "do_syscall", "system_call"]
        assert frames(bt) == want, "expected %s, got %s:\n%s" % (" <- ".join(want),
                                                                 frames(bt), bt)
        check(bt, r"sys_socketcall \(call=5, ", "SYS_ACCEPT")
        check(g.cmd("p sock->sk->sk_state"), r"= 10$", "sk_state TCP_LISTEN (10)")
        pid = int(check(g.cmd("p current->pid"), r"= (\d+)$", "the pid").group(1))

        ps = g.cmd("menuos-ps")
        check(ps, r"^  PID  PPID STATE\s+COMM\s+WCHAN$", "menuos-ps's header")
        check(ps, r"^\s+1\s+\d+ INTERRUPTIBLE\s+init\s+\w+$", "init asleep")
        check(ps, r"^\*\s*%d\s+\d+ RUNNING\s+replyhi\s*$" % pid, "replyhi as current")
        files = g.cmd("menuos-files")
        check(files, r"^pid %d \(replyhi\)" % pid, "the fd table's owner")
        check(files, r"^\s+0  tty\s+0  02 O_RDWR\s+\d+  /dev/ttyS0$", "fd 0: the console")
        check(files, r"^\s+3  socket\s+0  02 O_RDWR\s+\d+  \(struct socket \*\)0x[0-9a-f]+ "
              r"TCP SS_UNCONNECTED LISTEN " + LISTEN_ADDR + r" -> 0\.0\.0\.0:\*$",
              "fd 3: the listening socket")
        sockets = g.cmd("menuos-sockets")
        check(sockets, r"^\s+%d replyhi\s+3 TCP\s+SS_UNCONNECTED\s+LISTEN\s+" % pid
              + LISTEN_ADDR + r"\s+0\.0\.0\.0:\*$", "replyhi's LISTEN row")
        sock = g.cmd('eval "menuos-sock %d 3", current->pid')
        check(sock, r"^\$sock = \(struct socket \*\) 0x[0-9a-f]+, ops = &inet_stream_ops$",
              "the struct socket")
        check(sock, r"^\$\d+ = \{state = SS_UNCONNECTED, type = 1, ", "p *sock")
        check(sock, r"^\$\d+ = \{sk_family = 2, sk_type = 1, sk_protocol = 6, sk_state = 10, ",
              "p *sock->sk")
        check(sock, r"^lwIP: \(struct tcp_pcb \*\) 0x[0-9a-f]+, state = LISTEN, "
              r"local_port = 5001", "the lwIP pcb")
        check(g.cmd("p $sk->inet_sport"), r"= 35091$", "$sk set by menuos-sock")
        check(g.cmd("help menuos-sockets"), r"netstat", "help text")

        g.cmd("delete")
        run_until_idle(g)
        check(g.cmd("menuos-ps"), r"^\s+%d\s+\d+ INTERRUPTIBLE\s+replyhi\s+inet_accept$"
              % pid, "replyhi asleep in inet_accept")
        check(g.cmd("menuos-bt %d" % pid), r"^#\d+\s+0x[0-9a-f]+ in __sys_accept4 ",
              "the sleeping task's backtrace")


def test_stepi_over_int_0x80_lands_in_system_call():
    dump = subprocess.run(["i686-linux-gnu-objdump", "-d", "build/bin/hello"], cwd=ROOT,
                          stdout=subprocess.PIPE, text=True).stdout
    body = dump.split("<socket>:", 1)[1]
    int80 = re.search(r"^\s*([0-9a-f]+):\s.*\bint\s+\$0x80", body, re.M).group(1)
    with session("gdb-stepi") as (m, g):
        check(g.cmd("usersyms hello"), r"user symbols: build/bin/hello", "usersyms")
        g.cmd('break socket if $_streq(current->comm, "hello")')
        g.go()
        m.send("hello\n")
        check(g.stopped(), r"Breakpoint 1, socket \(domain=.*2, type=.*1, protocol=.*0\) "
              r"at libc/socket\.c", "hello's socket() in libc")
        check(g.cmd("advance *0x%s" % int80), r"0x0*%s in " % int80, "the int $0x80")
        check(g.cmd("x/i $pc"), r"int\s+\$0x80", "the instruction")
        regs = g.cmd("info registers eax ebx cs")
        check(regs, r"^eax\s+0x66\s+102$", "eax = __NR_socketcall")
        check(regs, r"^ebx\s+0x1\s+1$", "ebx = SYS_SOCKET")
        check(regs, r"^cs\s+0x(1b|23)\s", "ring 3 (cs & 3 == 3)")
        check(g.cmd("stepi"), r"system_call \(\) at kernel/entry\.asm", "stepi into system_call")
        check(g.cmd("info symbol $pc"), r"^system_call in section \.text", "$pc at system_call")
        check(g.cmd("info registers eax cs"), r"^eax\s+0x66\s+102\ncs\s+0x8\s",
              "still eax 102, now in ring 0 (cs 0x8)")
        g.cmd("delete")
        g.cmd("detach")
        m.expect(r"connect: ECONNREFUSED", what="hello going on after detach")
