/*
 * Decoders for sockets: address families, socket types and protocols,
 * struct sockaddr (AF_INET as strace prints it:
 * {sa_family=AF_INET, sin_port=htons(5001), sin_addr=inet_addr("127.0.0.1")}),
 * socket options, message flags, msghdr and mmsghdr.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include "strace.h"

struct k_msghdr {
	unsigned long name;
	int namelen;
	unsigned long iov;
	unsigned long iovlen;
	unsigned long control;
	unsigned long controllen;
	unsigned int flags;
};

static const struct flag_name families[] = {
	{ 0, "AF_UNSPEC" }, { 1, "AF_UNIX" },	  { 2, "AF_INET" },
	{ 10, "AF_INET6" }, { 16, "AF_NETLINK" }, { 17, "AF_PACKET" },
	{ 0, NULL },
};

static const struct flag_name sock_types[] = {
	{ 1, "SOCK_STREAM" },	 { 2, "SOCK_DGRAM" },
	{ 3, "SOCK_RAW" },	 { 4, "SOCK_RDM" },
	{ 5, "SOCK_SEQPACKET" }, { 6, "SOCK_DCCP" },
	{ 10, "SOCK_PACKET" },	 { 0, NULL },
};

static const struct flag_name sock_flags[] = {
	{ 02000000, "SOCK_CLOEXEC" },
	{ 04000, "SOCK_NONBLOCK" },
	{ 0, NULL },
};

static const struct flag_name ip_protos[] = {
	{ 0, "IPPROTO_IP" },   { 1, "IPPROTO_ICMP" },  { 6, "IPPROTO_TCP" },
	{ 17, "IPPROTO_UDP" }, { 41, "IPPROTO_IPV6" }, { 255, "IPPROTO_RAW" },
	{ 0, NULL },
};

static const struct flag_name eth_protos[] = {
	{ 0x0003, "ETH_P_ALL" },
	{ 0x0800, "ETH_P_IP" },
	{ 0x0806, "ETH_P_ARP" },
	{ 0x86DD, "ETH_P_IPV6" },
	{ 0, NULL },
};

static const struct flag_name hatypes[] = {
	{ 1, "ARPHRD_ETHER" },
	{ 772, "ARPHRD_LOOPBACK" },
	{ 0xfffe, "ARPHRD_NONE" },
	{ 0, NULL },
};

static const struct flag_name pkttypes[] = {
	{ 0, "PACKET_HOST" },	   { 1, "PACKET_BROADCAST" },
	{ 2, "PACKET_MULTICAST" }, { 3, "PACKET_OTHERHOST" },
	{ 4, "PACKET_OUTGOING" },  { 0, NULL },
};

static const struct flag_name msg_flags[] = {
	{ 0x01, "MSG_OOB" },
	{ 0x02, "MSG_PEEK" },
	{ 0x04, "MSG_DONTROUTE" },
	{ 0x08, "MSG_CTRUNC" },
	{ 0x10, "MSG_PROXY" },
	{ 0x20, "MSG_TRUNC" },
	{ 0x40, "MSG_DONTWAIT" },
	{ 0x80, "MSG_EOR" },
	{ 0x100, "MSG_WAITALL" },
	{ 0x200, "MSG_FIN" },
	{ 0x400, "MSG_SYN" },
	{ 0x800, "MSG_CONFIRM" },
	{ 0x1000, "MSG_RST" },
	{ 0x2000, "MSG_ERRQUEUE" },
	{ 0x4000, "MSG_NOSIGNAL" },
	{ 0x8000, "MSG_MORE" },
	{ 0x10000, "MSG_WAITFORONE" },
	{ 0x40000000, "MSG_CMSG_CLOEXEC" },
	{ 0, NULL },
};

static const struct flag_name shut_hows[] = {
	{ 0, "SHUT_RD" },
	{ 1, "SHUT_WR" },
	{ 2, "SHUT_RDWR" },
	{ 0, NULL },
};

static const struct flag_name sol_levels[] = {
	{ 0, "SOL_IP" },   { 1, "SOL_SOCKET" }, { 6, "SOL_TCP" },
	{ 17, "SOL_UDP" }, { 41, "SOL_IPV6" },	{ 263, "SOL_PACKET" },
	{ 0, NULL },
};

static const struct flag_name so_names[] = {
	{ 1, "SO_DEBUG" },
	{ 2, "SO_REUSEADDR" },
	{ 3, "SO_TYPE" },
	{ 4, "SO_ERROR" },
	{ 5, "SO_DONTROUTE" },
	{ 6, "SO_BROADCAST" },
	{ 7, "SO_SNDBUF" },
	{ 8, "SO_RCVBUF" },
	{ 9, "SO_KEEPALIVE" },
	{ 10, "SO_OOBINLINE" },
	{ 11, "SO_NO_CHECK" },
	{ 12, "SO_PRIORITY" },
	{ 13, "SO_LINGER" },
	{ 14, "SO_BSDCOMPAT" },
	{ 15, "SO_REUSEPORT" },
	{ 16, "SO_PASSCRED" },
	{ 17, "SO_PEERCRED" },
	{ 18, "SO_RCVLOWAT" },
	{ 19, "SO_SNDLOWAT" },
	{ 20, "SO_RCVTIMEO_OLD" },
	{ 21, "SO_SNDTIMEO_OLD" },
	{ 25, "SO_BINDTODEVICE" },
	{ 29, "SO_TIMESTAMP_OLD" },
	{ 30, "SO_ACCEPTCONN" },
	{ 32, "SO_SNDBUFFORCE" },
	{ 33, "SO_RCVBUFFORCE" },
	{ 38, "SO_PROTOCOL" },
	{ 39, "SO_DOMAIN" },
	{ 0, NULL },
};

static const struct flag_name tcp_names[] = {
	{ 1, "TCP_NODELAY" },  { 2, "TCP_MAXSEG" },    { 3, "TCP_CORK" },
	{ 4, "TCP_KEEPIDLE" }, { 5, "TCP_KEEPINTVL" }, { 6, "TCP_KEEPCNT" },
	{ 0, NULL },
};

static const struct flag_name ip_names[] = {
	{ 1, "IP_TOS" },     { 2, "IP_TTL" }, { 3, "IP_HDRINCL" },
	{ 4, "IP_OPTIONS" }, { 0, NULL },
};

static const struct flag_name packet_names[] = {
	{ 1, "PACKET_ADD_MEMBERSHIP" },
	{ 2, "PACKET_DROP_MEMBERSHIP" },
	{ 0, NULL },
};

static unsigned short net16(const unsigned char *p)
{
	return p[0] << 8 | p[1];
}

/* struct sockaddr of len bytes at addr */
void print_sockaddr_at(struct sbuf *sb, int pid, unsigned long addr, long len)
{
	unsigned char sa[128];
	unsigned short family;
	const char *fname;

	if (!addr) {
		sb_puts(sb, "NULL");
		return;
	}
	if (len <= 0) {
		print_ptr(sb, addr);
		return;
	}
	if (len > (long)sizeof(sa))
		len = sizeof(sa);
	memset(sa, 0, sizeof(sa));
	if (peek_mem(pid, addr, sa, len) < 0) {
		print_ptr(sb, addr);
		return;
	}
	family = sa[0] | sa[1] << 8;
	fname = xval_name(families, family);
	sb_puts(sb, "{sa_family=");
	if (fname)
		sb_puts(sb, fname);
	else
		sb_printf(sb, "%#x /* AF_??? */", family);
	if (len < 2) {
		sb_puts(sb, "}");
		return;
	}
	if (family == 2 && len >= 8) {
		sb_printf(sb,
			  ", sin_port=htons(%u), "
			  "sin_addr=inet_addr(\"%u.%u.%u.%u\")}",
			  net16(sa + 2), sa[4], sa[5], sa[6], sa[7]);
	} else if (family == 1) {
		int n = len - 2;

		sb_puts(sb, ", sun_path=");
		if (n > 0 && sa[2] == '\0') {
			sb_puts(sb, "@");
			print_quoted(sb, sa + 3, n - 1, 0, 0);
		} else {
			print_quoted(sb, sa + 2, n, 1, 0);
		}
		sb_puts(sb, "}");
	} else if (family == 17 && len >= 12) {
		int ifindex;
		unsigned short hatype = sa[8] | sa[9] << 8;
		int halen = sa[11], i;

		memcpy(&ifindex, sa + 4, sizeof(ifindex));
		sb_puts(sb, ", sll_protocol=htons(");
		print_xval(sb, eth_protos, net16(sa + 2), "%#lx");
		sb_printf(sb, "), sll_ifindex=%d, sll_hatype=", ifindex);
		print_xval(sb, hatypes, hatype, "%ld");
		sb_puts(sb, ", sll_pkttype=");
		print_xval(sb, pkttypes, sa[10], "%ld");
		sb_printf(sb, ", sll_halen=%d", halen);
		if (halen > 0) {
			sb_puts(sb, ", sll_addr=[");
			for (i = 0; i < halen && i < 8; i++)
				sb_printf(sb, "%s%#x", i ? ", " : "",
					  sa[12 + i]);
			sb_puts(sb, "]");
		}
		sb_puts(sb, "}");
	} else {
		sb_puts(sb, ", sa_data=");
		print_quoted(sb, sa + 2, len - 2, 0, 0);
		sb_puts(sb, "}");
	}
}

