/* ICMP message types and the ICMP header (Linux: include/uapi/linux/icmp.h, the same
 * values and layout). A ping socket (net/ping.c) sends and receives from this header on. */
#ifndef _UAPI_LINUX_ICMP_H
#define _UAPI_LINUX_ICMP_H

#define ICMP_ECHOREPLY	    0 /* echo reply */
#define ICMP_DEST_UNREACH   3
#define ICMP_SOURCE_QUENCH  4
#define ICMP_REDIRECT	    5
#define ICMP_ECHO	    8 /* echo request */
#define ICMP_TIME_EXCEEDED  11
#define ICMP_PARAMETERPROB  12
#define ICMP_TIMESTAMP	    13
#define ICMP_TIMESTAMPREPLY 14

struct icmphdr {
	unsigned char type;
	unsigned char code;
	unsigned short checksum;
	union {
		struct {
			unsigned short id; /* network order */
			unsigned short sequence;
		} echo;
		unsigned int gateway;
		struct {
			unsigned short __unused;
			unsigned short mtu;
		} frag;
		unsigned char reserved[4];
	} un;
};

#endif
