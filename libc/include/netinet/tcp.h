/* TCP socket options (from <linux/tcp.h>). */
#ifndef _NETINET_TCP_H
#define _NETINET_TCP_H

#include <linux/tcp.h>

#endif
