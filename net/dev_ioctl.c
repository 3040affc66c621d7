/* The interface ioctls on any AF_INET socket (Linux's net/core/dev_ioctl.c, with the
 * address ones that Linux keeps in net/ipv4/devinet.c): what ifconfig and route use.
 * Each takes a struct ifreq naming the interface ("lo", "eth0"), except SIOCGIFCONF
 * (a struct ifconf) and SIOCGIFNAME (by index). Interfaces are lwIP's netifs; their
 * index is lwIP's netif_get_index (netif->num + 1): lo = 1, eth0 = 2, as
 * netif_get_by_index and AF_PACKET's sll_ifindex count them. */
#include <menuos/netdevice.h>
#include <menuos/sock.h>
#include <menuos/uaccess.h>
#include <linux/if.h>
#include <linux/sockios.h>
#include "lwip/etharp.h"
#include "lwip/netif.h"

#define ARPHRD_ETHER	1 /* Linux's include/uapi/linux/if_arp.h */
#define ARPHRD_LOOPBACK 772
#define LOOPBACK_MTU	65536 /* Linux's lo; lwIP's loopif has no limit (mtu 0) */

static int is_loopback(const struct netif *netif)
{
	return netif->name[0] == 'l' && netif->name[1] == 'o';
}

/* The Linux name: "lo", or the net_device's ("eth0"). */
static const char *netif_linux_name(const struct netif *netif)
{
	if (is_loopback(netif))
		return "lo";
	return netif->state ? ((struct net_device *)netif->state)->name : "?";
}

static struct netif *netif_by_linux_name(const char *name)
{
	struct netif *netif;

	NETIF_FOREACH(netif)
	{
		if (!strncmp(netif_linux_name(netif), name, IFNAMSIZ))
			return netif;
	}
	return NULL;
}

/* IFF_UP from lwIP's "up"; IFF_RUNNING when the link is there too. */
static short netif_linux_flags(const struct netif *netif)
{
	short flags = 0;

	if (netif_is_up(netif))
		flags |= IFF_UP;
	if (netif_is_up(netif) && netif_is_link_up(netif))
		flags |= IFF_RUNNING;
	if (is_loopback(netif))
		flags |= IFF_LOOPBACK;
	if (netif->flags & NETIF_FLAG_BROADCAST)
		flags |= IFF_BROADCAST;
	if (!(netif->flags & NETIF_FLAG_ETHARP) && !is_loopback(netif))
		flags |= IFF_NOARP;
	return flags;
}

static void put_sockaddr_in(struct sockaddr *sa, u32_t addr)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)sa;

	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	sin->sin_addr.s_addr = addr;
}

/* Linux's inet_abc_len: the prefix length of an address's class (A /8, B /16, C /24),
 * used as the netmask when SIOCSIFADDR gives an address alone; -1 for class D/E. */
static int inet_abc_len(u32_t addr)
{
	u32_t a = lwip_ntohl(addr);

	if (a == 0)
		return 0;
	if ((a & 0x80000000u) == 0)
		return 8;
	if ((a & 0xc0000000u) == 0x80000000u)
		return 16;
	if ((a & 0xe0000000u) == 0xc0000000u)
		return 24;
	return -1;
}

static u32_t inet_make_mask(int prefix)
{
	return prefix ? lwip_htonl(~0u << (32 - prefix)) : 0;
}

/* The gateway stays only while it is still on the interface's subnet (Linux drops
 * routes through a gateway that became unreachable). */
static void netif_keep_reachable_gw(struct netif *netif)
{
	u32_t ip = ip4_addr_get_u32(netif_ip4_addr(netif));
	u32_t mask = ip4_addr_get_u32(netif_ip4_netmask(netif));
	u32_t gw = ip4_addr_get_u32(netif_ip4_gw(netif));

	if (gw && (gw & mask) != (ip & mask))
		netif_set_gw(netif, IP4_ADDR_ANY4);
}

/* SIOCGIFCONF: one struct ifreq (name and IPv4 address) per interface that has an
 * address, in index order (Linux's inet_gifconf). */
static int dev_ifconf(struct ifconf *uifc)
{
	struct netif *netif;
	struct ifconf ifc;
	int len = 0, last = 0;

	if (copy_from_user(&ifc, uifc, sizeof(ifc)))
		return -EFAULT;
	NETIF_FOREACH(netif)
	{
		last = max(last, (int)netif_get_index(netif));
	}
	for (int idx = 1; idx <= last; idx++) {
		struct ifreq ifr;

		netif = netif_get_by_index(idx);
		if (!netif || ip4_addr_isany(netif_ip4_addr(netif)))
			continue;
		if (ifc.ifc_buf) {
			if (len + (int)sizeof(ifr) > ifc.ifc_len)
				break;
			memset(&ifr, 0, sizeof(ifr));
			strlcpy(ifr.ifr_name, netif_linux_name(netif),
				IFNAMSIZ);
			put_sockaddr_in(
				&ifr.ifr_addr,
				ip4_addr_get_u32(netif_ip4_addr(netif)));
			if (copy_to_user(ifc.ifc_buf + len, &ifr, sizeof(ifr)))
				return -EFAULT;
		}
		len += sizeof(ifr);
	}
	return put_user(len, &uifc->ifc_len) ? -EFAULT : 0;
}

