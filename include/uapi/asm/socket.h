/* SOL_SOCKET and the SO_* options of setsockopt/getsockopt
 * (Linux: include/uapi/asm-generic/socket.h, used by x86). */
#ifndef _UAPI_ASM_SOCKET_H
#define _UAPI_ASM_SOCKET_H

#define SOL_SOCKET 1

#define SO_DEBUG      1
#define SO_REUSEADDR  2
#define SO_TYPE	      3
#define SO_ERROR      4 /* read and clear the pending error */
#define SO_DONTROUTE  5
#define SO_BROADCAST  6
#define SO_SNDBUF     7
#define SO_RCVBUF     8
#define SO_KEEPALIVE  9
#define SO_OOBINLINE  10
#define SO_LINGER     13
#define SO_REUSEPORT  15
#define SO_PEERCRED   17 /* AF_UNIX: struct ucred of the peer */
#define SO_RCVLOWAT   18
#define SO_SNDLOWAT   19
#define SO_RCVTIMEO   20 /* SO_RCVTIMEO_OLD: struct timeval with 32-bit long */
#define SO_SNDTIMEO   21 /* SO_SNDTIMEO_OLD */
#define SO_ACCEPTCONN 30
#define SO_PROTOCOL   38
#define SO_DOMAIN     39

#endif
