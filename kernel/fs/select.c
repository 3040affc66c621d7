/* poll(2) and select(2). Both ask each file's poll method what is ready; if nothing is,
 * the task sleeps on every wait queue the methods named, until one of them wakes it, a
 * signal arrives, or the timeout passes, and then asks again. */
#include <menuos/interrupt.h>
#include <menuos/io.h>
#include <menuos/poll.h>
#include <menuos/sched.h>
#include <menuos/signal.h>
#include <menuos/syscalls.h>
#include <menuos/uaccess.h>
#include <linux/time.h>

#define POLL_MAX_FDS 256

void poll_wait(struct file *f, struct wait_queue_head *wq,
	       struct poll_table_struct *pt)
{
	(void)f;
	if (!pt || pt->n >= POLL_MAX_WAITS)
		return;
	struct poll_table_entry *e = &pt->entries[pt->n++];
	e->wq = wq;
	e->wait.task = current;
	add_wait_queue(wq, &e->wait);
}

static void poll_freewait(struct poll_table_struct *pt)
{
	for (int i = 0; i < pt->n; i++)
		remove_wait_queue(pt->entries[i].wq, &pt->entries[i].wait);
	pt->n = 0;
}

static unsigned int poll_one(int fd, unsigned int events,
			     struct poll_table_struct *pt)
{
	struct file *f = fget(fd);

	if (!f)
		return POLLNVAL;
	unsigned int mask = f->f_op && f->f_op->poll
				    ? f->f_op->poll(f, pt)
				    : POLLIN | POLLOUT | POLLRDNORM |
					      POLLWRNORM;
	fput(f);
	return mask & (events | POLLERR | POLLHUP | POLLNVAL);
}

/* The core both syscalls share: ask(ctx, pt) returns how many fds are ready. */
static long do_wait_ready(int (*ask)(void *ctx, struct poll_table_struct *pt),
			  void *ctx, long timeout_ticks)
{
	struct poll_table_struct *pt = kmalloc(sizeof(*pt));
	unsigned long end = jiffies + timeout_ticks;
	long ret;

	if (!pt)
		return -ENOMEM;
	pt->n = 0;
	for (;;) {
		unsigned long flags = local_irq_save();
		ret = ask(ctx, timeout_ticks ? pt : NULL);
		if (ret || timeout_ticks == 0)
			goto out;
		if (signal_pending_current()) {
			ret = -EINTR;
			goto out;
		}
		if (timeout_ticks > 0 && (long)(jiffies - end) >= 0)
			goto out;
		sleep_on_current(timeout_ticks < 0 ? -1
						   : (long)(end - jiffies));
		poll_freewait(pt);
		local_irq_restore(flags);
		continue;
	out:
		poll_freewait(pt);
		local_irq_restore(flags);
		break;
	}
	kfree(pt);
	return ret;
}

struct poll_ctx {
	struct pollfd *fds;
	unsigned int nfds;
};

static int ask_poll(void *ctx, struct poll_table_struct *pt)
{
	struct poll_ctx *c = ctx;
	int ready = 0;

	for (unsigned int i = 0; i < c->nfds; i++) {
		struct pollfd *p = &c->fds[i];
		p->revents = p->fd < 0 ? 0 : poll_one(p->fd, p->events, pt);
		if (p->revents)
			ready++;
	}
	return ready;
}

static long ms_to_ticks(long ms)
{
	if (ms < 0)
		return -1;
	return timeout_to_ticks(ms / 1000, (ms % 1000) * 1000000);
}

/* poll with its timeout in ticks (-1: none) */
static long do_sys_poll(struct pollfd *ufds, unsigned int nfds, long ticks)
{
	struct poll_ctx c = { NULL, nfds };
	long ret;

	if (nfds > POLL_MAX_FDS)
		return -EINVAL;
	c.fds = kmalloc(nfds * sizeof(struct pollfd) + 1);
	if (!c.fds)
		return -ENOMEM;
	ret = -EFAULT;
	if (copy_from_user(c.fds, ufds, nfds * sizeof(struct pollfd)))
		goto out;
	ret = do_wait_ready(ask_poll, &c, ticks);
	if (ret >= 0 && copy_to_user(ufds, c.fds, nfds * sizeof(struct pollfd)))
		ret = -EFAULT;
out:
	kfree(c.fds);
	return ret;
}

