/* Sub-call numbers of socketcall(102) and the states of a struct socket
 * (Linux: include/uapi/linux/net.h). On i386 every socket call goes through
 * socketcall(call, args) with args an array of unsigned long. */
#ifndef _UAPI_LINUX_NET_H
#define _UAPI_LINUX_NET_H

#include <linux/socket.h>

#define SYS_SOCKET	1 /* socket(2) */
#define SYS_BIND	2 /* bind(2) */
#define SYS_CONNECT	3 /* connect(2) */
#define SYS_LISTEN	4 /* listen(2) */
#define SYS_ACCEPT	5 /* accept(2) */
#define SYS_GETSOCKNAME 6 /* getsockname(2) */
#define SYS_GETPEERNAME 7 /* getpeername(2) */
#define SYS_SOCKETPAIR	8 /* socketpair(2) */
#define SYS_SEND	9 /* send(2) */
#define SYS_RECV	10 /* recv(2) */
#define SYS_SENDTO	11 /* sendto(2) */
#define SYS_RECVFROM	12 /* recvfrom(2) */
#define SYS_SHUTDOWN	13 /* shutdown(2) */
#define SYS_SETSOCKOPT	14 /* setsockopt(2) */
#define SYS_GETSOCKOPT	15 /* getsockopt(2) */
#define SYS_SENDMSG	16 /* sendmsg(2) */
#define SYS_RECVMSG	17 /* recvmsg(2) */
#define SYS_ACCEPT4	18 /* accept4(2) */
#define SYS_RECVMMSG	19 /* recvmmsg(2) */
#define SYS_SENDMMSG	20 /* sendmmsg(2) */

typedef enum {
	SS_FREE = 0, /* not allocated */
	SS_UNCONNECTED, /* unconnected to any socket */
	SS_CONNECTING, /* in process of connecting */
	SS_CONNECTED, /* connected to socket */
	SS_DISCONNECTING /* in process of disconnecting */
} socket_state;

#endif
