/* if_nametoindex, if_indextoname, if_nameindex: as glibc does them, with the socket ioctls
 * SIOCGIFINDEX and SIOCGIFNAME on a throw-away datagram socket. */
#include <errno.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

static int ioctl_socket(void)
{
	return socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
}

unsigned int if_nametoindex(const char *ifname)
{
	struct ifreq ifr;
	int fd, rc;

	if (strlen(ifname) >= IFNAMSIZ) {
		errno = ENODEV;
		return 0;
	}
	fd = ioctl_socket();
	if (fd < 0)
		return 0;
	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, ifname, IFNAMSIZ - 1);
	rc = ioctl(fd, SIOCGIFINDEX, &ifr);
	close(fd);
	return rc < 0 ? 0 : (unsigned int)ifr.ifr_ifindex;
}

char *if_indextoname(unsigned int ifindex, char *ifname)
{
	struct ifreq ifr;
	int fd, rc;

	fd = ioctl_socket();
	if (fd < 0)
		return NULL;
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_ifindex = ifindex;
	rc = ioctl(fd, SIOCGIFNAME, &ifr);
	close(fd);
	if (rc < 0) {
		if (errno == ENODEV)
			errno = ENXIO; /* POSIX's answer for "no such index" */
		return NULL;
	}
	return strncpy(ifname, ifr.ifr_name, IFNAMSIZ);
}

/* Every interface, by asking SIOCGIFNAME for 1, 2, ... until one is missing. */
struct if_nameindex *if_nameindex(void)
{
	struct if_nameindex *list = NULL;
	char name[IFNAMSIZ];
	unsigned int n = 0;

	for (unsigned int i = 1; if_indextoname(i, name); i++) {
		struct if_nameindex *bigger =
			realloc(list, (n + 2) * sizeof(*list));
		if (!bigger)
			goto fail;
		list = bigger;
		list[n].if_index = i;
		list[n].if_name = strdup(name);
		if (!list[n].if_name)
			goto fail;
		n++;
		list[n].if_index = 0;
		list[n].if_name = NULL;
	}
	if (!list) {
		list = calloc(1, sizeof(*list));
		if (!list)
			return NULL;
	}
	errno = 0;
	return list;
fail:
	if (list) {
		list[n].if_name = NULL;
		if_freenameindex(list);
	}
	errno = ENOBUFS;
	return NULL;
}

void if_freenameindex(struct if_nameindex *ptr)
{
	for (struct if_nameindex *p = ptr; p && p->if_name; p++)
		free(p->if_name);
	free(ptr);
}
