/* Network interfaces: struct ifreq, struct ifconf and the IFF_* flags (from <linux/if.h>,
 * Linux's values and layouts), and the index <-> name functions (libc/if_index.c). */
#ifndef _NET_IF_H
#define _NET_IF_H

#include <linux/if.h>

struct if_nameindex {
	unsigned int if_index; /* 1, 2, ... */
	char *if_name; /* "lo", "eth0" */
};

unsigned int if_nametoindex(const char *ifname); /* 0 (errno ENODEV) if none */
char *if_indextoname(unsigned int ifindex,
		     char *ifname); /* NULL (ENXIO) if none */
struct if_nameindex *if_nameindex(void); /* ends with {0, NULL} */
void if_freenameindex(struct if_nameindex *ptr);

#endif
