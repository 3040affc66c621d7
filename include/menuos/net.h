/* The network core: lwIP's start-up, its bottom half and its counters (net/netdev.c).
 * Free of lwIP headers, so any kernel file can include it. */
#ifndef _MENUOS_NET_H
#define _MENUOS_NET_H

/* Starts lwIP with the loopback interface `lo` (127.0.0.1/8) up; call once after
 * time_init(), with interrupts on or off. */
void net_init(void);

/* The bottom half: moves received frames into lwIP (registered NIC polls), delivers
 * looped-back packets and runs lwIP's timers. Call from process context only, never from
 * an interrupt handler: the idle loop, the way back to user mode when
 * net_bottom_half_pending(), and the end of every socket syscall. */
void net_bottom_half(void);

/* Interrupt handlers (timer tick, NIC) call this: it only sets a flag. */
void net_raise_bottom_half(void);
int net_bottom_half_pending(void);

/* A NIC driver's "drain the receive ring into netif->input" function; the bottom half
 * calls every registered one first. Returns 0, or -ENOSPC when the table is full. */
int net_add_rx_poll(void (*rx_poll)(void));

/* lwIP's counters that show leaks: after every socket is closed (and TIME_WAIT is over)
 * the *_pcbs, pbuf and mem_used values return to what they were before. */
struct net_stats {
	unsigned tcp_pcbs; /* tcp_pcbs allocated (any state but LISTEN) */
	unsigned tcp_active; /* of those, on the active list (SYN_SENT..LAST_ACK) */
	unsigned tcp_time_wait; /* of those, in TIME_WAIT */
	unsigned tcp_listen; /* listening pcbs */
	unsigned tcp_segs; /* queued TCP segments */
	unsigned udp_pcbs;
	unsigned raw_pcbs;
	unsigned pbufs_pool; /* PBUF_POOL pbufs (NIC receive buffers) */
	unsigned pbufs_ref; /* PBUF_REF/ROM pbuf headers */
	unsigned mem_used; /* bytes of lwIP's heap in use (PBUF_RAM pbufs and more) */
	unsigned mem_max; /* high-water mark of mem_used */
	unsigned mem_size; /* size of lwIP's heap */
	unsigned alloc_errors; /* failed heap and pool allocations since boot */
};
void net_get_stats(struct net_stats *st);

#endif
