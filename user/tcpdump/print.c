/*
 * One packet as tcpdump -n prints it:
 *
 *	IP 127.0.0.1.49152 > 127.0.0.1.5001: Flags [S], seq 6509, win 11680,
 *	    options [mss 1460], length 0
 *	IP 10.0.2.15 > 10.0.2.2: ICMP echo request, id 1, seq 1, length 64
 *	ARP, Request who-has 10.0.2.2 tell 10.0.2.15, length 28
 *
 * TCP sequence numbers are relative after the handshake, as tcpdump's
 * print-tcp.c does it: the SYN shows its absolute seq; a packet with ACK set
 * finds (or, with SYN, records) its connection's two initial sequence
 * numbers and shows seq and ack relative to them.
 */
#include <stdio.h>
#include <string.h>
#include "tcpdump.h"

#define ETHERTYPE_IP  0x0800
#define ETHERTYPE_ARP 0x0806

#define TH_FIN 0x01
#define TH_SYN 0x02
#define TH_RST 0x04
#define TH_PSH 0x08
#define TH_ACK 0x10
#define TH_URG 0x20
#define TH_ECE 0x40
#define TH_CWR 0x80

static unsigned get16(const unsigned char *p)
{
	return p[0] << 8 | p[1];
}

static unsigned long get32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	       (unsigned long)p[2] << 8 | p[3];
}

