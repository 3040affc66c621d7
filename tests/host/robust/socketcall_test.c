/*
 * net/socket.c's sys_socketcall on the host: each sub-call must take
 * exactly as many bytes from user memory as Linux's nargs[] says (the
 * argument block is allocated that size, so a byte more is a sanitizer
 * report), and a sub-call out of range (0, 21, negative, huge) must take
 * nothing and say EINVAL.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

#define EINVAL_ 22

/* Linux's include/uapi/linux/net.h numbering and net/socket.c's nargs[]. */
static const struct {
	const char *name;
	int args;
} linux_calls[21] = {
	{ "(none)", 0 },      { "SOCKET", 3 },	    { "BIND", 3 },
	{ "CONNECT", 3 },     { "LISTEN", 2 },	    { "ACCEPT", 3 },
	{ "GETSOCKNAME", 3 }, { "GETPEERNAME", 3 }, { "SOCKETPAIR", 4 },
	{ "SEND", 4 },	      { "RECV", 4 },	    { "SENDTO", 6 },
	{ "RECVFROM", 6 },    { "SHUTDOWN", 2 },    { "SETSOCKOPT", 5 },
	{ "GETSOCKOPT", 5 },  { "SENDMSG", 3 },	    { "RECVMSG", 3 },
	{ "ACCEPT4", 4 },     { "RECVMMSG", 5 },    { "SENDMMSG", 4 },
};

int main(void)
{
	const char *name = "socketcall_nargs";
	int bad = 0;

	setvbuf(stdout, NULL, _IOLBF, 0);
	for (int call = 1; call <= 20; call++) {
		unsigned long n =
			linux_calls[call].args * sizeof(unsigned long);
		unsigned long *args = malloc(n);
		long ret;

		memset(args, 0, n);
		args[0] = 12345; /* no such descriptor (or family) */
		ret = host_socketcall(call, (unsigned long)args);
		if (host_ncopies < 1 ||
		    host_copies[0].from != (unsigned long)args ||
		    host_copies[0].n != n) {
			printf("%s FAILED: SYS_%s (%d): expected %lu bytes of "
			       "arguments read first, got %lu (%d copies)\n",
			       name, linux_calls[call].name, call, n,
			       host_ncopies ? host_copies[0].n : 0,
			       host_ncopies);
			bad = 1;
		} else if (ret >= 0) {
			printf("%s FAILED: SYS_%s with descriptor 12345: "
			       "expected an error, got %ld\n",
			       name, linux_calls[call].name, ret);
			bad = 1;
		}
		free(args);
	}
	if (!bad)
		printf("%s ok\n", name);

	name = "socketcall_out_of_range";
	bad = 0;
	{
		static const int calls[] = { 0,		21,   22,
					     -1,	1000, -2147483647 - 1,
					     2147483647 };
		unsigned long *args = malloc(6 * sizeof(unsigned long));

		memset(args, 0, 6 * sizeof(unsigned long));
		for (unsigned i = 0; i < sizeof(calls) / sizeof(calls[0]);
		     i++) {
			long ret =
				host_socketcall(calls[i], (unsigned long)args);
			if (ret != -EINVAL_ || host_ncopies) {
				printf("%s FAILED: socketcall(%d): expected "
				       "-EINVAL and nothing read, got %ld (%d "
				       "copies)\n",
				       name, calls[i], ret, host_ncopies);
				bad = 1;
			}
		}
		free(args);
	}
	if (!bad)
		printf("%s ok\n", name);
	return 0;
}
