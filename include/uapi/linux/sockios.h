/* Socket ioctl numbers (Linux: include/uapi/linux/sockios.h, the same values). The
 * interface ones take a struct ifreq or struct ifconf (<linux/if.h>) and are answered by
 * net/dev_ioctl.c; the routing table is read from /proc/net/route instead of SIOCADDRT. */
#ifndef _UAPI_LINUX_SOCKIOS_H
#define _UAPI_LINUX_SOCKIOS_H

#define SIOCADDRT      0x890B /* add a routing table entry (not in MenuOS) */
#define SIOCDELRT      0x890C /* delete one (not in MenuOS) */
#define SIOCGIFNAME    0x8910 /* ifindex -> name */
#define SIOCGIFCONF    0x8912 /* the interfaces and their IPv4 addresses */
#define SIOCGIFFLAGS   0x8913 /* IFF_UP, IFF_RUNNING, ... */
#define SIOCSIFFLAGS   0x8914
#define SIOCGIFADDR    0x8915 /* IPv4 address */
#define SIOCSIFADDR    0x8916
#define SIOCGIFDSTADDR 0x8917 /* point-to-point peer */
#define SIOCSIFDSTADDR 0x8918
#define SIOCGIFBRDADDR 0x8919 /* broadcast address */
#define SIOCSIFBRDADDR 0x891a
#define SIOCGIFNETMASK 0x891b
#define SIOCSIFNETMASK 0x891c
#define SIOCGIFMETRIC  0x891d
#define SIOCSIFMETRIC  0x891e
#define SIOCGIFMTU     0x8921
#define SIOCSIFMTU     0x8922
#define SIOCSIFHWADDR  0x8924
#define SIOCGIFHWADDR \
	0x8927 /* MAC address, with the ARPHRD_* type in sa_family */
#define SIOCGIFINDEX  0x8933 /* name -> ifindex */
#define SIOGIFINDEX   SIOCGIFINDEX
#define SIOCGIFCOUNT  0x8938
#define SIOCGIFTXQLEN 0x8942
#define SIOCSIFTXQLEN 0x8943

#endif
