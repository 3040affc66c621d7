/* AF_PACKET sockets: struct sockaddr_ll and the packet types (Linux:
 * include/uapi/linux/if_packet.h). tcpdump reads every packet of an interface through one. */
#ifndef _UAPI_LINUX_IF_PACKET_H
#define _UAPI_LINUX_IF_PACKET_H

struct sockaddr_ll {
	unsigned short sll_family; /* AF_PACKET */
	unsigned short sll_protocol; /* ETH_P_*, network byte order */
	int sll_ifindex; /* 1 = lo, 2 = eth0 in MenuOS; 0 = any */
	unsigned short sll_hatype; /* ARPHRD_ETHER, ARPHRD_LOOPBACK */
	unsigned char sll_pkttype; /* PACKET_HOST ... */
	unsigned char sll_halen;
	unsigned char sll_addr[8];
};

#define PACKET_HOST	 0 /* to us */
#define PACKET_BROADCAST 1 /* to all */
#define PACKET_MULTICAST 2 /* to a group */
#define PACKET_OTHERHOST 3 /* to someone else */
#define PACKET_OUTGOING	 4 /* sent by us */

#endif