long sys_poll(struct pollfd *ufds, unsigned int nfds, int timeout_ms)
{
	return do_sys_poll(ufds, nfds, ms_to_ticks(timeout_ms));
}

/* select: fd_set bitmaps of n bits, as Linux's sys_select (_newselect, 142) takes them. */
#define FDSET_LONGS (POLL_MAX_FDS / 32)
struct select_ctx {
	int n;
	unsigned long in[FDSET_LONGS], out[FDSET_LONGS], ex[FDSET_LONGS];
	unsigned long res_in[FDSET_LONGS], res_out[FDSET_LONGS],
		res_ex[FDSET_LONGS];
};

static int ask_select(void *ctx, struct poll_table_struct *pt)
{
	struct select_ctx *c = ctx;
	int ready = 0;

	memset(c->res_in, 0, sizeof(c->res_in));
	memset(c->res_out, 0, sizeof(c->res_out));
	memset(c->res_ex, 0, sizeof(c->res_ex));
	for (int fd = 0; fd < c->n; fd++) {
		unsigned long bit = 1UL << (fd % 32);
		int w = fd / 32;
		if (!((c->in[w] | c->out[w] | c->ex[w]) & bit))
			continue;
		unsigned int m = poll_one(fd,
					  POLLIN | POLLOUT | POLLPRI |
						  POLLRDNORM | POLLWRNORM,
					  pt);
		if (m & POLLNVAL)
			return -EBADF;
		if ((c->in[w] & bit) &&
		    (m & (POLLIN | POLLRDNORM | POLLHUP | POLLERR)))
			c->res_in[w] |= bit, ready++;
		if ((c->out[w] & bit) && (m & (POLLOUT | POLLWRNORM | POLLERR)))
			c->res_out[w] |= bit, ready++;
		if ((c->ex[w] & bit) && (m & POLLPRI))
			c->res_ex[w] |= bit, ready++;
	}
	return ready;
}

/* select with its timeout in ticks (-1: none); select and pselect6 share it */
static long do_select(int n, void *inp, void *outp, void *exp, long ticks)
{
	struct select_ctx *c;
	long ret;

	if (n < 0)
		return -EINVAL;
	if (n > POLL_MAX_FDS)
		n = POLL_MAX_FDS;
	c = kzalloc(sizeof(*c));
	if (!c)
		return -ENOMEM;
	size_t bytes = ALIGN_UP(n, 32) / 8;
	c->n = n;
	ret = -EFAULT;
	if ((inp && copy_from_user(c->in, inp, bytes)) ||
	    (outp && copy_from_user(c->out, outp, bytes)) ||
	    (exp && copy_from_user(c->ex, exp, bytes)))
		goto out;
	ret = do_wait_ready(ask_select, c, ticks);
	if (ret < 0)
		goto out;
	if ((inp && copy_to_user(inp, c->res_in, bytes)) ||
	    (outp && copy_to_user(outp, c->res_out, bytes)) ||
	    (exp && copy_to_user(exp, c->res_ex, bytes)))
		ret = -EFAULT;
out:
	kfree(c);
	return ret;
}

long sys_select(int n, void *inp, void *outp, void *exp, struct timeval *tvp)
{
	struct timeval tv;
	long ticks = -1;

	if (tvp) {
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		/* Linux takes microseconds past a second too */
		ticks = timeout_to_ticks((unsigned long long)tv.tv_sec +
						 tv.tv_usec / 1000000,
					 tv.tv_usec % 1000000 * 1000);
	}
	return do_select(n, inp, outp, exp, ticks);
}

/* The timeout of ppoll and pselect6, a timespec in either layout, read into
 * *ticks (-1: none, a NULL pointer); 0, -EFAULT or -EINVAL. */
static int timespec_ticks(long long sec, long long nsec, long *ticks)
{
	if (sec < 0 || nsec < 0 || nsec >= 1000000000LL)
		return -EINVAL;
	*ticks = timeout_to_ticks(sec, nsec);
	return 0;
}

