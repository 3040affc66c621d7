/*
 * What tcpdump's two files share: the printer of one captured packet.
 */
#ifndef TCPDUMP_H
#define TCPDUMP_H

#include <stddef.h>

/* Prints one network-layer packet (an IPv4 packet or an ARP packet, as an
 * AF_PACKET SOCK_DGRAM socket gives them) in tcpdump's -n style, without
 * the timestamp, and a newline: "IP 127.0.0.1.5001 > ...: Flags [S.], ..." */
void print_packet(unsigned short ethertype, const unsigned char *pkt,
		  size_t len);

#endif
