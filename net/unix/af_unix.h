/* What af_unix.c and garbage.c share: an AF_UNIX socket and the files in flight on it. */
#ifndef _NET_UNIX_AF_UNIX_H
#define _NET_UNIX_AF_UNIX_H

#include <menuos/sock.h>

#define UNIX_RING \
	(64 * 1024) /* a stream's receive ring; also the biggest datagram */
#define UNIX_RIGHTS_MAX 16

/* Files sent with SCM_RIGHTS, waiting for the receiver: at is the stream position they
 * came with, or the number of the datagram they came with. */
struct unix_rights {
	struct unix_rights *next;
	unsigned long at;
	int n;
	struct file *files[UNIX_RIGHTS_MAX];
};

struct unix_sock {
	struct sock sk; /* first: sk_free frees the whole unix_sock */
	struct unix_sock *
		peer; /* stream: the other end; dgram: the default destination */
	struct sockaddr_un addr; /* the bound name */
	int addr_len; /* 0: unnamed */
	struct inode *path_inode; /* the socket file of a path name */
	pid_t peer_pid; /* SO_PEERCRED */
	int peer_died; /* dgram: the connected peer closed (the next send: ECONNREFUSED) */
	struct sockaddr_un
		peer_addr; /* the peer's name when it connected (getpeername) */
	int peer_addr_len;
	int stream_was_paired; /* a stream that had a peer: getpeername still answers */
	struct unix_rights *rights;
	struct unix_sock *
		next_all; /* every AF_UNIX socket, to drop references on close */
	/* garbage.c: how many queued SCM_RIGHTS messages hold this socket's file, and
	 * what unix_gc works out about it */
	int inflight;
	int gc_refs; /* references from outside the candidates */
	unsigned char gc_candidate, gc_alive, gc_scanned;
};

extern struct unix_sock *all_unix_socks;

static inline struct unix_sock *unix_sk(struct sock *sk)
{
	return container_of(sk, struct unix_sock, sk);
}

void unix_rights_free(struct unix_rights *r); /* drops the file references too */

/* proc.c */
void unix_proc_init(void); /* /proc/net/unix */

/* garbage.c */
void unix_rights_inflight(struct unix_rights *r,
			  int delta); /* r entered (1) or left (-1) a queue */
void unix_gc(void);

#endif
