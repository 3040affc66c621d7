/* pipe(2): a 64 KiB ring buffer (Linux's default size) shared by a read end and a write
 * end. Readers sleep while it is empty and a writer exists; writers sleep while it is full
 * and a reader exists, and a write of up to PIPE_BUF bytes waits for room for all of it, so
 * it is never interleaved with another's; writing with no reader left is EPIPE plus
 * SIGPIPE, reading with no writer left is end of file. Bytes go between the ring and the
 * user's buffer directly, in at most two pieces (the ring wraps). */
#include <menuos/fs.h>
#include <menuos/io.h>
#include <menuos/poll.h>
#include <menuos/sched.h>
#include <menuos/signal.h>
#include <menuos/syscalls.h>
#include <menuos/uaccess.h>

#define PIPE_SIZE 65536
#define PIPE_BUF  4096 /* writes this small are atomic (POSIX) */

struct pipe_inode_info {
	unsigned int head, tail; /* bytes written, bytes read (free-running) */
	int readers, writers;
	struct wait_queue_head wait;
	char buf[PIPE_SIZE]; /* last: only what is above it is cleared */
};

/* n bytes of the ring from position pos to the user, or from the user to the ring */
static int ring_to_user(struct pipe_inode_info *pipe, unsigned int pos,
			char *ubuf, size_t n)
{
	size_t at = pos % PIPE_SIZE, first = min(n, PIPE_SIZE - at);

	return copy_to_user(ubuf, pipe->buf + at, first) ||
	       copy_to_user(ubuf + first, pipe->buf, n - first);
}

static int user_to_ring(struct pipe_inode_info *pipe, unsigned int pos,
			const char *ubuf, size_t n)
{
	size_t at = pos % PIPE_SIZE, first = min(n, PIPE_SIZE - at);

	return copy_from_user(pipe->buf + at, ubuf, first) ||
	       copy_from_user(pipe->buf, ubuf + first, n - first);
}

static ssize_t pipe_read(struct file *f, char *ubuf, size_t count)
{
	struct pipe_inode_info *pipe = f->f_inode->i_private;
	size_t n;

	if (!count)
		return 0;
	while (pipe->head == pipe->tail) {
		if (!pipe->writers)
			return 0;
		if (f->f_flags & O_NONBLOCK)
			return -EAGAIN;
		int err = wait_event_interruptible(
			pipe->wait, pipe->head != pipe->tail || !pipe->writers);
		if (err)
			return err;
	}
	n = min(count, (size_t)(pipe->head - pipe->tail));
	if (ring_to_user(pipe, pipe->tail, ubuf, n))
		return -EFAULT;
	pipe->tail += n;
	wake_up(&pipe->wait);
	return n;
}

static ssize_t pipe_write(struct file *f, const char *ubuf, size_t count)
{
	struct pipe_inode_info *pipe = f->f_inode->i_private;
	size_t done = 0;

	while (done < count) {
		size_t space = PIPE_SIZE - (pipe->head - pipe->tail);
		/* all of a small write at once, or nothing yet */
		size_t need = count <= PIPE_BUF ? count : 1;
		if (!pipe->readers) {
			send_sig(SIGPIPE, current);
			return done ? (ssize_t)done : -EPIPE;
		}
		if (space < need) {
			if (f->f_flags & O_NONBLOCK)
				return done ? (ssize_t)done : -EAGAIN;
			int err = wait_event_interruptible(
				pipe->wait,
				PIPE_SIZE - (pipe->head - pipe->tail) >= need ||
					!pipe->readers);
			if (err)
				return done ? (ssize_t)done : err;
			continue;
		}
		size_t n = min(count - done, space);
		if (user_to_ring(pipe, pipe->head, ubuf + done, n))
			return done ? (ssize_t)done : -EFAULT;
		pipe->head += n;
		done += n;
		wake_up(&pipe->wait);
	}
	return done;
}

static unsigned int pipe_poll(struct file *f, struct poll_table_struct *pt)
{
	struct pipe_inode_info *pipe = f->f_inode->i_private;
	unsigned int mask = 0;

	poll_wait(f, &pipe->wait, pt);
	if ((f->f_flags & O_ACCMODE) == O_RDONLY) {
		if (pipe->head != pipe->tail)
			mask |= POLLIN | POLLRDNORM;
		if (!pipe->writers)
			mask |= POLLHUP;
	} else {
		if (pipe->head - pipe->tail < PIPE_SIZE)
			mask |= POLLOUT | POLLWRNORM;
		if (!pipe->readers)
			mask |= POLLERR;
	}
	return mask;
}

static int pipe_release(struct inode *inode, struct file *f)
{
	struct pipe_inode_info *pipe = inode->i_private;

	if ((f->f_flags & O_ACCMODE) == O_RDONLY)
		pipe->readers--;
	else
		pipe->writers--;
	wake_up(&pipe->wait);
	if (!pipe->readers && !pipe->writers) {
		kfree(pipe);
		inode->i_private = NULL;
	}
	return 0;
}

static const struct file_operations pipe_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.release = pipe_release,
};

long sys_pipe2(int *ufds, int flags)
{
	struct inode *inode;
	struct pipe_inode_info *pipe;
	struct file *rf, *wf;
	int fds[2], err = -ENFILE;

	if (flags & ~(O_NONBLOCK | O_CLOEXEC))
		return -EINVAL;
	inode = new_inode();
	if (!inode)
		return -ENFILE;
	pipe = kmalloc(sizeof(*pipe));
	if (!pipe)
		goto out_iput;
	memset(pipe, 0, offsetof(struct pipe_inode_info, buf));
	inode->i_mode = S_IFIFO | 0600;
	inode->i_private = pipe;
	rf = alloc_file(inode, O_RDONLY | (flags & O_NONBLOCK), &pipe_fops);
	if (!rf)
		goto out_free_pipe;
	iget(inode);
	pipe->readers = 1;
	wf = alloc_file(inode, O_WRONLY | (flags & O_NONBLOCK), &pipe_fops);
	if (!wf)
		goto out_fput_read;
	iget(inode);
	pipe->writers = 1;
	iput(inode); /* the files hold it now */

	fds[0] = get_unused_fd_flags(flags);
	if (fds[0] < 0) {
		err = fds[0];
		goto out_fput_both;
	}
	fds[1] = get_unused_fd_flags(flags);
	if (fds[1] < 0) {
		err = fds[1];
		put_unused_fd(fds[0]);
		goto out_fput_both;
	}
	if (copy_to_user(ufds, fds, sizeof(fds))) {
		put_unused_fd(fds[0]);
		put_unused_fd(fds[1]);
		err = -EFAULT;
		goto out_fput_both;
	}
	fd_install(fds[0], rf);
	fd_install(fds[1], wf);
	return 0;

out_fput_both:
	fput(wf);
	fput(rf);
	return err;
out_fput_read:
	fput(rf); /* frees the pipe through pipe_release */
	iput(inode);
	return -ENFILE;
out_free_pipe:
	kfree(pipe);
out_iput:
	iput(inode);
	return err;
}

long sys_pipe(int *ufds)
{
	return sys_pipe2(ufds, 0);
}
