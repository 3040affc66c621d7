# GDB helpers for MenuOS, loaded by the top .gdbinit (`source tools/gdb/menuos.py`).
# They read the kernel's own structures through the symbols of build/kernel.elf, the way
# Linux's scripts/gdb (lx-ps, lx-...) do, so what they print is what `p` would show:
#
#   menuos-ps                 every task in task_table: pid, ppid, state, comm, where it sleeps
#   menuos-bt PID             the kernel backtrace of a task that is switched out
#   menuos-files [PID]        a task's fd table (file type, f_pos, f_flags; the socket of a socket)
#   menuos-sockets            every socket fd of every task, like `netstat -tanp`
#   menuos-sock PID FD        `p *sock` and `p *sock->sk` of one socket fd ($sock, $sk afterwards)
#   usersyms [NAME]           load build/bin/NAME's symbols instead of the current program's
#   menuos-connect [PORT]     target remote 127.0.0.1:PORT (the .gdbinit runs it)
#
# `help NAME` explains each one; docs/gdb-walkthrough.md uses them on a real session.
import os

import gdb

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KERNEL = os.path.join(ROOT, "build", "kernel.elf")
USER_BIN = os.path.join(ROOT, "build", "bin")
DEFAULT_PORT = 1234

# sk_state: Linux's TCP states (include/menuos/sock.h, Linux's include/net/tcp_states.h)
TCP_STATES = {1: "ESTABLISHED", 2: "SYN_SENT", 3: "SYN_RECV", 4: "FIN_WAIT1",
              5: "FIN_WAIT2", 6: "TIME_WAIT", 7: "CLOSE", 8: "CLOSE_WAIT",
              9: "LAST_ACK", 10: "LISTEN", 11: "CLOSING"}
SOCK_TYPES = {1: "STREAM", 2: "DGRAM", 3: "RAW"}
# f_op -> the kind of file, by the name of the kernel's file_operations
FILE_KINDS = {"socket_file_ops": "socket", "tty_fops": "tty", "pipe_fops": "pipe",
              "ramfs_file_ops": "ramfs file", "ramfs_dir_ops": "dir",
              "null_fops": "char dev", "zero_fops": "char dev", "proc_fops": "proc file",
              "pci_config_fops": "proc file", "set_ftrace_pid_fops": "tracefs file",
              "trace_pipe_fops": "tracefs file"}
# where a task that is switched out sits in the scheduler: skipped to find its wait channel
SCHED_FUNCS = ("switch_to_stack", "schedule", "sleep_on_current")
# open() flags of Linux i386 (include/uapi/asm/fcntl.h)
O_FLAGS = [(0o100, "O_CREAT"), (0o1000, "O_TRUNC"), (0o2000, "O_APPEND"),
           (0o4000, "O_NONBLOCK"), (0o200000, "O_DIRECTORY")]


# ---- reading the kernel ----------------------------------------------------------------

def kernel_objfile():
    for o in gdb.objfiles():
        if o.filename and os.path.realpath(o.filename) == os.path.realpath(KERNEL):
            return o
    for o in gdb.objfiles():  # loaded under another path: the one that has task_table
        if o.lookup_global_symbol("task_table"):
            return o
    raise gdb.GdbError("no kernel symbols: run `file build/kernel.elf` first")


def kernel_var(name):
    """A kernel global, looked up in build/kernel.elf only (user programs could have one
    with the same name)."""
    sym = kernel_objfile().lookup_global_symbol(name)
    if sym is None:
        raise gdb.GdbError("build/kernel.elf has no global %s" % name)
    return sym.value()


def kernel_type(name):
    """struct NAME as the kernel's debug information has it."""
    block = kernel_objfile().lookup_global_symbol("task_table").symtab.global_block()
    return gdb.lookup_type(name, block)


def symbol_name(addr):
    """The symbol at addr (`info symbol`), or None."""
    if not addr:
        return None
    out = gdb.execute("info symbol 0x%x" % addr, to_string=True)
    if out.startswith("No symbol"):
        return None
    return out.split()[0]


def read_u32(addr):
    return int(gdb.Value(addr).cast(gdb.lookup_type("unsigned int").pointer()).dereference())


def tasks():
    """The used slots of task_table."""
    table = kernel_var("task_table")
    lo, hi = table.type.range()
    for i in range(lo, hi + 1):
        t = table[i]
        if str(t["state"]) != "TASK_UNUSED":
            yield t