static void ip_str(char *buf, const unsigned char *a)
{
	sprintf(buf, "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
}

/* ---- TCP ---- */

/* A connection's initial sequence numbers, keyed by its two ends in one
 * order (the lower address first), as tcpdump's tcp_seq_hash. */
struct tcp_conn {
	unsigned char addr[2][4];
	unsigned port[2];
	unsigned long seq, ack; /* initial seq of end 0 and of end 1 */
	int used;
};

#define MAX_CONNS 64
static struct tcp_conn conns[MAX_CONNS];
static int next_conn;

/* Finds (or makes: *is_new) the connection of this packet; *rev says it
 * goes from end 1 to end 0. */
static struct tcp_conn *find_conn(const unsigned char *src,
				  const unsigned char *dst, unsigned sport,
				  unsigned dport, int *rev, int *is_new)
{
	int cmp = memcmp(src, dst, 4), i;
	struct tcp_conn key, *c;

	*rev = cmp > 0 || (cmp == 0 && sport > dport);
	memset(&key, 0, sizeof(key));
	memcpy(key.addr[0], *rev ? dst : src, 4);
	memcpy(key.addr[1], *rev ? src : dst, 4);
	key.port[0] = *rev ? dport : sport;
	key.port[1] = *rev ? sport : dport;
	for (i = 0; i < MAX_CONNS; i++) {
		c = &conns[i];
		if (c->used && !memcmp(c->addr, key.addr, sizeof(key.addr)) &&
		    c->port[0] == key.port[0] && c->port[1] == key.port[1])
			return c;
	}
	*is_new = 1;
	c = &conns[next_conn];
	next_conn = (next_conn + 1) % MAX_CONNS;
	*c = key;
	c->used = 1;
	return c;
}

static void print_tcp_options(const unsigned char *opt, int len)
{
	int first = 1;

	printf(", options [");
	while (len > 0) {
		int kind = opt[0], olen = 1;

		if (!first)
			printf(",");
		first = 0;
		if (kind == 0) {
			printf("eol");
			break;
		}
		if (kind == 1) {
			printf("nop");
		} else {
			if (len < 2 || opt[1] < 2 || opt[1] > len) {
				printf("bad opt");
				break;
			}
			olen = opt[1];
			if (kind == 2 && olen == 4)
				printf("mss %u", get16(opt + 2));
			else if (kind == 3 && olen == 3)
				printf("wscale %u", opt[2]);
			else if (kind == 4 && olen == 2)
				printf("sackOK");
			else if (kind == 8 && olen == 10)
				printf("TS val %lu ecr %lu", get32(opt + 2),
				       get32(opt + 6));
			else if (kind == 5) {
				int k;

				printf("sack %d ", (olen - 2) / 8);
				for (k = 2; k + 8 <= olen; k += 8)
					printf("{%lu:%lu}", get32(opt + k),
					       get32(opt + k + 4));
			} else
				printf("opt-%d:", kind);
		}
		opt += olen;
		len -= olen;
	}
	printf("]");
}

static void print_tcp(const char *src, const char *dst, const unsigned char *sa,
		      const unsigned char *da, const unsigned char *tcp,
		      int len)
{
	static const struct {
		int bit;
		char c;
	} flag_chars[] = {
		{ TH_FIN, 'F' }, { TH_SYN, 'S' }, { TH_RST, 'R' },
		{ TH_PSH, 'P' }, { TH_ACK, '.' }, { TH_URG, 'U' },
		{ TH_ECE, 'E' }, { TH_CWR, 'W' },
	};
	unsigned sport, dport, win, hlen, flags, i;
	unsigned long seq, ack;
	char fl[16];
	int n = 0, rev;

	if (len < 20) {
		printf("IP %s > %s: tcp %d [|tcp]\n", src, dst, len);
		return;
	}
	sport = get16(tcp);
	dport = get16(tcp + 2);
	seq = get32(tcp + 4);
	ack = get32(tcp + 8);
	hlen = (tcp[12] >> 4) * 4;
	flags = tcp[13];
	win = get16(tcp + 14);
	for (i = 0; i < sizeof(flag_chars) / sizeof(flag_chars[0]); i++)
		if (flags & flag_chars[i].bit)
			fl[n++] = flag_chars[i].c;
	fl[n] = '\0';
	printf("IP %s.%u > %s.%u: Flags [%s]", src, sport, dst, dport,
	       n ? fl : "none");
	if (hlen < 20 || (int)hlen > len) {
		printf(" [bad hdr length %u]\n", hlen);
		return;
	}
	if (flags & TH_ACK) {
		int is_new = 0;
		struct tcp_conn *c =
			find_conn(sa, da, sport, dport, &rev, &is_new);

		if (is_new || (flags & TH_SYN)) {
			/* the first ACK seen (the SYN-ACK) starts the
			 * conversation and is shown absolute */
			if (rev)
				c->ack = seq, c->seq = ack - 1;
			else
				c->seq = seq, c->ack = ack - 1;
		} else {
			if (rev)
				seq -= c->ack, ack -= c->seq;
			else
				seq -= c->seq, ack -= c->ack;
		}
	}
	len -= hlen;
	if (len > 0 || (flags & (TH_SYN | TH_FIN | TH_RST))) {
		printf(", seq %lu", seq & 0xffffffffUL);
		if (len > 0)
			printf(":%lu", (seq + len) & 0xffffffffUL);
	}
	if (flags & TH_ACK)
		printf(", ack %lu", ack & 0xffffffffUL);
	printf(", win %u", win);
	if (flags & TH_URG)
		printf(", urg %u", get16(tcp + 18));
	if (hlen > 20)
		print_tcp_options(tcp + 20, hlen - 20);
	printf(", length %d\n", len);
}

/* ---- ICMP ---- */

static void print_icmp(const char *src, const char *dst,
		       const unsigned char *icmp, int len)
{
	static const char *const unreach[] = {
		"net %s unreachable",
		"host %s unreachable",
		"%s protocol %u unreachable",
		"%s %s port %u unreachable",
	};
	int type, code;

	printf("IP %s > %s: ICMP ", src, dst);
	if (len < 8) {
		printf("[|icmp], length %d\n", len);
		return;
	}
	type = icmp[0];
	code = icmp[1];
	if (type == 8 || type == 0) {
		printf("echo %s, id %u, seq %u",
		       type == 8 ? "request" : "reply", get16(icmp + 4),
		       get16(icmp + 6));
	} else if (type == 3 && code <= 3 && len >= 8 + 20) {
		const unsigned char *inner = icmp + 8;
		int ihl = (inner[0] & 0xf) * 4;
		char a[16];

		ip_str(a, inner + 16);
		if (code == 3 && len >= 8 + ihl + 4) {
			const char *proto = inner[9] == 6    ? "tcp"
					    : inner[9] == 17 ? "udp"
							     : "ip";

			printf(unreach[3], a, proto, get16(inner + ihl + 2));
		} else if (code == 2) {
			printf(unreach[2], a, inner[9]);
		} else if (code < 2) {
			printf(unreach[code], a);
		} else {
			printf("%s unreachable", a);
		}
	} else if (type == 11) {
		printf("time exceeded in-transit");
	} else {
		printf("type %d, code %d", type, code);
	}
	printf(", length %d\n", len);
}

/* ---- IPv4 and ARP ---- */

static void print_ip(const unsigned char *ip, size_t caplen)
{
	char src[16], dst[16];
	unsigned ihl, total, frag;
	int len;

	if (caplen < 20 || (ip[0] >> 4) != 4) {
		printf("IP [|ip], length %u\n", (unsigned)caplen);
		return;
	}
	ihl = (ip[0] & 0xf) * 4;
	total = get16(ip + 2);
	frag = get16(ip + 6);
	ip_str(src, ip + 12);
	ip_str(dst, ip + 16);
	if (total > caplen)
		total = caplen;
	if (ihl < 20 || ihl > total) {
		printf("IP %s > %s: [bad hdr length %u]\n", src, dst, ihl);
		return;
	}
	len = total - ihl;
	if (frag & 0x1fff) { /* a later fragment: no transport header */
		printf("IP %s > %s: ip-proto-%u\n", src, dst, ip[9]);
		return;
	}
	switch (ip[9]) {
	case 6:
		print_tcp(src, dst, ip + 12, ip + 16, ip + ihl, len);
		break;
	case 17:
		if (len < 8) {
			printf("IP %s > %s: [|udp]\n", src, dst);
			break;
		}
		printf("IP %s.%u > %s.%u: UDP, length %u\n", src,
		       get16(ip + ihl), dst, get16(ip + ihl + 2),
		       get16(ip + ihl + 4) - 8);
		break;
	case 1:
		print_icmp(src, dst, ip + ihl, len);
		break;
	default:
		printf("IP %s > %s: ip-proto-%u %d\n", src, dst, ip[9], len);
	}
}

static void print_arp(const unsigned char *arp, size_t len)
{
	char spa[16], tpa[16];
	unsigned op;

	if (len < 28 || get16(arp) != 1 || get16(arp + 2) != ETHERTYPE_IP ||
	    arp[4] != 6 || arp[5] != 4) {
		printf("ARP, [|arp], length %u\n", (unsigned)len);
		return;
	}
	op = get16(arp + 6);
	ip_str(spa, arp + 14);
	ip_str(tpa, arp + 24);
	if (op == 1)
		printf("ARP, Request who-has %s tell %s", tpa, spa);
	else if (op == 2)
		printf("ARP, Reply %s is-at %02x:%02x:%02x:%02x:%02x:%02x", spa,
		       arp[8], arp[9], arp[10], arp[11], arp[12], arp[13]);
	else
		printf("ARP, op %u", op);
	printf(", length %u\n", (unsigned)len);
}

void print_packet(unsigned short ethertype, const unsigned char *pkt,
		  size_t len)
{
	if (ethertype == ETHERTYPE_IP)
		print_ip(pkt, len);
	else if (ethertype == ETHERTYPE_ARP)
		print_arp(pkt, len);
	else
		printf("ethertype 0x%04x, length %u\n", ethertype,
		       (unsigned)len);
}
