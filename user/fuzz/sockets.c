/*
 * The socket calls' arguments: socketcall(102) with a sub-call 0..21 and
 * its argument block (built for the call, junk, cut short at the end of a
 * mapped page, or not there at all), and the same arguments for the direct
 * socket syscalls (359-373, recvmmsg 337, sendmmsg 345). Families, types
 * and protocols mostly real, addresses only ever 127/8, 0.0.0.0 or this
 * machine (gen.c's any_sockaddr).
 */
#include "fuzz.h"

#include <string.h>

#include <asm/unistd.h>
#include <linux/in.h>
#include <linux/net.h>
#include <linux/socket.h>

static uint32_t sock_domain(void)
{
	static const uint32_t domains[] = { AF_INET,   AF_INET, AF_INET,
					    AF_UNIX,   AF_UNIX, AF_INET6,
					    AF_PACKET, 0,	16,
					    45,	       46,	255 };
	return chance(90) ? PICK(domains) : any_value();
}

static uint32_t sock_type(void)
{
	static const uint32_t types[] = {
		SOCK_STREAM,	SOCK_STREAM, SOCK_DGRAM, SOCK_DGRAM, SOCK_RAW,
		SOCK_SEQPACKET, 0,	     4,		 10,	     15
	};
	uint32_t t = PICK(types);

	if (chance(50))
		t |= SOCK_NONBLOCK;
	if (chance(20))
		t |= SOCK_CLOEXEC;
	return chance(90) ? t : any_value();
}

static uint32_t sock_protocol(void)
{
	static const uint32_t protos[] = { 0,		0,
					   0,		IPPROTO_ICMP,
					   IPPROTO_TCP, IPPROTO_UDP,
					   IPPROTO_RAW, 0x300 };
	return chance(90) ? PICK(protos) : any_value();
}

/* setsockopt's value: an int, a struct timeval, a linger, a name. */
static void sockopt_value(unsigned long *ptr, unsigned long *len)
{
	uint32_t *v = scratch(32);

	v[0] = chance(50) ? below(3) : any_value();
	v[1] = chance(50) ? below(1000) : any_value();
	if (chance(20))
		memcpy(v, chance(50) ? "lo\0\0" : "eth0", 4), v[1] = 0;
	fill_random(v + 2, 24);
	*ptr = chance(90) ? (unsigned long)v : bad_ptr();
	switch (below(6)) {
	case 0:
		*len = 8;
		break;
	case 1:
		*len = any_len();
		break;
	case 2:
		*len = below(4);
		break;
	default:
		*len = 4;
	}
}

static uint32_t sockopt_level(void)
{
	static const uint32_t levels[] = { SOL_SOCKET,	SOL_SOCKET,  IPPROTO_IP,
					   IPPROTO_TCP, IPPROTO_UDP, 255 };
	return chance(90) ? PICK(levels) : any_value();
}

static uint32_t sockopt_name(void)
{
	return chance(85) ? below(70) : any_value();
}

/* The arguments of socket call `call` (SYS_SOCKET ... SYS_SENDMMSG). */
void socket_args(int call, unsigned long *a)
{
	unsigned long p, l;

	a[0] = (unsigned long)any_fd();
	switch (call) {
	case SYS_SOCKET:
	case SYS_SOCKETPAIR:
		a[0] = sock_domain();
		a[1] = sock_type();
		a[2] = sock_protocol();
		a[3] = chance(90) ? out_ptr(8) : bad_ptr();
		break;
	case SYS_BIND:
	case SYS_CONNECT:
		any_sockaddr(&p, &l);
		a[1] = p, a[2] = l;
		break;
	case SYS_LISTEN:
		a[1] = chance(50) ? below(20) : any_value();
		break;
	case SYS_ACCEPT:
	case SYS_GETSOCKNAME:
	case SYS_GETPEERNAME:
	case SYS_ACCEPT4:
		a[1] = chance(25) ? 0 : out_ptr(128);
		a[2] = int_ptr(chance(60) ? 16 : any_len());
		a[3] = chance(50) ? (chance(50) ? SOCK_NONBLOCK : 0)
				  : any_value();
		break;
	case SYS_SEND:
	case SYS_SENDTO:
		l = chance(85) ? small_len() : any_len();
		a[1] = in_ptr(l), a[2] = l;
		a[3] = msg_flags();
		any_sockaddr(&p, &l);
		if (chance(40))
			p = 0;
		a[4] = p, a[5] = l;
		break;
	case SYS_RECV:
	case SYS_RECVFROM:
		l = chance(85) ? small_len() : any_len();
		a[1] = out_ptr(l), a[2] = l;
		a[3] = msg_flags();
		a[4] = chance(40) ? 0 : out_ptr(128);
		a[5] = int_ptr(chance(60) ? 16 : any_len());
		break;
	case SYS_SHUTDOWN:
		a[1] = chance(80) ? below(3) : any_value();
		break;
	case SYS_SETSOCKOPT:
		a[1] = sockopt_level();
		a[2] = sockopt_name();
		sockopt_value(&p, &l);
		a[3] = p, a[4] = l;
		break;
	case SYS_GETSOCKOPT:
		a[1] = sockopt_level();
		a[2] = sockopt_name();
		a[3] = out_ptr(64);
		a[4] = int_ptr(chance(50) ? 4 : any_len());
		break;
	case SYS_SENDMSG:
	case SYS_RECVMSG:
		a[1] = msghdr_ptr(call == SYS_SENDMSG);
		a[2] = msg_flags();
		break;
	case SYS_RECVMMSG:
	case SYS_SENDMMSG:
		a[2] = chance(80) ? below(5) : any_value();
		a[1] = mmsghdr_ptr(a[2], call == SYS_SENDMMSG);
		a[3] = msg_flags();
		a[4] = time_ptr(0);
		break;
	default: /* 0, 21 and beyond: junk */
		for (int i = 1; i < 6; i++)
			a[i] = any_ptr();
	}
}