def find_task(pid):
    for t in tasks():
        if int(t["pid"]) == pid:
            return t
    raise gdb.GdbError("no task with pid %d (menuos-ps lists them)" % pid)


def current_task():
    cur = kernel_var("current")
    if int(cur) == 0:
        raise gdb.GdbError("current is NULL: the kernel has not started its first task")
    return cur.dereference()


def comm(t):
    return t["comm"].string(length=int(t["comm"].type.sizeof)).split("\0")[0]


def state_name(t):
    return str(t["state"]).replace("TASK_", "")


def parent_pid(t):
    return int(t["parent"]["pid"]) if int(t["parent"]) else 0


def switched_out_frames(t):
    """The return addresses on the kernel stack of a task that is not running:
    switch_to_stack left edi, esi, ebx, ebp and its return address at kernel_sp, and the
    saved ebp starts the frame chain (as show_state does for Ctrl-T)."""
    sp = int(t["kernel_sp"])
    if not sp or int(t["pid"]) == int(current_task()["pid"]):
        return []
    pcs = [read_u32(sp + 16)]
    ebp = read_u32(sp + 12)
    stack = int(t["stack"])
    while ebp and stack <= ebp < stack + 8192 and len(pcs) < 24:
        pcs.append(read_u32(ebp + 4))
        ebp = read_u32(ebp)
    return pcs


def wait_channel(t):
    """The first function outside the scheduler a sleeping task is in (Linux's wchan)."""
    if str(t["state"]) != "TASK_INTERRUPTIBLE":
        return ""
    for pc in switched_out_frames(t):
        name = symbol_name(pc - 1) or "0x%x" % pc
        if name not in SCHED_FUNCS:
            return name
    return ""


def ip_port(addr, port):
    """An address and port in network byte order, as netstat prints them."""
    addr, port = int(addr), int(port)
    ip = ".".join(str((addr >> s) & 0xff) for s in (0, 8, 16, 24))
    port = ((port & 0xff) << 8) | (port >> 8)
    return "%s:%s" % (ip, port if port else "*")


def open_flags(flags):
    names = ["O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE"][flags & 3:][:1]
    names += [n for bit, n in O_FLAGS if flags & bit]
    return "|".join(names)


def inode_path(inode):
    """The ramfs path of an inode (its i_name up the i_parent chain), or ''."""
    parts = []
    while int(inode) and len(parts) < 16:
        name = inode["i_name"].string()
        if not name or name == "/":
            break
        parts.append(name)
        inode = inode["i_parent"]
    return "/" + "/".join(reversed(parts)) if parts else ""


def task_files(t):
    """(fd, struct file *) for each open fd of t."""
    files = t["files"]
    if not int(files):
        return
    fds = files["fd"]
    lo, hi = fds.type.range()
    for fd in range(lo, hi + 1):
        f = fds[fd]
        if int(f):
            yield fd, f


def file_socket(f):
    """The struct socket * of a socket file (f_op == &socket_file_ops), else None."""
    if int(f["f_op"]) != int(kernel_var("socket_file_ops").address):
        return None
    return f["private_data"].cast(kernel_type("struct socket").pointer())


def sock_summary(sock):
    """proto, SS_ state, TCP state, local, peer of a struct socket *."""
    sk = sock["sk"]
    ss = str(sock["state"])
    if not int(sk):
        return "-", ss, "-", "-", "-"
    proto = sk["sk_prot"]["name"].string() if int(sk["sk_prot"]) else \
        SOCK_TYPES.get(int(sk["sk_type"]), str(int(sk["sk_type"])))
    state = int(sk["sk_state"])
    return (proto.upper(), ss, TCP_STATES.get(state, str(state)),
            ip_port(sk["inet_saddr"], sk["inet_sport"]),
            ip_port(sk["inet_daddr"], sk["inet_dport"]))


def file_kind(f):
    if symbol_name(int(f)) == "reserved_fd":
        return "reserved"
    name = symbol_name(int(f["f_op"]))
    if name in FILE_KINDS:
        return FILE_KINDS[name]
    mode = int(f["f_inode"]["i_mode"]) if int(f["f_inode"]) else 0
    return {0o140000: "socket", 0o010000: "pipe", 0o020000: "char dev",  # by i_mode
            0o100000: "file", 0o040000: "dir"}.get(mode & 0o170000, name or "?")