static void print_sock_type(struct sbuf *sb, unsigned long v)
{
	const char *name = xval_name(sock_types, v & 0xf);
	unsigned long unknown = v & ~0xfUL & ~(02000000UL | 04000UL);

	if (name)
		sb_puts(sb, name);
	else
		sb_printf(sb, "%#lx /* SOCK_??? */", v & 0xf);
	if (v & ~0xfUL & ~unknown) {
		sb_puts(sb, "|");
		print_flags(sb, sock_flags, v & ~0xfUL & ~unknown, NULL);
	}
	if (unknown)
		sb_printf(sb, "|%#lx /* SOCK_??? */", unknown);
}

static void print_sock_proto(struct sbuf *sb, struct call *c, unsigned long v)
{
	unsigned long family = c->arg[0];

	if (family == 2 || family == 10)
		print_xval(sb, ip_protos, v, "%ld");
	else if (family == 17) {
		unsigned long proto = ((v & 0xff) << 8) | ((v >> 8) & 0xff);
		const char *name = xval_name(eth_protos, proto);

		if (name)
			sb_printf(sb, "htons(%s)", name);
		else
			sb_printf(sb, "htons(%#lx)", proto);
	} else
		sb_printf(sb, "%ld", (long)v);
}

static const struct flag_name *sockopt_names(unsigned long level)
{
	switch (level) {
	case 1:
		return so_names;
	case 6:
		return tcp_names;
	case 0:
		return ip_names;
	case 263:
		return packet_names;
	}
	return NULL;
}

