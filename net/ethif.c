/* Ethernet devices as lwIP netifs: register_netdev makes a NIC driver's struct net_device
 * the netif ethN (ARP, IPv4, ICMP through lwIP's etharp and ethernet_input), with its
 * address from the kernel command line:
 *   ip=dhcp                          lwIP's DHCP client
 *   ip=10.0.3.1/24                   a static address, no gateway
 *   ip=10.0.3.1::10.0.3.254:255.255.255.0   Linux's client:server:gateway:netmask form
 *   ip=off                           no address (set one later with ifconfig)
 *   (nothing)                        10.0.2.15/24 via 10.0.2.2, QEMU's user network
 * The bottom half polls every device (ndo_poll), which hands frames to
 * netif_receive_frame; lwIP sends through ethif_linkoutput, which gives the driver the
 * pieces of the pbuf chain to copy. Also /proc/net/dev and /proc/net/route, in Linux's
 * formats, for ifconfig and route. */
#include <menuos/net.h>
#include <menuos/netdevice.h>
#include <menuos/proc.h>
#include "lwip/dhcp.h"
#include "lwip/etharp.h"
#include "lwip/netif.h"
#include "lwip/pbuf.h"
#include "lwip/snmp.h"
#include "lwip/stats.h"
#include "netif/ethernet.h"

#define MAX_NETDEVS    2
#define RX_POLL_BUDGET 64 /* frames per device per bottom half */
#define MAX_FRAGS      16

extern char saved_command_line[];

static struct net_device *netdevs[MAX_NETDEVS];
static struct netif netifs[MAX_NETDEVS];
static int nr_netdevs;

struct net_device *dev_get_by_number(int i)
{
	return i >= 0 && i < nr_netdevs ? netdevs[i] : NULL;
}

/* ---- the two directions ---- */

static err_t ethif_linkoutput(struct netif *netif, struct pbuf *p)
{
	struct net_device *dev = netif->state;
	struct netdev_frag frags[MAX_FRAGS];
	struct pbuf *q;
	int n = 0;

	for (q = p; q && n < MAX_FRAGS; q = q->next)
		frags[n++] = (struct netdev_frag){ q->payload, q->len };
	if (q) { /* a longer chain than frags holds: send a flat copy */
		struct pbuf *flat = pbuf_clone(PBUF_RAW, PBUF_RAM, p);
		if (!flat) {
			dev->stats.tx_dropped++;
			return ERR_MEM;
		}
		struct netdev_frag one = { flat->payload, flat->len };
		int err = dev->netdev_ops->ndo_start_xmit(dev, &one, 1,
							  flat->len);
		pbuf_free(flat);
		return err ? ERR_IF : ERR_OK;
	}
	/* the driver copies: p stays lwIP's (TCP may send it again) */
	return dev->netdev_ops->ndo_start_xmit(dev, frags, n, p->tot_len)
		       ? ERR_IF
		       : ERR_OK;
}

static int ethertype_known(const unsigned char *frame)
{
	unsigned int type = frame[12] << 8 | frame[13];

	return type == ETHTYPE_IP || type == ETHTYPE_ARP ||
	       type == ETHTYPE_VLAN;
}

void netif_receive_frame(struct net_device *dev, const void *frame,
			 unsigned int len)
{
	struct netif *netif = dev->ip_ptr;
	struct pbuf *p;

	if (len < ETH_HLEN || len > ETH_FRAME_LEN + VLAN_HLEN) {
		dev->stats.rx_errors++;
		dev->stats.rx_length_errors++;
		return;
	}
	dev->stats.rx_packets++;
	dev->stats.rx_bytes += len;
	/* Linux drops what no protocol handler takes and counts it in rx_dropped; lwIP
	 * would drop it too, silently */
	if (!ethertype_known(frame) || !netif_is_up(netif)) {
		dev->stats.rx_dropped++;
		return;
	}
	p = pbuf_alloc(PBUF_RAW, len, PBUF_POOL);
	if (!p) {
		dev->stats.rx_dropped++;
		return;
	}
	pbuf_take(p, frame, len);
	if (netif->input(p, netif) != ERR_OK) {
		pbuf_free(p);
		dev->stats.rx_dropped++;
	}
}

void netif_carrier_on(struct net_device *dev)
{
	dev->carrier = 1;
	netif_set_link_up(dev->ip_ptr);
}

void netif_carrier_off(struct net_device *dev)
{
	dev->carrier = 0;
	netif_set_link_down(dev->ip_ptr);
}

/* The bottom half's "drain the NICs" step (net_add_rx_poll). */
static void ethif_poll(void)
{
	for (int i = 0; i < nr_netdevs; i++)
		netdevs[i]->netdev_ops->ndo_poll(netdevs[i], RX_POLL_BUDGET);
}

/* ---- address configuration ---- */

static unsigned int prefix_len(const ip4_addr_t *mask)
{
	unsigned int n = 0;

	for (u32_t m = lwip_ntohl(ip4_addr_get_u32(mask)); m & 0x80000000u;
	     m <<= 1)
		n++;
	return n;
}

