/* Network devices: what a NIC driver (kernel/drivers/e1000.c) and the network core
 * (net/ethif.c, which makes each device an lwIP netif) say to each other, in Linux's names
 * (struct net_device, net_device_ops, net_device_stats, register_netdev,
 * netif_carrier_on). Free of lwIP headers: drivers never see lwIP's types.
 *
 * Receive path: the NIC interrupts -> the driver's handler reads its cause register (which
 * acknowledges it) and calls net_raise_bottom_half() -> later, in process context, the
 * bottom half calls every device's ndo_poll -> the driver hands each frame to
 * netif_receive_frame(), which copies it into a pbuf for lwIP. Transmit path: lwIP's
 * linkoutput -> ndo_start_xmit with the frame's pieces, which the driver copies into its
 * own buffers (lwIP keeps TCP's pbufs for retransmission: they are never handed over). */
#ifndef _MENUOS_NETDEVICE_H
#define _MENUOS_NETDEVICE_H

#include <menuos/kernel.h>

#define IFNAMSIZ      16
#define ETH_ALEN      6
#define ETH_HLEN      14 /* destination, source, type */
#define ETH_ZLEN      60 /* shortest frame on the wire, without the CRC */
#define ETH_DATA_LEN  1500
#define ETH_FRAME_LEN 1514 /* longest frame without a VLAN tag and the CRC */
#define VLAN_HLEN     4

/* Linux's struct rtnl_link_stats / net_device_stats, the counters /proc/net/dev shows. */
struct net_device_stats {
	unsigned long rx_packets, tx_packets;
	unsigned long rx_bytes, tx_bytes;
	unsigned long rx_errors, tx_errors;
	unsigned long rx_dropped, tx_dropped;
	unsigned long multicast, collisions;
	unsigned long rx_length_errors; /* too short or too long */
	unsigned long
		rx_over_errors; /* the ring was full: the NIC had no buffer */
	unsigned long rx_crc_errors;
	unsigned long rx_frame_errors; /* alignment, symbol errors */
	unsigned long rx_fifo_errors;
	unsigned long rx_missed_errors; /* the NIC's FIFO overflowed */
	unsigned long tx_aborted_errors, tx_carrier_errors, tx_fifo_errors;
};

/* One piece of a frame to send (a pbuf of lwIP's chain). */
struct netdev_frag {
	const void *data;
	unsigned int len;
};

struct net_device;

struct net_device_ops {
	/* Copies the frame (nfrags pieces, len bytes in all) into a TX buffer and starts
	 * it. 0, or -EBUSY when the ring is full (the frame is dropped and counted). */
	int (*ndo_start_xmit)(struct net_device *dev,
			      const struct netdev_frag *frags, int nfrags,
			      unsigned int len);
	/* Bottom half: hands at most budget received frames to netif_receive_frame and
	 * returns how many; notices link changes (netif_carrier_on/off). */
	int (*ndo_poll)(struct net_device *dev, int budget);
	/* Folds the hardware's own counters into dev->stats (before they are shown). */
	void (*ndo_get_stats)(struct net_device *dev);
};

struct net_device {
	char name[IFNAMSIZ]; /* "eth0" */
	unsigned char dev_addr[ETH_ALEN]; /* the MAC address */
	unsigned int mtu;
	int irq;
	unsigned long
		mem_start; /* the registers' physical address (ifconfig's "memory") */
	int carrier; /* link up */
	struct net_device_stats stats;
	const struct net_device_ops *netdev_ops;
	void *priv; /* the driver's own state */
	void *ip_ptr; /* net/ethif.c: the lwIP netif (Linux: the in_device) */
};

/* net/ethif.c */
/* Names the device ethN, makes it an lwIP netif with ARP, IPv4 and ICMP, gives it its
 * address (ip= on the command line, else 10.0.2.15/24 via 10.0.2.2) and adds its poll to
 * the bottom half. Call at boot, after net_init(). */
int register_netdev(struct net_device *dev);
/* A received frame (a whole Ethernet frame without CRC), from ndo_poll: copied into a pbuf
 * and given to lwIP; bad ones are dropped and counted. */
void netif_receive_frame(struct net_device *dev, const void *frame,
			 unsigned int len);
void netif_carrier_on(struct net_device *dev);
void netif_carrier_off(struct net_device *dev);
/* The registered devices, in order (NULL past the last). */
struct net_device *dev_get_by_number(int i);
/* /proc/net/dev and /proc/net/route */
void net_dev_proc_init(void);

/* net/dev_ioctl.c: SIOCGIFCONF, SIOCGIFFLAGS ... for inet_ioctl. */
int dev_ioctl(unsigned int cmd, unsigned long arg);

/* kernel/drivers/e1000.c: finds and starts every Intel 82540EM (QEMU's e1000). */
void e1000_init(void);

#endif