/* SOL_SOCKET options whose value is an int */
static int sol_socket_int(unsigned long name)
{
	return name != 13 && name != 17 && name != 20 && name != 21 &&
	       name != 25 && name != 26;
}

/* The value of a socket option as strace shows it: [1] for an int,
 * {l_onoff=1, l_linger=0}; a SOL_SOCKET int option of another size is the
 * address (setsockopt) or its bytes in hex (getsockopt); others bytes. */
static void print_sockopt_val(struct sbuf *sb, struct call *c,
			      unsigned long addr, long len, int get)
{
	unsigned char bytes[64];
	int pid = c->t->pid, k;
	int int_opt = c->arg[1] == 1 && sol_socket_int(c->arg[2]);
	int v[2];
	const char *err;

	if (!addr || len <= 0) {
		print_ptr(sb, addr);
		return;
	}
	if (c->arg[1] == 1 && c->arg[2] == 13 && len >= 8) { /* SO_LINGER */
		if (peek_mem(pid, addr, v, sizeof(v)) < 0)
			print_ptr(sb, addr);
		else
			sb_printf(sb, "{l_onoff=%d, l_linger=%d}", v[0], v[1]);
		return;
	}
	if (len == 4) {
		if (peek_mem(pid, addr, v, 4) < 0) {
			print_ptr(sb, addr);
			return;
		}
		err = c->arg[1] == 1 && c->arg[2] == 4 && v[0] > 0
			      ? strerrorname_np(v[0])
			      : /* SO_ERROR */
			      NULL;
		if (err)
			sb_printf(sb, "[%s]", err);
		else
			sb_printf(sb, "[%d]", v[0]);
		return;
	}
	if (int_opt && !get) {
		print_ptr(sb, addr);
		return;
	}
	if (int_opt && len <= (long)sizeof(bytes)) {
		if (peek_mem(pid, addr, bytes, len) < 0) {
			print_ptr(sb, addr);
			return;
		}
		sb_puts(sb, "\"");
		for (k = 0; k < len && k < opt_strsize; k++)
			sb_printf(sb, "\\x%02x", bytes[k]);
		sb_puts(sb, len > opt_strsize ? "\"..." : "\"");
		return;
	}
	print_buf_at(sb, pid, addr, len);
}

