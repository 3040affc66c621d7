/* Ethernet frame types and sizes (Linux: include/uapi/linux/if_ether.h). */
#ifndef _UAPI_LINUX_IF_ETHER_H
#define _UAPI_LINUX_IF_ETHER_H

#define ETH_ALEN      6 /* bytes in a MAC address */
#define ETH_HLEN      14 /* bytes in an Ethernet header */
#define ETH_DATA_LEN  1500
#define ETH_FRAME_LEN 1514

#define ETH_P_ALL 0x0003 /* every packet (AF_PACKET only) */
#define ETH_P_IP  0x0800
#define ETH_P_ARP 0x0806

#endif