/* socketcall(call, args): the block is built for the call, or junk, or
 * too short (it ends where the mapped memory ends), or not there. */
void gen_socketcall(struct fuzz_call *c)
{
	/* how many longs each sub-call takes (Linux's nargs[]) */
	static const unsigned char nargs[21] = { 0, 3, 3, 3, 2, 3, 3,
						 3, 4, 4, 4, 6, 6, 2,
						 5, 5, 3, 3, 4, 5, 4 };
	unsigned long *block = scratch(6 * sizeof(long)), a[6] = { 0 };
	int call;

	if (chance(94))
		call = 1 + below(20);
	else
		call = chance(60) ? (chance(50) ? 0 : 21) : (int)any_value();
	c->a[0] = (unsigned long)call;
	if (call >= 1 && call <= 20 && chance(90))
		socket_args(call, a);
	else
		for (int i = 0; i < 6; i++)
			a[i] = any_ptr();
	memcpy(block, a, sizeof(a));
	c->a[1] = (unsigned long)block;
	c->block = block;
	c->block_len = sizeof(a);
	switch (below(20)) {
	case 0: /* the block ends with the mapped page: whole, or cut short */
		if (call >= 1 && call <= 20 && edge_ptr(24)) {
			uint32_t n =
				4 * nargs[call] - (chance(50) ? below(4) : 0);
			memcpy((void *)edge_ptr(n), a, n);
			c->a[1] = edge_ptr(n);
			c->block = (unsigned long *)edge_ptr(n);
			c->block_len = n;
		}
		break;
	case 1:
		c->a[1] = bad_ptr();
		c->block = NULL;
		break;
	case 2:
		c->a[1] = any_ptr();
		c->block = NULL;
		break;
	}
}

/* The direct socket syscalls, numbered like Linux's since 4.3. */
const short direct_socket[] = {
	__NR_socket,	  __NR_socketpair,  __NR_bind,	     __NR_connect,
	__NR_listen,	  __NR_accept4,	    __NR_getsockopt, __NR_setsockopt,
	__NR_getsockname, __NR_getpeername, __NR_sendto,     __NR_sendmsg,
	__NR_recvfrom,	  __NR_recvmsg,	    __NR_shutdown,   __NR_recvmmsg,
	__NR_sendmmsg,
};

/* The socketcall sub-call with the same arguments as a direct syscall. */
int direct_to_call(long nr)
{
	switch (nr) {
	case __NR_socket:
		return SYS_SOCKET;
	case __NR_socketpair:
		return SYS_SOCKETPAIR;
	case __NR_bind:
		return SYS_BIND;
	case __NR_connect:
		return SYS_CONNECT;
	case __NR_listen:
		return SYS_LISTEN;
	case __NR_accept4:
		return SYS_ACCEPT4;
	case __NR_getsockopt:
		return SYS_GETSOCKOPT;
	case __NR_setsockopt:
		return SYS_SETSOCKOPT;
	case __NR_getsockname:
		return SYS_GETSOCKNAME;
	case __NR_getpeername:
		return SYS_GETPEERNAME;
	case __NR_sendto:
		return SYS_SENDTO;
	case __NR_sendmsg:
		return SYS_SENDMSG;
	case __NR_recvfrom:
		return SYS_RECVFROM;
	case __NR_recvmsg:
		return SYS_RECVMSG;
	case __NR_shutdown:
		return SYS_SHUTDOWN;
	case __NR_recvmmsg:
		return SYS_RECVMMSG;
	case __NR_sendmmsg:
		return SYS_SENDMMSG;
	}
	return 0;
}

int direct_socket_count(void)
{
	return ARRAY_SIZE(direct_socket);
}