def file_detail(f, kind):
    """What the file is: the path of a ramfs node, the end of a pipe, the socket."""
    if kind == "socket":
        sock = file_socket(f)
        proto, ss, state, local, peer = sock_summary(sock)
        return "(struct socket *)0x%x %s %s %s %s -> %s" % (int(sock), proto, ss, state,
                                                            local, peer)
    if kind == "reserved":
        return "taken by get_unused_fd_flags, fd_install has not filled it yet"
    if kind == "pipe":
        return "read end" if (int(f["f_flags"]) & 3) == 0 else "write end"
    return inode_path(f["f_inode"]) if int(f["f_inode"]) else ""


def readable(fn):
    """Runs fn, turning a memory error (paging not on yet) into a clear message."""
    def run(self, arg, from_tty):
        try:
            fn(self, arg, from_tty)
        except gdb.MemoryError as e:
            raise gdb.GdbError("cannot read the kernel's memory (%s): is the kernel past "
                               "paging_init? `continue` a little first" % e)
    return run


def parse_ints(arg, names):
    args = gdb.string_to_argv(arg)
    if len(args) > len(names):
        raise gdb.GdbError("usage: %s" % " ".join(names))
    try:
        return [int(gdb.parse_and_eval(a)) for a in args]
    except gdb.error as e:
        raise gdb.GdbError("%s: %s" % (" ".join(names), e))


# ---- the commands ----------------------------------------------------------------------

class MenuosPs(gdb.Command):
    """Every task in task_table: pid, ppid, state, comm (* marks current).
Usage: menuos-ps
WCHAN is the kernel function a sleeping task waits in (Linux's ps -o wchan),
found from the saved frame chain at task->kernel_sp; menuos-bt PID shows all of it.
The same table as Ctrl-T on the MenuOS console (show_state)."""

    def __init__(self):
        super().__init__("menuos-ps", gdb.COMMAND_USER)

    @readable
    def invoke(self, arg, from_tty):
        cur = int(kernel_var("current"))
        print("  PID  PPID STATE          COMM             WCHAN")
        for t in tasks():
            mark = "*" if int(t.address) == cur else " "
            print("%s%4d %5d %-14s %-16s %s" % (mark, int(t["pid"]), parent_pid(t),
                                                state_name(t), comm(t), wait_channel(t)))


class MenuosBt(gdb.Command):
    """The kernel backtrace of a task that is switched out (asleep or ready to run).
Usage: menuos-bt PID
GDB's own `bt` shows only the task running now (current); the others sit in
switch_to_stack, with their frame chain saved on their kernel stack."""

    def __init__(self):
        super().__init__("menuos-bt", gdb.COMMAND_USER)

    @readable
    def invoke(self, arg, from_tty):
        (pid,) = parse_ints(arg, ["PID"]) or [None]
        if pid is None:
            raise gdb.GdbError("usage: menuos-bt PID")
        t = find_task(pid)
        if int(t.address) == int(kernel_var("current")):
            print("pid %d is current: use `bt`" % pid)
            return
        for i, pc in enumerate(switched_out_frames(t)):
            # a return address: the call is the instruction before it (as GDB's bt looks)
            sal = gdb.find_pc_line(pc - 1)
            where = " at %s:%d" % (sal.symtab.filename, sal.line) if sal.symtab else ""
            print("#%-2d 0x%08x in %s%s" % (i, pc, symbol_name(pc - 1) or "??", where))


class MenuosFiles(gdb.Command):
    """The open files of a task (default: current): its fd table, task->files->fd[].
Usage: menuos-files [PID]
TYPE comes from file->f_op (socket_file_ops, tty_fops, pipe_fops, ramfs_file_ops,
ramfs_dir_ops, ...); F_POS and F_FLAGS are struct file's; REFS is f_count (fds and
syscalls holding the file: dup and fork share one struct file). For a socket the
last column is file->private_data, the struct socket, with its states and addresses."""

    def __init__(self):
        super().__init__("menuos-files", gdb.COMMAND_USER)

    @readable
    def invoke(self, arg, from_tty):
        (pid,) = parse_ints(arg, ["[PID]"]) or [None]
        t = current_task() if pid is None else find_task(pid)
        print("pid %d (%s): struct files_struct *files = 0x%x" % (int(t["pid"]), comm(t),
                                                                  int(t["files"])))
        if not int(t["files"]):
            print("  no fd table (a zombie, or the idle task)")
            return
        cloexec = int(t["files"]["close_on_exec"])
        print(" FD  TYPE        F_POS  F_FLAGS                REFS  WHAT")
        for fd, f in task_files(t):
            kind = file_kind(f)
            if kind == "reserved":
                print("%3d  %-10s %6s  %-22s %4s  %s" % (fd, kind, "-", "-", "-",
                                                       file_detail(f, kind)))
                continue
            flags = int(f["f_flags"])
            fl = "0%o %s%s" % (flags, open_flags(flags), " cloexec" if cloexec >> fd & 1 else "")
            print("%3d  %-10s %6d  %-22s %4d  %s" % (fd, kind, int(f["f_pos"]), fl,
                                                   int(f["f_count"]), file_detail(f, kind)))


