/* /proc/net: the socket tables in Linux's formats, so netstat can read them as on Linux.
 * tcp and udp list lwIP's pcbs (TIME_WAIT ones too, with inode 0: no socket owns them);
 * sockstat counts; sockfd (MenuOS's own) says which process holds which socket inode,
 * where Linux has /proc/PID/fd/N -> socket:[inode]. */
#include <menuos/fs.h>
#include <menuos/net.h>
#include <menuos/proc.h>
#include <menuos/sched.h>
#include <menuos/sock.h>
#include "lwip/tcp.h"
#include "lwip/udp.h"
#include "lwip/priv/tcp_priv.h"

extern const struct file_operations socket_file_ops;

/* lwIP's enum tcp_state -> Linux's TCP_* numbers (include/net/tcp_states.h) */
static const int linux_state[] = {
	[CLOSED] = TCP_CLOSE,
	[LISTEN] = TCP_LISTEN,
	[SYN_SENT] = TCP_SYN_SENT,
	[SYN_RCVD] = TCP_SYN_RECV,
	[ESTABLISHED] = TCP_ESTABLISHED,
	[FIN_WAIT_1] = TCP_FIN_WAIT1,
	[FIN_WAIT_2] = TCP_FIN_WAIT2,
	[CLOSE_WAIT] = TCP_CLOSE_WAIT,
	[CLOSING] = TCP_CLOSING,
	[LAST_ACK] = TCP_LAST_ACK,
	[TIME_WAIT] = TCP_TIME_WAIT,
};

static unsigned long sock_inode(struct sock *sk)
{
	return sk && sk->sk_socket ? SOCK_INODE(sk->sk_socket)->i_ino : 0;
}

static void tcp_line(struct seq_buf *sb, int n, const ip_addr_t *lip,
		     u16_t lport, const ip_addr_t *rip, u16_t rport, int state,
		     unsigned long txq, unsigned long rxq, unsigned long inode)
{
	seq_printf(
		sb,
		"%4d: %08X:%04X %08X:%04X %02X %08lX:%08lX 00:00000000 00000000 "
		"    0        0 %lu 1 00000000 100 0 0 10 0\n",
		n, (unsigned)ip_addr_get_ip4_u32(lip), lport,
		(unsigned)ip_addr_get_ip4_u32(rip), rport, state, txq, rxq,
		inode);
}

static void tcp_show(struct seq_buf *sb)
{
	int n = 0;

	seq_printf(sb,
		   "  sl  local_address rem_address   st tx_queue rx_queue tr "
		   "tm->when retrnsmt   uid  timeout inode\n");
	for (struct tcp_pcb_listen *l = tcp_listen_pcbs.listen_pcbs; l;
	     l = l->next) {
		struct sock *sk = l->callback_arg;
		tcp_line(sb, n++, &l->local_ip, l->local_port, IP4_ADDR_ANY, 0,
			 TCP_LISTEN, 0,
			 sk ? (unsigned long)sk->sk_ack_backlog : 0,
			 sock_inode(sk));
	}
	struct tcp_pcb *lists[] = { tcp_active_pcbs, tcp_tw_pcbs };
	for (unsigned i = 0; i < ARRAY_SIZE(lists); i++) {
		for (struct tcp_pcb *p = lists[i]; p; p = p->next) {
			struct sock *sk = p->callback_arg;
			tcp_line(sb, n++, &p->local_ip, p->local_port,
				 &p->remote_ip, p->remote_port,
				 linux_state[p->state],
				 TCP_SND_BUF - tcp_sndbuf(p),
				 sk ? sk_rx_queued(sk) : 0, sock_inode(sk));
		}
	}
}

static void udp_show(struct seq_buf *sb)
{
	int n = 0;

	seq_printf(
		sb,
		"  sl  local_address rem_address   st tx_queue rx_queue tr "
		"tm->when retrnsmt   uid  timeout inode ref pointer drops\n");
	for (struct udp_pcb *p = udp_pcbs; p; p = p->next) {
		struct sock *sk = p->recv_arg;
		int connected = p->flags & UDP_FLAGS_CONNECTED;
		seq_printf(
			sb,
			"%4d: %08X:%04X %08X:%04X %02X %08X:%08lX 00:00000000 "
			"00000000     0        0 %lu 2 00000000 0\n",
			n++, (unsigned)ip_addr_get_ip4_u32(&p->local_ip),
			p->local_port,
			(unsigned)ip_addr_get_ip4_u32(&p->remote_ip),
			connected ? p->remote_port : 0,
			connected ? TCP_ESTABLISHED : TCP_CLOSE, 0,
			sk ? (unsigned long)sk->dg_bytes : 0, sock_inode(sk));
	}
}

static void sockstat_show(struct seq_buf *sb)
{
	struct net_stats st;

	net_get_stats(&st);
	seq_printf(sb, "sockets: used %d\n", sockets_in_use);
	seq_printf(sb, "TCP: inuse %d orphan 0 tw %u alloc %u mem %u\n",
		   tcp_prot.inuse, st.tcp_time_wait,
		   st.tcp_pcbs + st.tcp_listen, st.mem_used / 4096);
	seq_printf(sb, "UDP: inuse %d mem 0\n", udp_prot.inuse);
	seq_printf(sb, "lwIP: tcp_pcb %u listen %u udp_pcb %u segs %u mem %u\n",
		   st.tcp_pcbs, st.tcp_listen, st.udp_pcbs, st.tcp_segs,
		   st.mem_used);
}

static void sockfd_show(struct seq_buf *sb)
{
	seq_printf(sb, "  pid   fd    inode command\n");
	for (int i = 1; i < NR_TASKS; i++) {
		struct task_struct *t = &task_table[i];
		if (t->state == TASK_UNUSED || !t->files)
			continue;
		for (int fd = 0; fd < NR_OPEN; fd++) {
			struct file *f = t->files->fd[fd];
			if (f && f->f_op == &socket_file_ops)
				seq_printf(sb, "%5d %4d %8lu %s\n", t->pid, fd,
					   f->f_inode->i_ino, t->comm);
		}
	}
}

void proc_net_init(void)
{
	proc_create("/proc/net/tcp", tcp_show);
	proc_create("/proc/net/udp", udp_show);
	proc_create("/proc/net/sockstat", sockstat_show);
	proc_create("/proc/net/sockfd", sockfd_show);
}
