/* The network core below the sockets: starts lwIP and runs its "bottom half".
 *
 * lwIP is built with NO_SYS=1: it has no thread of its own and no locks. Everything in it
 * runs when the kernel calls in, and the rule is that it is NEVER entered from an interrupt
 * handler (an interrupt could land in the middle of lwIP, e.g. inside tcp_input, and find
 * its lists half updated). So interrupt handlers only call net_raise_bottom_half(), which
 * sets a flag, and the kernel runs net_bottom_half() in process context:
 *   - from the idle loop,
 *   - on the way back to user mode when net_bottom_half_pending() (the timer tick raises it,
 *     so lwIP's TCP/ARP timers run even while every task computes),
 *   - at the end of every socket syscall: a packet sent to 127.0.0.1 only sits in the
 *     loopback queue until netif_poll_all() delivers it, so without this a loopback
 *     round trip would take a timer tick.
 * lwIP callbacks (tcp_recv, tcp_accept...) run inside net_bottom_half() or inside a socket
 * call into lwIP; they must only queue and wake, never sleep or loop back into lwIP. */
#include <menuos/interrupt.h>
#include <menuos/net.h>
#include "lwip/init.h"
#include "lwip/memp.h"
#include "lwip/netif.h"
#include "lwip/stats.h"
#include "lwip/tcp.h"
#include "lwip/timeouts.h"
#include "lwip/udp.h"
#include "lwip/priv/tcp_priv.h"

static volatile int bottom_half_pending;
static void (*rx_polls[4])(void);

void net_raise_bottom_half(void)
{
	bottom_half_pending = 1;
}

int net_bottom_half_pending(void)
{
	return bottom_half_pending;
}

int net_add_rx_poll(void (*rx_poll)(void))
{
	for (unsigned i = 0; i < ARRAY_SIZE(rx_polls); i++) {
		if (!rx_polls[i]) {
			rx_polls[i] = rx_poll;
			return 0;
		}
	}
	return -ENOSPC;
}

void net_bottom_half(void)
{
	static int running;

	/* Not reentrant, like lwIP itself; a nested call (if ever) leaves the work to the
	 * outer one, which is still running and sees the flag again next time. */
	if (running)
		return;
	running = 1;
	/* Cleared first: an interrupt raising it from here on asks for another round. */
	bottom_half_pending = 0;
	for (unsigned i = 0; i < ARRAY_SIZE(rx_polls); i++)
		if (rx_polls[i])
			rx_polls[i]();
	netif_poll_all();
	sys_check_timeouts();
	running = 0;
}

static unsigned prefix_length(u32_t netmask)
{
	unsigned n = 0;

	for (netmask = lwip_ntohl(netmask); netmask & 0x80000000u;
	     netmask <<= 1)
		n++;
	return n;
}

void net_init(void)
{
	struct netif *lo;

	lwip_init(); /* with LWIP_HAVE_LOOPIF, adds `lo` 127.0.0.1/8 and sets it up */
	NETIF_FOREACH(lo)
	{
		if (lo->name[0] == 'l' && lo->name[1] == 'o')
			break;
	}
	if (!lo || !netif_is_up(lo))
		panic("net: lwIP did not bring up the loopback interface");
	/* no TCP or UDP checksums on lo: two passes over every byte saved, most of a loopback
	 * stream's time under TCG. ICMP keeps its own (ping checks the reply's). */
	NETIF_SET_CHECKSUM_CTRL(lo, NETIF_CHECKSUM_GEN_IP |
					    NETIF_CHECKSUM_CHECK_IP |
					    NETIF_CHECKSUM_GEN_ICMP |
					    NETIF_CHECKSUM_CHECK_ICMP);
	printk("net: lwIP %s, lo %s/%u up\n", LWIP_VERSION_STRING,
	       ip4addr_ntoa(netif_ip4_addr(lo)),
	       prefix_length(ip4_addr_get_u32(netif_ip4_netmask(lo))));
}

static unsigned list_length(struct tcp_pcb *pcb)
{
	unsigned n = 0;

	for (; pcb; pcb = pcb->next)
		n++;
	return n;
}

void net_get_stats(struct net_stats *st)
{
	unsigned errors = lwip_stats.mem.err;

	for (int i = 0; i < MEMP_MAX; i++)
		errors += lwip_stats.memp[i]->err;
	st->tcp_pcbs = lwip_stats.memp[MEMP_TCP_PCB]->used;
	st->tcp_active = list_length(tcp_active_pcbs);
	st->tcp_time_wait = list_length(tcp_tw_pcbs);
	st->tcp_listen = lwip_stats.memp[MEMP_TCP_PCB_LISTEN]->used;
	st->tcp_segs = lwip_stats.memp[MEMP_TCP_SEG]->used;
	st->udp_pcbs = lwip_stats.memp[MEMP_UDP_PCB]->used;
	st->raw_pcbs = lwip_stats.memp[MEMP_RAW_PCB]->used;
	st->pbufs_pool = lwip_stats.memp[MEMP_PBUF_POOL]->used;
	st->pbufs_ref = lwip_stats.memp[MEMP_PBUF]->used;
	st->mem_used = lwip_stats.mem.used;
	st->mem_max = lwip_stats.mem.max;
	st->mem_size = lwip_stats.mem.avail;
	st->alloc_errors = errors;
}
