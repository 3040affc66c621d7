/* Garbage collection of AF_UNIX sockets in flight (Linux's net/unix/garbage.c, in small).
 *
 * An open file sent with SCM_RIGHTS is held by the message that carries it until the
 * receiver takes it. A socket can be sent into its own queue, or two sockets each into
 * the other's, and then closed: every reference left is held by a message that only
 * those same sockets could ever receive. Reference counting never frees them; this does.
 *
 * A candidate is a socket whose every reference is in flight (file count == inflight).
 * Take from each candidate the references held in candidates' queues: one with some left
 * is held by a message a live socket can still receive, and so is every candidate in its
 * queue, and so on. The candidates not reached are garbage: their queued messages are
 * dropped, which closes the cycle's files and releases the sockets. It runs when an
 * AF_UNIX socket is released, as Linux's does: a cycle is freed at the next release. */
#include <menuos/socket.h>

#include "af_unix.h"

static int unix_tot_inflight; /* sockets' files in queues, all told */

/* The AF_UNIX socket a file is, or NULL. */
static struct unix_sock *unix_get_socket(struct file *f)
{
	struct socket *sock = sock_from_file(f);

	if (!sock || !sock->sk || sock->ops->family != PF_UNIX)
		return NULL;
	return unix_sk(sock->sk);
}

void unix_rights_inflight(struct unix_rights *r, int delta)
{
	for (int i = 0; i < r->n; i++) {
		struct unix_sock *u = unix_get_socket(r->files[i]);
		if (u) {
			u->inflight += delta;
			unix_tot_inflight += delta;
		}
	}
}

/* Calls fn on every candidate a message queued on u holds, counting the connections
 * not yet accepted on a listener as its own (closing the listener drops them). */
static void scan_children(struct unix_sock *u, void (*fn)(struct unix_sock *to))
{
	for (struct unix_rights *r = u->rights; r; r = r->next)
		for (int i = 0; i < r->n; i++) {
			struct unix_sock *to = unix_get_socket(r->files[i]);
			if (to && to->gc_candidate)
				fn(to);
		}
	for (struct sock *c = u->sk.accept_head; c; c = c->accept_next)
		scan_children(unix_sk(c), fn);
}

static void dec_refs(struct unix_sock *to)
{
	to->gc_refs--;
}

static int marked;

static void mark_alive(struct unix_sock *to)
{
	if (!to->gc_alive) {
		to->gc_alive = 1;
		marked = 1;
	}
}

/* Moves u's queued messages (and its unaccepted connections') onto *hit. */
static void take_rights(struct unix_sock *u, struct unix_rights **hit)
{
	while (u->rights) {
		struct unix_rights *r = u->rights;
		u->rights = r->next;
		unix_rights_inflight(r, -1);
		r->next = *hit;
		*hit = r;
	}
	for (struct sock *c = u->sk.accept_head; c; c = c->accept_next)
		take_rights(unix_sk(c), hit);
}

static void collect(void)
{
	struct unix_rights *hit = NULL;
	struct unix_sock *u;
	int candidates = 0;

	for (u = all_unix_socks; u; u = u->next_all) {
		struct socket *sock = u->sk.sk_socket;
		u->gc_candidate = u->inflight > 0 && sock && sock->file &&
				  sock->file->f_count == u->inflight;
		u->gc_refs = u->inflight;
		u->gc_alive = u->gc_scanned = 0;
		candidates += u->gc_candidate;
	}
	if (!candidates)
		return;
	for (u = all_unix_socks; u; u = u->next_all)
		if (u->gc_candidate)
			scan_children(u, dec_refs);
	for (u = all_unix_socks; u; u = u->next_all)
		if (u->gc_candidate && u->gc_refs > 0)
			u->gc_alive = 1;
	do { /* what a live candidate's queue holds lives too */
		marked = 0;
		for (u = all_unix_socks; u; u = u->next_all)
			if (u->gc_candidate && u->gc_alive && !u->gc_scanned) {
				u->gc_scanned = 1;
				scan_children(u, mark_alive);
			}
	} while (marked);
	for (u = all_unix_socks; u; u = u->next_all)
		if (u->gc_candidate && !u->gc_alive)
			take_rights(u, &hit);
	/* only now, with every list consistent: dropping the files releases sockets */
	while (hit) {
		struct unix_rights *r = hit;
		hit = r->next;
		unix_rights_free(r);
	}
}

void unix_gc(void)
{
	static int running, again;

	if (running) { /* a release during a collection: look again after it */
		again = 1;
		return;
	}
	running = 1;
	do {
		again = 0;
		if (unix_tot_inflight)
			collect();
	} while (again);
	running = 0;
}