/* msghdr; at exit only `total` bytes of data came in */
static void print_msghdr_at(struct sbuf *sb, struct call *c, unsigned long addr,
			    long total)
{
	struct k_msghdr m;
	int pid = c->t->pid;

	if (!addr || peek_mem(pid, addr, &m, sizeof(m)) < 0) {
		print_ptr(sb, addr);
		return;
	}
	sb_puts(sb, "{msg_name=");
	if (m.name)
		print_sockaddr_at(sb, pid, m.name, m.namelen);
	else
		sb_puts(sb, "NULL");
	sb_printf(sb, ", msg_namelen=%d, msg_iov=", m.namelen);
	print_iovec_at(sb, pid, m.iov, m.iovlen, total);
	sb_printf(sb, ", msg_iovlen=%lu", m.iovlen);
	if (m.controllen)
		sb_printf(sb, ", msg_control=%#lx", m.control);
	sb_printf(sb, ", msg_controllen=%lu, msg_flags=", m.controllen);
	print_flags(sb, msg_flags, m.flags, NULL);
	sb_puts(sb, "}");
}

/* sendmmsg/recvmmsg at exit: the n messages done, each with its msg_len
 * (recvmmsg: only that much of the data is shown) */
static void print_mmsghdrs(struct sbuf *sb, struct call *c, unsigned long addr,
			   long n, int received)
{
	long i;
	unsigned int len;

	if (!addr) {
		sb_puts(sb, "NULL");
		return;
	}
	sb_puts(sb, "[");
	for (i = 0; i < n; i++) {
		unsigned long one = addr + i * (sizeof(struct k_msghdr) + 4);

		if (i >= opt_strsize) {
			sb_puts(sb, ", ...");
			break;
		}
		if (peek_mem(c->t->pid, one + sizeof(struct k_msghdr), &len,
			     sizeof(len)) < 0) {
			sb_printf(sb, "%s... /* %#lx */", i ? ", " : "", one);
			break;
		}
		sb_printf(sb, "%s{msg_hdr=", i ? ", " : "");
		print_msghdr_at(sb, c, one, received ? (long)len : -1);
		sb_printf(sb, ", msg_len=%u}", len);
	}
	sb_puts(sb, "]");
}

/* the length a socklen_t pointer holds now (at exit) or held (entry) */
static int socklen_now(struct call *c, unsigned long addr, int *len)
{
	return addr && peek_mem(c->t->pid, addr, len, sizeof(*len)) == 0;
}

