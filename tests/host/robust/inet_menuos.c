/*
 * libc/inet.c (our libc's address conversions) built on the host, next to
 * glibc's: every name gets a menuos_ prefix so that inet_test.c can hold
 * one against the other. Built without optimisation, so glibc's headers do
 * not turn htonl and friends into macros.
 */
#define htonl	  menuos_htonl
#define htons	  menuos_htons
#define ntohl	  menuos_ntohl
#define ntohs	  menuos_ntohs
#define inet_aton menuos_inet_aton
#define inet_addr menuos_inet_addr
#define inet_ntoa menuos_inet_ntoa
#define inet_pton menuos_inet_pton
#define inet_ntop menuos_inet_ntop

#include "../../../libc/inet.c"
