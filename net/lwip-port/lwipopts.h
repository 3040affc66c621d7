/* lwIP's configuration for MenuOS (lwip/opt.h reads this first; whatever is not set here
 * keeps lwIP's default, see build/lwip-2.1.3/src/include/lwip/opt.h).
 *
 * Shape: no threads (NO_SYS=1), the raw callback API only, driven by the kernel's net bottom
 * half (net/netdev.c). The socket layer (net/socket.c, net/af_inet.c) maps Linux's socket
 * calls one to one onto tcp_bind/tcp_listen/tcp_accept/tcp_connect/tcp_write/tcp_recv...,
 * so lwIP's own sockets and netconn API, which bring a second fd table and BSD constants,
 * stay out.
 *
 * Sizing target: about 64 sockets at once, 8 connections each streaming 1 MiB at the same
 * time (over loopback, where both ends of every connection live in this lwIP), and 1000
 * connect/close cycles in a row. All pools are static (bss): about 1.3 MB in all. */
#ifndef _LWIPOPTS_H
#define _LWIPOPTS_H

/* ---- system --------------------------------------------------------------------------- */
#define NO_SYS	       1
#define LWIP_SOCKET    0
#define LWIP_NETCONN   0
#define LWIP_NETIF_API 0
/* lwIP is never entered from an interrupt handler, but SYS_ARCH_PROTECT (interrupts off,
 * sys_arch.c) costs little and keeps mem/memp safe if that rule is ever broken. */
#define SYS_LIGHTWEIGHT_PROT 1

/* ---- memory ---------------------------------------------------------------------------- */
#define MEM_ALIGNMENT 4
/* lwIP's own heap (mem.c) holds every PBUF_RAM pbuf: the data tcp_write copies in until it
 * is acknowledged, and every packet looped back through `lo` (netif_loop_output copies it)
 * until the receiving socket has read it. One streaming loopback connection can hold about
 * 2 * 8 full segments (sender's unacked data + receiver's window) = 25 KB; 8 of them plus
 * a full loopback queue (64 * 1.5 KB) need ~300 KB, and 64 sockets with full send buffers
 * ~800 KB. Running out is not fatal (tcp_write says ERR_MEM, a looped-back packet is dropped
 * and retransmitted) but costs a retransmission timeout, so be generous. */
#define MEM_SIZE (1024 * 1024)

/* Protocol control blocks. A tcp_pcb is ~170 bytes. 64 sockets can mean 64 connections with
 * both ends here (128 pcbs), plus connections in TIME_WAIT (2 * TCP_MSL = 2 minutes after
 * every active close: 1000 quick connect/close cycles leave 1000 of them). When the pool is
 * empty, tcp_alloc takes the oldest TIME_WAIT pcb (harmless), then LAST_ACK/CLOSING ones,
 * then aborts a lower-priority connection (none: all use TCP_PRIO_NORMAL), and then fails:
 * connect() would get ENOMEM and a listener would drop the SYN. 256 leaves room for TIME_WAIT
 * beside 128 live pcbs, so lwIP evicts TIME_WAIT pcbs, not new connections. */
#define MEMP_NUM_TCP_PCB	256
#define MEMP_NUM_TCP_PCB_LISTEN 64
#define MEMP_NUM_UDP_PCB	64
#define MEMP_NUM_RAW_PCB	8
/* Queued TCP segments over all pcbs (each connection may queue TCP_SND_QUEUELEN = 32). */
#define MEMP_NUM_TCP_SEG 512
/* PBUF_REF/ROM headers: tcp_write without TCP_WRITE_FLAG_COPY, IP fragments. */
#define MEMP_NUM_PBUF 64
/* lwIP's own timers (TCP, ARP, IP reassembly) plus a few for the kernel's glue. */
#define MEMP_NUM_SYS_TIMEOUT (LWIP_NUM_SYS_TIMEOUT_INTERNAL + 8)
/* PBUF_POOL buffers (one full Ethernet frame each) are what a NIC driver receives into:
 * 8 connections * an 8-segment window each, twice over. Loopback does not use them. */
#define PBUF_POOL_SIZE 128

