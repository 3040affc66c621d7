/* glibc's side of the ABI check (i386): the values Linux keeps in
 * kernel-internal headers (AF_*, SOCK_*, MSG_*, DT_*, ...) reach user space
 * through glibc, so we compare those with glibc's headers. */
#define _GNU_SOURCE
#include <stddef.h>
#include <dirent.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/ip_icmp.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include "abi.h"

int abi_glibc_consts(struct abi_const *t)
{
	int n = 0;
#define C(name, hdr) \
	t[n++] = (struct abi_const){ #name, hdr, (long long)(long)(name), 1 };
#define U(name, hdr) t[n++] = (struct abi_const){ #name, hdr, 0, 0 };
#include "abi_names.h"
	return n;
}

int abi_glibc_layouts(struct abi_layout *t)
{
	int n = 0;
#define SIZE_G(o, l) t[n++] = (struct abi_layout){ #o, 0, sizeof(l) };
#define FIELD_G(o, l, f)                                         \
	t[n++] = (struct abi_layout){ #o "." #f, offsetof(l, f), \
				      sizeof(((l *)0)->f) };
#define OFFSET_G(o, l, f) \
	t[n++] = (struct abi_layout){ #o "." #f, offsetof(l, f), 0 };
#define SIZE_K(o, l)
#define FIELD_K(o, l, f)
#define OFFSET_K(o, l, f)
#define SIZE(side, o, l)      SIZE_##side(o, l)
#define FIELD(side, o, l, f)  FIELD_##side(o, l, f)
#define OFFSET(side, o, l, f) OFFSET_##side(o, l, f)
#include "abi_structs.def"
	return n;
}