static int get_timespec32_ticks(const struct timespec *tsp, long *ticks)
{
	struct timespec ts;

	*ticks = -1;
	if (!tsp)
		return 0;
	if (copy_from_user(&ts, tsp, sizeof(ts)))
		return -EFAULT;
	return timespec_ticks(ts.tv_sec, ts.tv_nsec, ticks);
}

static int get_timespec64_ticks(const struct __kernel_timespec *tsp,
				long *ticks)
{
	struct __kernel_timespec ts;

	*ticks = -1;
	if (!tsp)
		return 0;
	if (copy_from_user(&ts, tsp, sizeof(ts)))
		return -EFAULT;
	return timespec_ticks(ts.tv_sec, ts.tv_nsec, ticks);
}

/* The signal mask a program gives for the length of a wait: set now, and the old one
 * into *saved for the end of the wait. NULL: the mask stays. */
static int wait_sigmask(const unsigned long long *sigmask, size_t sigsetsize,
			unsigned long long *saved)
{
	unsigned long long mask;

	*saved = current->blocked;
	if (!sigmask)
		return 0;
	if (sigsetsize != 8)
		return -EINVAL;
	if (copy_from_user(&mask, sigmask, sizeof(mask)))
		return -EFAULT;
	set_current_blocked(mask);
	return 0;
}

/* ppoll(309) and its 64-bit-time twin (414): poll with a timespec timeout and a signal
 * mask for the wait (glibc's poll is ppoll on newer kernels). */
static long do_ppoll(struct pollfd *ufds, unsigned int nfds, long ticks,
		     const unsigned long long *sigmask, size_t sigsetsize)
{
	unsigned long long saved;
	long ret = wait_sigmask(sigmask, sigsetsize, &saved);

	if (ret)
		return ret;
	ret = do_sys_poll(ufds, nfds, ticks);
	current->blocked = saved;
	return ret;
}

long sys_ppoll(struct pollfd *ufds, unsigned int nfds,
	       const struct timespec *tsp, const unsigned long long *sigmask,
	       size_t sigsetsize)
{
	long ticks;
	int err = get_timespec32_ticks(tsp, &ticks);

	return err ? err : do_ppoll(ufds, nfds, ticks, sigmask, sigsetsize);
}

long sys_ppoll_time64(struct pollfd *ufds, unsigned int nfds,
		      const struct __kernel_timespec *tsp,
		      const unsigned long long *sigmask, size_t sigsetsize)
{
	long ticks;
	int err = get_timespec64_ticks(tsp, &ticks);

	return err ? err : do_ppoll(ufds, nfds, ticks, sigmask, sigsetsize);
}

/* pselect6(308) and its 64-bit-time twin (413), which glibc's select() uses: select with a
 * timespec, and a signal mask passed as { const sigset_t *ss; size_t ss_len; }. The time
 * left is not written back (Linux does; programs rarely look). */
static long do_pselect(int n, void *inp, void *outp, void *exp, long ticks,
		       const unsigned long *sigarg)
{
	unsigned long long saved = current->blocked;
	unsigned long sig[2] = { 0, 0 };
	long ret;

	if (sigarg && copy_from_user(sig, sigarg, sizeof(sig)))
		return -EFAULT;
	ret = wait_sigmask((const unsigned long long *)sig[0], sig[1], &saved);
	if (ret)
		return ret;
	ret = do_select(n, inp, outp, exp, ticks);
	current->blocked = saved;
	return ret;
}

long sys_pselect6(int n, void *inp, void *outp, void *exp,
		  const struct timespec *tsp, const unsigned long *sig)
{
	long ticks;
	int err = get_timespec32_ticks(tsp, &ticks);

	return err ? err : do_pselect(n, inp, outp, exp, ticks, sig);
}

long sys_pselect6_time64(int n, void *inp, void *outp, void *exp,
			 const struct __kernel_timespec *tsp,
			 const unsigned long *sig)
{
	long ticks;
	int err = get_timespec64_ticks(tsp, &ticks);

	return err ? err : do_pselect(n, inp, outp, exp, ticks, sig);
}
