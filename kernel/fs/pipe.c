/* pipe(2): a 4 KiB ring buffer shared by a read end and a write end. Readers sleep while it
 * is empty and a writer exists; writers sleep while it is full and a reader exists; writing
 * with no reader left is EPIPE plus SIGPIPE, reading with no writer left is end of file. */
#include <menuos/fs.h>
#include <menuos/io.h>
#include <menuos/poll.h>
#include <menuos/sched.h>
#include <menuos/signal.h>
#include <menuos/syscalls.h>
#include <menuos/uaccess.h>

#define PIPE_SIZE 4096

struct pipe_inode_info {
	char buf[PIPE_SIZE];
	unsigned int head, tail; /* bytes written, bytes read (free-running) */
	int readers, writers;
	struct wait_queue_head wait;
};

static ssize_t pipe_read(struct file *f, char *ubuf, size_t count)
{
	struct pipe_inode_info *pipe = f->f_inode->i_private;
	char kbuf[256];
	size_t done = 0;

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
	while (done < count && pipe->head != pipe->tail) {
		size_t n = 0;
		while (n < sizeof(kbuf) && done + n < count &&
		       pipe->head != pipe->tail)
			kbuf[n++] = pipe->buf[pipe->tail++ % PIPE_SIZE];
		if (copy_to_user(ubuf + done, kbuf, n))
			return done ? (ssize_t)done : -EFAULT;
		done += n;
	}
	wake_up(&pipe->wait);
	return done;
}

static ssize_t pipe_write(struct file *f, const char *ubuf, size_t count)
{
	struct pipe_inode_info *pipe = f->f_inode->i_private;
	char kbuf[256];
	size_t done = 0;

	while (done < count) {
		if (!pipe->readers) {
			send_sig(SIGPIPE, current);
			return done ? (ssize_t)done : -EPIPE;
		}
		if (pipe->head - pipe->tail == PIPE_SIZE) {
			if (f->f_flags & O_NONBLOCK)
				return done ? (ssize_t)done : -EAGAIN;
			int err = wait_event_interruptible(
				pipe->wait,
				pipe->head - pipe->tail < PIPE_SIZE ||
					!pipe->readers);
			if (err)
				return done ? (ssize_t)done : err;
			continue;
		}
		size_t n = min(
			count - done,
			min(sizeof(kbuf),
			    (size_t)(PIPE_SIZE - (pipe->head - pipe->tail))));
		if (copy_from_user(kbuf, ubuf + done, n))
			return done ? (ssize_t)done : -EFAULT;
		for (size_t i = 0; i < n; i++)
			pipe->buf[pipe->head++ % PIPE_SIZE] = kbuf[i];
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
	pipe = kzalloc(sizeof(*pipe));
	if (!pipe)
		goto out_iput;
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