static int dev_ifsioc(unsigned int cmd, struct ifreq *ifr)
{
	const struct sockaddr_in *sin = (struct sockaddr_in *)&ifr->ifr_addr;
	struct netif *netif;
	ip4_addr_t a;

	if (cmd == SIOCGIFNAME) { /* by index, Linux's dev_ifname */
		netif = ifr->ifr_ifindex > 0 && ifr->ifr_ifindex < 256
				? netif_get_by_index(ifr->ifr_ifindex)
				: NULL;
		if (!netif)
			return -ENODEV;
		strlcpy(ifr->ifr_name, netif_linux_name(netif), IFNAMSIZ);
		return 0;
	}
	ifr->ifr_name[IFNAMSIZ - 1] = '\0';
	netif = netif_by_linux_name(ifr->ifr_name);
	if (!netif)
		return -ENODEV;

	switch (cmd) {
	case SIOCGIFFLAGS:
		ifr->ifr_flags = netif_linux_flags(netif);
		return 0;
	case SIOCSIFFLAGS:
		if ((ifr->ifr_flags & IFF_UP) && !netif_is_up(netif))
			netif_set_up(netif);
		else if (!(ifr->ifr_flags & IFF_UP) && netif_is_up(netif))
			netif_set_down(netif);
		return 0;
	case SIOCGIFINDEX:
		ifr->ifr_ifindex = netif_get_index(netif);
		return 0;
	case SIOCGIFMTU:
		ifr->ifr_mtu = netif->mtu ? netif->mtu : LOOPBACK_MTU;
		return 0;
	case SIOCGIFHWADDR:
		memset(&ifr->ifr_hwaddr, 0, sizeof(ifr->ifr_hwaddr));
		ifr->ifr_hwaddr.sa_family = is_loopback(netif) ? ARPHRD_LOOPBACK
							       : ARPHRD_ETHER;
		memcpy(ifr->ifr_hwaddr.sa_data, netif->hwaddr,
		       netif->hwaddr_len);
		return 0;
	case SIOCGIFADDR:
	case SIOCGIFNETMASK:
	case SIOCGIFBRDADDR: {
		u32_t ip = ip4_addr_get_u32(netif_ip4_addr(netif));
		u32_t mask = ip4_addr_get_u32(netif_ip4_netmask(netif));
		if (!ip)
			return -EADDRNOTAVAIL; /* Linux: no address on it */
		if (cmd == SIOCGIFADDR)
			put_sockaddr_in(&ifr->ifr_addr, ip);
		else if (cmd == SIOCGIFNETMASK)
			put_sockaddr_in(&ifr->ifr_netmask, mask);
		else
			put_sockaddr_in(&ifr->ifr_broadaddr,
					(netif->flags & NETIF_FLAG_BROADCAST)
						? ip | ~mask
						: 0);
		return 0;
	}
	case SIOCSIFADDR: {
		int prefix;
		if (sin->sin_family != AF_INET)
			return -EINVAL;
		prefix = inet_abc_len(sin->sin_addr.s_addr);
		if (prefix < 0)
			return -EINVAL;
		if (ip4_addr_get_u32(netif_ip4_addr(netif)) ==
		    sin->sin_addr.s_addr)
			return 0; /* the same address: nothing changes (Linux) */
		/* a new address brings its class's netmask; ifconfig then sets the one
		 * the user gave with SIOCSIFNETMASK, as on Linux */
		ip4_addr_set_u32(&a, sin->sin_addr.s_addr);
		netif_set_ipaddr(netif, &a);
		ip4_addr_set_u32(&a, inet_make_mask(prefix));
		netif_set_netmask(netif, &a);
		netif_keep_reachable_gw(netif);
		return 0;
	}
	case SIOCSIFNETMASK: {
		u32_t mask = lwip_ntohl(sin->sin_addr.s_addr);
		if (sin->sin_family != AF_INET)
			return -EINVAL;
		if (mask & (~mask >> 1)) /* not a contiguous prefix */
			return -EINVAL;
		if (ip4_addr_isany(netif_ip4_addr(netif)))
			return -EADDRNOTAVAIL;
		ip4_addr_set_u32(&a, sin->sin_addr.s_addr);
		netif_set_netmask(netif, &a);
		netif_keep_reachable_gw(netif);
		return 0;
	}
	}
	return -ENOTTY;
}

int dev_ioctl(unsigned int cmd, unsigned long arg)
{
	struct ifreq ifr;
	int err;

	switch (cmd) {
	case SIOCGIFCONF:
		return dev_ifconf((struct ifconf *)arg);
	case SIOCGIFNAME:
	case SIOCGIFFLAGS:
	case SIOCSIFFLAGS:
	case SIOCGIFINDEX:
	case SIOCGIFMTU:
	case SIOCGIFHWADDR:
	case SIOCGIFADDR:
	case SIOCGIFNETMASK:
	case SIOCGIFBRDADDR:
	case SIOCSIFADDR:
	case SIOCSIFNETMASK:
		break;
	default:
		return -ENOTTY;
	}
	if (copy_from_user(&ifr, (void *)arg, sizeof(ifr)))
		return -EFAULT;
	err = dev_ifsioc(cmd, &ifr);
	if (err)
		return err;
	/* the Get calls answer in the same struct */
	if (copy_to_user((void *)arg, &ifr, sizeof(ifr)))
		return -EFAULT;
	return 0;
}
