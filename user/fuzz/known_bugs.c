/*
 * Kernel bugs this fuzzer has found and that are not fixed yet: by default
 * their calls are changed so that the run can go on (fuzz -K makes them as
 * they came), and the start of a run names each. Remove a bug's lines when
 * it is fixed.
 */
#include "fuzz.h"

#include <string.h>

#include <asm/unistd.h>
#include <linux/in.h>
#include <linux/net.h>
#include <linux/socket.h>

static const struct known_bug {
	const char *name, *what;
} known_bugs[] = {
	{ "unix-rights-cycle",
	  "an AF_UNIX socket sent (SCM_RIGHTS) into its own queue and closed "
	  "is never freed (no garbage collector for files in flight): a leak" },
};

void print_known_bugs(void)
{
	for (unsigned i = 0; i < ARRAY_SIZE(known_bugs); i++)
		vsay("fuzz: avoiding known kernel bug %s: %s\n",
		     known_bugs[i].name, known_bugs[i].what);
}

/* getsockopt(fd, SOL_SOCKET, opt) made by us, or -1. */
static long sockopt(unsigned long fd, int opt)
{
	unsigned long args[5];
	int v = 0, len = sizeof(v);
	long ret;

	args[0] = fd, args[1] = SOL_SOCKET, args[2] = (unsigned long)opt;
	args[3] = (unsigned long)&v, args[4] = (unsigned long)&len;
	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(__NR_socketcall), "b"(SYS_GETSOCKOPT), "c"(args)
			 : "memory");
	return ret == 0 ? v : -1;
}

/* SCM_RIGHTS in a msghdr of ours: AF_UNIX sockets become -1 (bug
 * unix-rights-cycle). 1 if one was changed. */
static int no_unix_in_flight(unsigned long msghdr)
{
	uint32_t *m = (uint32_t *)msghdr, *cm, n;
	int changed = 0;

	if (!in_scratch(msghdr, 28) || !in_scratch(m[4], 12))
		return 0;
	cm = (uint32_t *)(unsigned long)m[4];
	n = cm[0] >= 12 ? (cm[0] - 12) / 4 : 0;
	for (uint32_t i = 0; i < n && in_scratch(m[4], 12 + 4 * (i + 1)); i++) {
		if (sockopt(cm[3 + i], 39 /* SO_DOMAIN */) == 1 /* AF_UNIX */) {
			cm[3 + i] = (uint32_t)-1;
			changed = 1;
		}
	}
	return changed;
}

/* 1 if the call was changed to keep clear of a known bug. */
int avoid_known_bugs(struct fuzz_call *c)
{
	if (c->nr == __NR_sendmsg)
		return no_unix_in_flight(c->a[1]);
	if (c->nr == __NR_socketcall && c->a[0] == SYS_SENDMSG && c->block &&
	    c->block_len >= 8)
		return no_unix_in_flight(c->block[1]);
	if (c->nr == __NR_sendmmsg ||
	    (c->nr == __NR_socketcall && c->a[0] == SYS_SENDMMSG)) {
		unsigned long v = c->nr == __NR_sendmmsg
					  ? c->a[1]
					  : (c->block && c->block_len >= 8
						     ? c->block[1]
						     : 0);
		int changed = 0;
		for (int i = 0; i < 4; i++)
			changed |= no_unix_in_flight(v + 32 * i);
		return changed;
	}
	return 0;
}
