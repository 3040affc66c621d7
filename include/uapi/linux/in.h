/* IPv4 protocol numbers, addresses and struct sockaddr_in
 * (Linux: include/uapi/linux/in.h). Ports and addresses are in network
 * byte order (big endian). */
#ifndef _UAPI_LINUX_IN_H
#define _UAPI_LINUX_IN_H

#define IPPROTO_IP   0
#define IPPROTO_ICMP 1
#define IPPROTO_TCP  6
#define IPPROTO_UDP  17
#define IPPROTO_RAW  255

struct in_addr {
	unsigned int s_addr;
};

struct sockaddr_in {
	unsigned short sin_family; /* AF_INET */
	unsigned short sin_port;
	struct in_addr sin_addr;
	unsigned char sin_zero[8]; /* pad to sizeof(struct sockaddr) */
};

/* In host byte order, like Linux's: use htonl(INADDR_LOOPBACK). */
#define INADDR_ANY	 ((unsigned int)0x00000000)
#define INADDR_BROADCAST ((unsigned int)0xffffffff)
#define INADDR_NONE	 ((unsigned int)0xffffffff)
#define INADDR_LOOPBACK	 0x7f000001 /* 127.0.0.1 */

/* IPPROTO_IP socket options */
#define IP_TOS 1
#define IP_TTL 2

#endif
