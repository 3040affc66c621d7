/* /proc/net/unix: every AF_UNIX socket in Linux's format (net/unix/af_unix.c's
 * unix_seq_show), so `netstat -x` and `cat /proc/net/unix` read as on Linux:
 *   Num       RefCount Protocol Flags    Type St Inode Path
 *   c1234560: 00000002 00000000 00010000 0001 01  1234 /tmp/replyhi.sock
 * Flags 00010000 is __SO_ACCEPTCON (listening); Type is SOCK_STREAM (1), SOCK_DGRAM (2);
 * St is the socket state: 01 unconnected, 02 connecting (a connection not accepted yet),
 * 03 connected. MenuOS keeps no reference count on a struct sock; RefCount counts what
 * holds one here: the socket itself, a connected peer, and each SCM_RIGHTS message in
 * flight that carries it (what net/unix/garbage.c weighs). An abstract name starts with @. */
#include <menuos/proc.h>
#include <menuos/socket.h>

#include "af_unix.h"

#define SO_ACCEPTCON 0x00010000 /* Linux's __SO_ACCEPTCON */

static int unix_socket_state(const struct unix_sock *u)
{
	if (!u->sk.sk_socket)
		return SS_CONNECTING; /* queued on a listener, not accepted yet */
	return u->peer ? SS_CONNECTED : SS_UNCONNECTED;
}

static void unix_seq_show(struct seq_buf *sb)
{
	seq_printf(sb,
		   "Num       RefCount Protocol Flags    Type St Inode Path\n");
	for (struct unix_sock *u = all_unix_socks; u; u = u->next_all) {
		struct socket *sock = u->sk.sk_socket;
		seq_printf(sb, "%08lx: %08X %08X %08X %04X %02X %5lu",
			   (unsigned long)u,
			   1 + (u->peer != NULL) + u->inflight, 0,
			   u->sk.sk_state == TCP_LISTEN ? SO_ACCEPTCON : 0,
			   u->sk.sk_type, unix_socket_state(u),
			   sock ? SOCK_INODE(sock)->i_ino : 0);
		if (u->addr_len > 2) {
			const char *p = u->addr.sun_path;
			int len = u->addr_len - 2;
			seq_printf(sb, " ");
			if (p[0]) /* a path: the NUL at its end is counted in addr_len */
				seq_printf(sb, "%s", p);
			else /* abstract: every byte, NULs shown as @ (Linux does the same) */
				for (int i = 0; i < len; i++)
					seq_printf(sb, "%c", p[i] ? p[i] : '@');
		}
		seq_printf(sb, "\n");
	}
}

void unix_proc_init(void)
{
	proc_create("/proc/net/unix", unix_seq_show);
}
