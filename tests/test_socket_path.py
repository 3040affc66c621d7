"""The course's path through the socket layer exists by Linux's names: nm finds them in
build/kernel.elf, and a GDB breakpoint in inet_create, hit by `hello` in the guest, shows
the call chain of the blog posts: sys_socketcall -> __sys_socket -> sock_create ->
__sock_create -> inet_create, entered from system_call."""
import os
import re
import subprocess
import time

from tests.harness import ROOT, Machine, free_port

MACHINE = False

LINUX_NAMES = """system_call sys_call_table do_syscall copy_from_user copy_to_user do_fork
sys_fork sys_execve do_exit fd_install fget fput current sys_socketcall nargs __sys_socket
__sys_bind __sys_listen __sys_accept4 __sys_connect __sys_sendto __sys_recvfrom
__sys_shutdown __sys_setsockopt __sys_getsockopt __sys_getsockname __sys_getpeername
__sys_sendmsg __sys_recvmsg sock_create __sock_create sock_alloc sock_release sock_map_fd
sock_alloc_file sockfd_lookup_light sock_from_file move_addr_to_kernel move_addr_to_user
sock_register net_families inetsw inet_create inet_stream_ops inet_dgram_ops inet_bind
inet_listen inet_accept inet_stream_connect inet_sendmsg inet_recvmsg inet_shutdown
inet_release socket_file_ops sock_read_iter sock_write_iter sock_poll sock_close
tcp_v4_connect tcp_sendmsg tcp_recvmsg tcp_connect tcp_output tcp_input tcp_listen_input
""".split()


def test_nm_shows_the_linux_names():
    out = subprocess.run(["i686-linux-gnu-nm", "build/kernel.elf"], cwd=ROOT, text=True,
                         stdout=subprocess.PIPE).stdout
    syms = {l.split()[-1] for l in out.splitlines()}
    missing = [n for n in LINUX_NAMES if n not in syms]
    assert not missing, "nm build/kernel.elf lacks: %s" % " ".join(missing)


def test_gdb_backtrace_of_socket_creation():
    port = free_port()
    m = Machine("gdb-socket", args=["-gdb", "tcp:127.0.0.1:%d" % port])
    try:
        gdb = subprocess.Popen(
            ["gdb", "-batch", "-nx", "-ex", "file build/kernel.elf",
             "-ex", "target remote 127.0.0.1:%d" % port, "-ex", "break inet_create",
             "-ex", "continue", "-ex", "bt", "-ex", "kill"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        time.sleep(1.5)  # gdb attaches, sets the breakpoint and lets the guest run on
        m.send("hello\n")
        out, _ = gdb.communicate(timeout=60)
        frames = re.findall(r"^#\d+\s+(?:0x[0-9a-f]+ in )?(\w+) \(", out, re.M)
        want = ["inet_create", "__sock_create", "sock_create", "__sys_socket",
                "sys_socketcall", "do_syscall", "system_call"]
        assert frames[:len(want)] == want, \
            "expected the backtrace %s, got %s:\n%s" % (" <- ".join(want), frames, out)
    finally:
        m.expect_exit = True
        m.close()