static void print_address(struct netif *netif, const char *how)
{
	struct net_device *dev = netif->state;
	char gw[IP4ADDR_STRLEN_MAX] = "none";

	if (!ip4_addr_isany(netif_ip4_gw(netif)))
		ip4addr_ntoa_r(netif_ip4_gw(netif), gw, sizeof(gw));
	printk("%s: %s/%u gateway %s (%s)\n", dev->name,
	       ip4addr_ntoa(netif_ip4_addr(netif)),
	       prefix_len(netif_ip4_netmask(netif)), gw, how);
}

/* lwIP calls this when the address changes: the moment DHCP has one. */
static void ethif_status_callback(struct netif *netif)
{
	static u32_t announced;

	if (dhcp_supplied_address(netif) &&
	    ip4_addr_get_u32(netif_ip4_addr(netif)) != announced) {
		announced = ip4_addr_get_u32(netif_ip4_addr(netif));
		print_address(netif, "DHCP");
	}
}

/* One field of ip=, up to ':' or the end of the option, as an address (0: empty). */
static const char *parse_field(const char *s, ip4_addr_t *addr, int *prefix)
{
	char buf[20];
	size_t n = 0;

	ip4_addr_set_zero(addr);
	while (*s && *s != ':' && *s != ' ' && *s != '/' && n < sizeof(buf) - 1)
		buf[n++] = *s++;
	buf[n] = '\0';
	if (n && !ip4addr_aton(buf, addr))
		ip4_addr_set_zero(addr);
	if (*s == '/') {
		*prefix = atoi(++s);
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == ':' ? s + 1 : s;
}

/* Reads ip= from the command line; returns 1 for DHCP, -1 for no address, else 0 with
 * the address filled in. */
static int parse_ip_option(ip4_addr_t *ip, ip4_addr_t *mask, ip4_addr_t *gw)
{
	const char *s = strstr(saved_command_line, "ip=");
	ip4_addr_t server;
	int prefix = -1, unused;

	IP4_ADDR(ip, 10, 0, 2, 15);
	IP4_ADDR(mask, 255, 255, 255, 0);
	IP4_ADDR(gw, 10, 0, 2, 2);
	if (!s || (s != saved_command_line && s[-1] != ' '))
		return 0;
	s += 3;
	if (!strncmp(s, "dhcp", 4))
		return 1;
	if (!strncmp(s, "off", 3) || !strncmp(s, "none", 4))
		return -1;
	s = parse_field(s, ip, &prefix);
	s = parse_field(s, &server, &unused);
	s = parse_field(s, gw, &unused);
	parse_field(s, mask, &unused);
	if (prefix >= 0 && prefix <= 32)
		ip4_addr_set_u32(mask,
				 prefix ? lwip_htonl(~0u << (32 - prefix)) : 0);
	else if (ip4_addr_isany(mask)) { /* Linux: the address class's mask */
		unsigned int a = ip4_addr1(ip);
		ip4_addr_set_u32(mask, lwip_htonl(a < 128   ? 0xff000000u
						  : a < 192 ? 0xffff0000u
							    : 0xffffff00u));
	}
	return 0;
}

static err_t ethif_init(struct netif *netif)
{
	struct net_device *dev = netif->state;

	netif->name[0] = 'e';
	netif->name[1] = 't';
	netif->output = etharp_output;
	netif->linkoutput = ethif_linkoutput;
	netif->mtu = dev->mtu;
	netif->hwaddr_len = ETH_ALEN;
	memcpy(netif->hwaddr, dev->dev_addr, ETH_ALEN);
	netif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP |
		       NETIF_FLAG_ETHERNET;
	MIB2_INIT_NETIF(netif, snmp_ifType_ethernet_csmacd, 1000000000);
	return ERR_OK;
}

int register_netdev(struct net_device *dev)
{
	struct netif *netif;
	ip4_addr_t ip, mask, gw;
	int how = 0;

	if (nr_netdevs == MAX_NETDEVS)
		return -ENOSPC;
	netif = &netifs[nr_netdevs];
	snprintf(dev->name, sizeof(dev->name), "eth%d", nr_netdevs);
	if (nr_netdevs == 0)
		how = parse_ip_option(&ip, &mask, &gw);
	if (how || nr_netdevs > 0) { /* no address yet */
		ip4_addr_set_zero(&ip);
		ip4_addr_set_zero(&mask);
		ip4_addr_set_zero(&gw);
	}
	if (!netif_add(netif, &ip, &mask, &gw, dev, ethif_init, ethernet_input))
		return -ENOMEM;
	dev->ip_ptr = netif;
	if (nr_netdevs == 0 && net_add_rx_poll(ethif_poll))
		return -ENOSPC;
	netdevs[nr_netdevs++] = dev;
	if (netif == &netifs[0])
		netif_set_default(
			netif); /* the default route goes through eth0 */
	netif_set_status_callback(netif, ethif_status_callback);
	netif_set_up(netif);
	if (how == 0 && netif == &netifs[0])
		print_address(netif, "static");
	if (how == 1) {
		printk("%s: asking for an address by DHCP\n", dev->name);
		if (dhcp_start(netif) != ERR_OK)
			printk("%s: DHCP did not start\n", dev->name);
	}
	return 0;
}

/* ---- /proc/net/dev and /proc/net/route ---- */

static void dev_seq_printf_stats(struct seq_buf *sb, const char *name,
				 const struct net_device_stats *s)
{
	seq_printf(sb,
		   "%6s: %7lu %7lu %4lu %4lu %4lu %5lu %10lu %9lu "
		   "%8lu %7lu %4lu %4lu %4lu %5lu %7lu %10lu\n",
		   name, s->rx_bytes, s->rx_packets, s->rx_errors,
		   s->rx_dropped + s->rx_missed_errors, s->rx_fifo_errors,
		   s->rx_length_errors + s->rx_over_errors + s->rx_crc_errors +
			   s->rx_frame_errors,
		   0ul, s->multicast, s->tx_bytes, s->tx_packets, s->tx_errors,
		   s->tx_dropped, s->tx_fifo_errors, s->collisions,
		   s->tx_carrier_errors + s->tx_aborted_errors, 0ul);
}

/* lo's counters are lwIP's (MIB2_STATS): it loops packets back in software. */
static void loopback_stats(struct net_device_stats *s)
{
	struct netif *netif;

	memset(s, 0, sizeof(*s));
	NETIF_FOREACH(netif)
	{
		if (netif->name[0] == 'l' && netif->name[1] == 'o') {
			s->rx_packets = netif->mib2_counters.ifinucastpkts;
			s->rx_bytes = netif->mib2_counters.ifinoctets;
			s->rx_dropped = netif->mib2_counters.ifindiscards;
			s->tx_packets = netif->mib2_counters.ifoutucastpkts;
			s->tx_bytes = netif->mib2_counters.ifoutoctets;
			s->tx_dropped = netif->mib2_counters.ifoutdiscards;
		}
	}
}

/* /proc/net/dev: Linux's two header lines, then one line of counters per interface. */
static void dev_seq_show(struct seq_buf *sb)
{
	struct net_device_stats lo;

	seq_printf(sb, "Inter-|   Receive                            "
		       "                    |  Transmit\n"
		       " face |bytes    packets errs drop fifo frame "
		       "compressed multicast|bytes    packets errs "
		       "drop fifo colls carrier compressed\n");
	loopback_stats(&lo);
	dev_seq_printf_stats(sb, "lo", &lo);
	for (int i = 0; i < nr_netdevs; i++) {
		struct net_device *dev = netdevs[i];
		dev->netdev_ops->ndo_get_stats(dev);
		dev_seq_printf_stats(sb, dev->name, &dev->stats);
	}
}

#define RTF_UP	    0x0001
#define RTF_GATEWAY 0x0002

/* One line of /proc/net/route: addresses as the raw big-endian words printed in hex (so
 * 10.0.2.2 reads 0202000A on x86), each line padded to 127 columns, as Linux does. */
static void route_line(struct seq_buf *sb, const char *name, u32_t dest,
		       u32_t gw, unsigned flags, u32_t mask)
{
	char line[128];

	snprintf(line, sizeof(line),
		 "%s\t%08X\t%08X\t%04X\t%d\t%u\t%d\t%08X\t%d\t%u\t%u", name,
		 (unsigned)dest, (unsigned)gw, flags, 0, 0u, 0, (unsigned)mask,
		 0, 0u, 0u);
	seq_printf(sb, "%-127s\n", line);
}

/* /proc/net/route: lwIP routes by interface (its subnet) and sends the rest to the
 * default interface's gateway, which is exactly these lines. */
static void route_seq_show(struct seq_buf *sb)
{
	seq_printf(sb, "%-127s\n",
		   "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\t"
		   "Metric\tMask\t\tMTU\tWindow\tIRTT");
	for (int i = 0; i < nr_netdevs; i++) {
		struct netif *netif = netdevs[i]->ip_ptr;
		u32_t ip = ip4_addr_get_u32(netif_ip4_addr(netif));
		u32_t mask = ip4_addr_get_u32(netif_ip4_netmask(netif));
		u32_t gw = ip4_addr_get_u32(netif_ip4_gw(netif));

		if (!netif_is_up(netif) || !ip)
			continue;
		if (netif == netif_default && gw)
			route_line(sb, netdevs[i]->name, 0, gw,
				   RTF_UP | RTF_GATEWAY, 0);
		route_line(sb, netdevs[i]->name, ip & mask, 0, RTF_UP, mask);
	}
}

void net_dev_proc_init(void)
{
	proc_create("/proc/net/dev", dev_seq_show);
	proc_create("/proc/net/route", route_seq_show);
}
