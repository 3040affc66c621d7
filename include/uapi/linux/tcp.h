/* IPPROTO_TCP socket options (Linux: include/uapi/linux/tcp.h). */
#ifndef _UAPI_LINUX_TCP_H
#define _UAPI_LINUX_TCP_H

#define TCP_NODELAY   1 /* send small segments at once (no Nagle) */
#define TCP_MAXSEG    2
#define TCP_KEEPIDLE  4
#define TCP_KEEPINTVL 5
#define TCP_KEEPCNT   6

#endif