class MenuosSockets(gdb.Command):
    """Every socket fd of every task, like `netstat -tanp`.
Usage: menuos-sockets
A socket fd is one whose file->f_op == &socket_file_ops; its struct socket is
file->private_data. SS_STATE is sock->state (SS_UNCONNECTED, SS_CONNECTING,
SS_CONNECTED, ...), TCP_STATE is sock->sk->sk_state by Linux's names (LISTEN,
SYN_SENT, ESTABLISHED, ...), LOCAL and PEER come from sk->inet_saddr:inet_sport
and sk->inet_daddr:inet_dport (network byte order in memory). A socket shared by
fork or dup shows once per fd. `menuos-sock PID FD` prints one in full."""

    def __init__(self):
        super().__init__("menuos-sockets", gdb.COMMAND_USER)

    @readable
    def invoke(self, arg, from_tty):
        print("  PID COMM          FD PROTO SS_STATE         TCP_STATE    "
              "LOCAL                  PEER")
        n = 0
        for t in tasks():
            for fd, f in task_files(t):
                sock = file_socket(f)
                if sock is None:
                    continue
                proto, ss, state, local, peer = sock_summary(sock)
                print("%5d %-12s %3d %-5s %-16s %-12s %-22s %s" % (
                    int(t["pid"]), comm(t), fd, proto, ss, state, local, peer))
                n += 1
        if not n:
            print("  (no socket fds)")


class MenuosSock(gdb.Command):
    """The struct socket and struct sock behind one fd: `p *sock`, `p *sock->sk`.
Usage: menuos-sock PID FD
Afterwards $sock and $sk hold the two pointers, so `p $sk->sk_state`,
`p *$sock->ops` or `p/x $sk->inet_dport` go on from there. For TCP the lwIP pcb's
own state (struct tcp_pcb, sk->pcb) is printed last."""

    def __init__(self):
        super().__init__("menuos-sock", gdb.COMMAND_USER)

    @readable
    def invoke(self, arg, from_tty):
        args = parse_ints(arg, ["PID", "FD"])
        if len(args) != 2:
            raise gdb.GdbError("usage: menuos-sock PID FD (menuos-sockets lists them)")
        pid, fd = args
        t = find_task(pid)
        f = dict(task_files(t)).get(fd)
        if f is None:
            raise gdb.GdbError("pid %d has no fd %d" % (pid, fd))
        sock = file_socket(f)
        if sock is None:
            raise gdb.GdbError("fd %d of pid %d is a %s, not a socket" % (fd, pid, file_kind(f)))
        gdb.set_convenience_variable("sock", sock)
        gdb.set_convenience_variable("sk", sock["sk"])
        print("pid %d fd %d: struct file *0x%x, f_op = &socket_file_ops, "
              "private_data = $sock" % (pid, fd, int(f)))
        print("$sock = (struct socket *) 0x%x, ops = &%s" % (
            int(sock), symbol_name(int(sock["ops"])) or hex(int(sock["ops"]))))
        gdb.execute("print *$sock")
        if not int(sock["sk"]):
            print("sock->sk is NULL")
            return
        sk = sock["sk"]
        print("$sk = sock->sk = (struct sock *) 0x%x, sk_state = %s, %s -> %s" % (
            int(sk), TCP_STATES.get(int(sk["sk_state"]), int(sk["sk_state"])),
            ip_port(sk["inet_saddr"], sk["inet_sport"]), ip_port(sk["inet_daddr"], sk["inet_dport"])))
        gdb.execute("print *$sk")
        if int(sk["pcb"]) and int(sk["sk_type"]) == 1:  # SOCK_STREAM: a struct tcp_pcb
            pcb = sk["pcb"].cast(kernel_type("struct tcp_pcb").pointer())
            line = "lwIP: (struct tcp_pcb *) 0x%x, state = %s, local_port = %d" % (
                int(pcb), pcb["state"], int(pcb["local_port"]))
            if str(pcb["state"]) != "LISTEN":  # a struct tcp_pcb_listen ends before remote_port
                line += ", remote_port = %d" % int(pcb["remote_port"])
            print(line)


