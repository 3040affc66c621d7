/* IPv4 addresses and ports (from <linux/in.h>), byte order helpers. */
#ifndef _NETINET_IN_H
#define _NETINET_IN_H

#include <stdint.h>
#include <sys/socket.h>
#include <linux/in.h>

typedef uint16_t in_port_t;
typedef uint32_t in_addr_t;

#define INET_ADDRSTRLEN	 16 /* "255.255.255.255" and its NUL */
#define INET6_ADDRSTRLEN 46

uint32_t htonl(uint32_t host);
uint16_t htons(uint16_t host);
uint32_t ntohl(uint32_t net);
uint16_t ntohs(uint16_t net);

#endif
