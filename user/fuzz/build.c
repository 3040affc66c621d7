/*
 * Structures the kernel reads for a call, built in the scratch area with
 * lies in them: a length behind a pointer, struct timespec, iovecs,
 * msghdr and mmsghdr with addresses, ancillary data (SCM_RIGHTS with any
 * descriptors) and flags.
 */
#include "fuzz.h"

#include <string.h>

#include <asm/unistd.h>
#include <linux/in.h>
#include <linux/net.h>
#include <linux/socket.h>

/* A pointer to an int holding v (for lengths the kernel reads and
 * updates), or a bad pointer. */
unsigned long int_ptr(uint32_t v)
{
	uint32_t *p;

	if (chance(10))
		return bad_ptr();
	if (chance(5))
		return 0;
	p = scratch(4);
	*p = v;
	return (unsigned long)p;
}

uint32_t msg_flags(void)
{
	static const uint32_t bits[] = { 0x1,	 0x2,	  0x20,
					 0x80,	 0x100,	  0x4000,
					 0x8000, 0x10000, 0x40000000 };
	uint32_t f = chance(75) ? 0x40 /* MSG_DONTWAIT */ : 0;

	if (chance(40))
		f |= PICK(bits);
	if (chance(5))
		f = rnd();
	return f;
}

/* A struct timespec / timeval: zero, a millisecond, odd, or a bad pointer.
 * Long or endless timeouts only now and then (the watchdog ends them). */
unsigned long time_ptr(int may_block)
{
	int32_t *t;

	if (chance(10))
		return bad_ptr();
	if (may_block && chance(3))
		return 0; /* no timeout at all */
	t = scratch(8);
	switch (below(6)) {
	case 0:
		t[0] = 0, t[1] = 1000000;
		break;
	case 1:
		t[0] = -1, t[1] = 0;
		break;
	case 2:
		t[0] = 0, t[1] = -1;
		break;
	case 3:
		t[0] = 0, t[1] = 1000000000; /* one too many */
		break;
	case 4:
		if (may_block && chance(10)) {
			t[0] = (int32_t)any_value(), t[1] = 0;
			break;
		}
		/* fall through */
	default:
		t[0] = 0, t[1] = below(1000);
	}
	return (unsigned long)t;
}

/* iovecs: count entries (the kernel may be told more than exist). */
unsigned long iov_ptr(uint32_t count, int write)
{
	uint32_t *v, n = count < 8 ? count : 8;

	if (chance(8))
		return bad_ptr();
	v = scratch(8 * (n ? n : 1));
	for (uint32_t i = 0; i < n; i++) {
		uint32_t len = chance(85) ? small_len() : any_len();
		v[2 * i] = write ? out_ptr(len) : in_ptr(len);
		v[2 * i + 1] = len;
	}
	return (unsigned long)v;
}

uint32_t iov_count(void)
{
	static const uint32_t counts[] = { 0,	 1,	     1,		2,
					   3,	 8,	     9,		1024,
					   1025, 0x7fffffff, 0xffffffff };
	return PICK(counts);
}

/* Ancillary data for sendmsg: SCM_RIGHTS with fds (sometimes bad ones),
 * a wrong level or type, lengths that lie. */
static void control_for_send(uint32_t *ptr, uint32_t *len)
{
	uint32_t *c = scratch(64), nfds = below(5);

	c[0] = 12 + 4 * nfds;
	c[1] = chance(85) ? SOL_SOCKET : any_value();
	c[2] = chance(80) ? SCM_RIGHTS : below(5);
	for (uint32_t i = 0; i < nfds; i++)
		c[3 + i] = (uint32_t)any_fd();
	if (chance(15))
		c[0] = any_len();
	*ptr = (uint32_t)(unsigned long)c;
	*len = chance(80) ? c[0] : any_len();
	if (chance(10))
		*ptr = (uint32_t)bad_ptr();
}

static void fill_msghdr(uint32_t *m, int send)
{
	unsigned long p, l;
	uint32_t iovlen = iov_count();

	if (send) {
		any_sockaddr(&p, &l);
		if (chance(40))
			p = 0, l = 0;
		m[0] = p;
		m[1] = l;
	} else {
		m[0] = chance(30) ? 0 : out_ptr(128);
		m[1] = chance(80) ? 128 : any_len();
	}
	m[2] = iov_ptr(iovlen, !send);
	m[3] = iovlen;
	if (send && chance(30)) {
		control_for_send(&m[4], &m[5]);
	} else if (!send && chance(40)) {
		m[5] = chance(80) ? 64 : any_len();
		m[4] = out_ptr(64);
	} else {
		m[4] = 0, m[5] = 0;
	}
	m[6] = rnd();
}

unsigned long msghdr_ptr(int send)
{
	uint32_t *m;

	if (chance(8))
		return bad_ptr();
	m = scratch(28);
	fill_msghdr(m, send);
	return (unsigned long)m;
}

unsigned long mmsghdr_ptr(uint32_t vlen, int send)
{
	uint32_t n = vlen < 4 ? vlen : 4, *m;

	if (chance(8))
		return bad_ptr();
	m = scratch(32 * (n ? n : 1));
	for (uint32_t i = 0; i < n; i++) {
		fill_msghdr(m + 8 * i, send);
		m[8 * i + 7] = rnd();
	}
	return (unsigned long)m;
}