void print_net_arg(struct sbuf *sb, struct call *c, int i)
{
	unsigned long v = c->arg[i];
	int pid = c->t->pid, len;

	switch (c->sc->arg[i]) {
	case A_SOCK_DOMAIN:
		print_xval(sb, families, v, "%#lx /* AF_??? */");
		break;
	case A_SOCK_TYPE:
		print_sock_type(sb, v);
		break;
	case A_SOCK_PROTO:
		print_sock_proto(sb, c, v);
		break;
	case A_SOCKADDR_IN:
		print_sockaddr_at(sb, pid, v, (long)c->arg[i + 1]);
		break;
	case A_SOCKADDR_OUT:
		if (c->ret < 0 || !socklen_now(c, c->arg[i + 1], &len)) {
			print_ptr(sb, v);
			break;
		}
		if ((long)c->t->saved[0] < len)
			len = c->t->saved[0];
		print_sockaddr_at(sb, pid, v, len);
		break;
	case A_SOCKLEN_PTR:
		if (!v) {
			sb_puts(sb, "NULL");
		} else if (!socklen_now(c, v, &len)) {
			print_ptr(sb, v);
		} else if (c->ret < 0 || len == (int)c->t->saved[0]) {
			sb_printf(sb, "[%d]", (int)c->t->saved[0]);
		} else {
			sb_printf(sb, "[%d => %d]", (int)c->t->saved[0], len);
		}
		break;
	case A_SOCKPAIR_OUT: {
		int fds[2];

		if (c->ret < 0 || peek_mem(pid, v, fds, sizeof(fds)) < 0)
			print_ptr(sb, v);
		else
			sb_printf(sb, "[%d, %d]", fds[0], fds[1]);
		break;
	}
	case A_MSG_FLAGS:
		print_flags(sb, msg_flags, v, NULL);
		break;
	case A_SHUT_HOW:
		print_xval(sb, shut_hows, v, "%#lx /* SHUT_??? */");
		break;
	case A_SOCKOPT_LEVEL:
		print_xval(sb, sol_levels, v, "%#lx /* SOL_?? */");
		break;
	case A_SOCKOPT_NAME: {
		unsigned long level = c->arg[i - 1];
		const struct flag_name *names = sockopt_names(level);

		if (names)
			print_xval(sb, names, v,
				   level == 1	? "%#lx /* SO_??? */"
				   : level == 6 ? "%#lx /* TCP_??? */"
				   : level == 0 ? "%#lx /* IP_??? */"
						: "%#lx /* PACKET_??? */");
		else
			sb_printf(sb, "%ld", (long)v);
		break;
	}
	case A_SOCKOPT_VAL_IN:
		print_sockopt_val(sb, c, v, (long)c->arg[i + 1], 0);
		break;
	case A_SOCKOPT_VAL_OUT:
		if (c->ret < 0 || !socklen_now(c, c->arg[i + 1], &len))
			print_ptr(sb, v);
		else
			print_sockopt_val(sb, c, v, len, 1);
		break;
	case A_MSGHDR_IN:
		print_msghdr_at(sb, c, v, -1);
		break;
	case A_MSGHDR_OUT:
		if (c->ret < 0)
			print_ptr(sb, v);
		else
			print_msghdr_at(sb, c, v, c->ret);
		break;
	case A_MMSGHDR_IN:
	case A_MMSGHDR_OUT:
		if (c->ret < 0)
			print_ptr(sb, v);
		else
			print_mmsghdrs(sb, c, v, c->ret,
				       c->sc->arg[i] == A_MMSGHDR_OUT);
		break;
	case A_SOCKCALL_FLAGS:
		print_flags_or(sb, sock_flags, v, NULL, "SOCK_???");
		break;
	case A_SOCKETCALL: {
		const char *name = socketcall_name(v);

		if (name)
			sb_puts(sb, name);
		else
			sb_printf(sb, "%ld", (long)v);
		break;
	}
	default:
		sb_printf(sb, "%#lx", v);
	}
}

/* Values read at a call's entry that its exit compares with: the
 * socklen_t a SOCKLEN_PTR argument holds before the call. */
void save_entry_values(struct call *c)
{
	int i, len;

	c->t->saved[0] = 0;
	for (i = 0; i < c->sc->nargs; i++)
		if (c->sc->arg[i] == A_SOCKLEN_PTR &&
		    socklen_now(c, c->arg[i], &len))
			c->t->saved[0] = len;
}