/* ---- protocols --------------------------------------------------------------------------- */
#define LWIP_IPV4     1
#define LWIP_IPV6     0
#define LWIP_ARP      1
#define LWIP_ETHERNET 1
#define LWIP_ICMP     1
#define LWIP_RAW      1 /* SOCK_RAW/IPPROTO_ICMP (ping) */
#define LWIP_UDP      1
#define LWIP_TCP      1
#define LWIP_IGMP     0
#define LWIP_DHCP     1 /* ip=dhcp on the kernel command line (net/ethif.c) */
#define LWIP_AUTOIP   0
#define LWIP_DNS      0
#define IP_FORWARD    0
#define IP_REASSEMBLY 1
#define IP_FRAG	      1

/* ---- TCP ---------------------------------------------------------------------------------- */
/* Ethernet's MSS (1500 - 40); lwIP's default of 536 makes four times the segments. */
#define TCP_MSS 1460
/* 8 segments each way: below 64 KB, so no window scaling. */
#define TCP_WND	    (8 * TCP_MSS)
#define TCP_SND_BUF (8 * TCP_MSS)
/* listen(fd, backlog) is honoured: the socket layer calls tcp_backlog_delayed() in the accept
 * callback and tcp_backlog_accepted() when accept() takes the connection. */
#define TCP_LISTEN_BACKLOG 1
/* SO_REUSEADDR: without it, bind() to a port that still has a TIME_WAIT connection fails,
 * which restarting a server (or 1000 connect/close cycles to one port) runs into. */
#define SO_REUSE 1
/* SO_KEEPALIVE, for setsockopt. */
#define LWIP_TCP_KEEPALIVE 1

/* ---- interfaces -------------------------------------------------------------------------- */
/* `lo`, 127.0.0.1/8, added by lwip_init(). Looped-back packets wait in a queue until the
 * bottom half calls netif_poll_all(); the queue is bounded so that one poll, which also
 * delivers what its own callbacks produce, always ends. */
#define LWIP_NETIF_LOOPBACK	1
#define LWIP_HAVE_LOOPIF	1
#define LWIP_LOOPBACK_MAX_PBUFS 64
/* 1 would break IPv4 loopback next to a NIC (only one netif at all). */
#define LWIP_SINGLE_NETIF 0
/* net/ethif.c prints the address DHCP got from the status callback */
#define LWIP_NETIF_STATUS_CALLBACK 1
#define LWIP_NETIF_LINK_CALLBACK   0

/* ---- checksums: computed and checked on every NIC; `lo` skips TCP's and UDP's
 * (net/netdev.c), as Linux's loopback does: a packet that never leaves memory is not damaged */
#define LWIP_CHECKSUM_CTRL_PER_NETIF 1
#define CHECKSUM_GEN_IP		     1
#define CHECKSUM_GEN_UDP	     1
#define CHECKSUM_GEN_TCP	     1
#define CHECKSUM_GEN_ICMP	     1
#define CHECKSUM_CHECK_IP	     1
#define CHECKSUM_CHECK_UDP	     1
#define CHECKSUM_CHECK_TCP	     1
#define CHECKSUM_CHECK_ICMP	     1

/* ---- statistics: net_get_stats() reads them, tests compare them to find leaks ---------- */
#define LWIP_STATS 1
#define LWIP_STATS_DISPLAY \
	1 /* stats_display() prints all of them with printk */
#define LWIP_STATS_LARGE \
	1 /* 32-bit counters: a 1 MiB stream wraps 16-bit ones */
#define MEM_STATS    1
#define MEMP_STATS   1
#define PBUF_STATS   1
#define LINK_STATS   1
#define ETHARP_STATS 1
#define IP_STATS     1
#define ICMP_STATS   1
#define UDP_STATS    1
#define TCP_STATS    1
#define SYS_STATS    0
/* per-interface counters (netif->mib2_counters): /proc/net/dev shows lo's */
#define MIB2_STATS 1

/* ---- debugging -------------------------------------------------------------------------- */
/* Off. To trace a module, define LWIP_DEBUG here and set e.g.
 * `#define TCP_DEBUG LWIP_DBG_ON`; output goes through printk (arch/cc.h). Assertions stay
 * on regardless: a failed one panics. */
#define LWIP_DBG_TYPES_ON LWIP_DBG_ON

/* AF_PACKET (net/af_packet.c) sees every IPv4 packet lwIP takes in here. On lo it is the
 * only place: a looped-back packet passes no netif output or input function pointer
 * (ip4_output_if queues it, netif_poll hands it to ip_input). Never eats a packet. */
struct pbuf;
struct netif;
int packet_ip4_input_hook(struct pbuf *p, struct netif *inp);
#define LWIP_HOOK_IP4_INPUT(p, inp) packet_ip4_input_hook(p, inp)

#endif