class UserSyms(gdb.Command):
    """Load the symbols of a user program, build/bin/NAME, in place of the current ones.
Usage: usersyms NAME     e.g. usersyms hello
       usersyms          which program's symbols are loaded, and the choices
Every program is a static i386 ELF linked at 0x08048000, so their addresses overlap:
GDB holds one at a time (the shell, menu, at start). A breakpoint at a user address
stops whichever process runs that address; add a condition to pick one:
  break socket if $_streq(current->comm, "hello")"""

    def __init__(self):
        super().__init__("usersyms", gdb.COMMAND_USER, gdb.COMPLETE_NONE)

    @staticmethod
    def loaded():
        return [o.filename for o in gdb.objfiles() if o.filename and
                os.path.dirname(os.path.realpath(o.filename)) == os.path.realpath(USER_BIN)]

    def complete(self, text, word):
        return [n for n in sorted(os.listdir(USER_BIN)) if n.startswith(text)] \
            if os.path.isdir(USER_BIN) else []

    def invoke(self, arg, from_tty):
        names = sorted(os.listdir(USER_BIN)) if os.path.isdir(USER_BIN) else []
        args = gdb.string_to_argv(arg)
        if not args:
            now = [os.path.basename(f) for f in self.loaded()]
            print("user symbols: %s" % (", ".join(now) or "none"))
            print("choices (build/bin): %s" % " ".join(names))
            return
        path = os.path.join(USER_BIN, args[0])
        if len(args) != 1 or not os.path.isfile(path):
            raise gdb.GdbError("usersyms NAME, NAME one of: %s" % " ".join(names))
        for f in self.loaded():
            gdb.execute("remove-symbol-file %s" % f, to_string=True)
        gdb.execute("add-symbol-file %s" % path, to_string=True)
        print("user symbols: build/bin/%s (at 0x08048000)" % args[0])


HELLO = """\
MenuOS: kernel symbols from build/kernel.elf, user symbols from build/bin/menu (the shell).
Connected to QEMU on 127.0.0.1:%d. Try:
  break sys_socketcall     then `continue`, and type `hello` in the MenuOS window
  p call                   1 is SYS_SOCKET; `next` past copy_from_user, `p a[0]@3`: {2, 1, 0}
  bt                       sys_socketcall <- do_syscall <- system_call
  menuos-ps, menuos-files [PID], menuos-sockets, menuos-sock PID FD   (`help menuos-ps`...)
  usersyms hello           switch user symbols to build/bin/hello (all start at 0x08048000)
  delete, then continue    let MenuOS run on; Ctrl-C here stops it again
Walkthrough: docs/gdb-walkthrough.md"""


class MenuosConnect(gdb.Command):
    """Connect to MenuOS's QEMU: target remote 127.0.0.1:PORT.
Usage: menuos-connect [PORT]
PORT defaults to $MENUOS_GDB_PORT, else 1234 (`make debug GDB_PORT=1300` and
`make gdb GDB_PORT=1300` set it for both sides). Does nothing when already connected,
so the .gdbinit may run twice (auto-load and -x) without harm."""

    def __init__(self):
        super().__init__("menuos-connect", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        if gdb.selected_inferior().pid != 0:
            return
        args = gdb.string_to_argv(arg)
        port = int(args[0]) if args else int(os.environ.get("MENUOS_GDB_PORT") or DEFAULT_PORT)
        try:
            gdb.execute("target remote 127.0.0.1:%d" % port)
        except gdb.error as e:
            raise gdb.GdbError("%s\nno MenuOS waits on 127.0.0.1:%d: start `make debug` (with "
                               "the same GDB_PORT) in another terminal, then `menuos-connect "
                               "%d` here" % (e, port, port))
        print(HELLO % port)


for cmd in (MenuosPs, MenuosBt, MenuosFiles, MenuosSockets, MenuosSock, UserSyms, MenuosConnect):
    cmd()
