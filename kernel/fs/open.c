/* open, close, dup, dup2, dup3, fcntl: the fd-table syscalls. */
#include <menuos/fs.h>
#include <menuos/sched.h>
#include <menuos/syscalls.h>
#include <menuos/uaccess.h>

/* Opens an inode as a new struct file (no fd yet). */
static struct file *dentry_open(struct inode *inode, unsigned int flags)
{
	unsigned int acc = flags & O_ACCMODE;

	if (S_ISDIR(inode->i_mode) && acc != O_RDONLY)
		return ERR_PTR(-EISDIR);
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return ERR_PTR(-ENOTDIR);
	/* the initrd is read-only; a few special files (tracefs) take writes */
	if (S_ISREG(inode->i_mode) && (acc != O_RDONLY || (flags & O_TRUNC)) &&
	    !(inode->i_fop && inode->i_fop->write))
		return ERR_PTR(-EROFS);
	struct file *f = alloc_file(
		inode, flags & ~(O_CREAT | O_EXCL | O_TRUNC), inode->i_fop);
	if (!f)
		return ERR_PTR(-ENOMEM);
	iget(inode);
	if (f->f_op && f->f_op->open) {
		int err = f->f_op->open(inode, f);
		if (err) {
			fput(f);
			return ERR_PTR(err);
		}
	}
	return f;
}

struct file *filp_open(const char *path, unsigned int flags)
{
	struct inode *inode = namei(path);

	if (IS_ERR(inode))
		return (struct file *)inode;
	struct file *f = dentry_open(inode, flags);
	iput(inode);
	return f;
}

/* open and openat: a relative name from the cwd, or from dirfd's directory */
long do_sys_open(int dirfd, const char *filename, int flags, int mode)
{
	struct inode *inode = user_path_at(dirfd, filename);
	struct file *f;
	int fd;

	(void)mode;
	if (IS_ERR(inode)) {
		if (PTR_ERR(inode) == -ENOENT && (flags & O_CREAT))
			return -EROFS;
		return PTR_ERR(inode);
	}
	if ((flags & O_CREAT) && (flags & O_EXCL)) {
		iput(inode);
		return -EEXIST;
	}
	fd = get_unused_fd_flags(flags);
	if (fd < 0) {
		iput(inode);
		return fd;
	}
	f = dentry_open(inode, flags);
	iput(inode);
	if (IS_ERR(f)) {
		put_unused_fd(fd);
		return PTR_ERR(f);
	}
	fd_install(fd, f);
	return fd;
}

long sys_open(const char *filename, int flags, int mode)
{
	return do_sys_open(AT_FDCWD, filename, flags, mode);
}

long sys_close(unsigned int fd)
{
	return close_fd(fd);
}

static long do_dup(struct file *f, unsigned int flags)
{
	int fd = get_unused_fd_flags(flags);

	if (fd < 0) {
		fput(f);
		return fd;
	}
	fd_install(fd, f);
	return fd;
}

long sys_dup(unsigned int fd)
{
	struct file *f = fget(fd);

	return f ? do_dup(f, 0) : -EBADF;
}

long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (newfd >= NR_OPEN)
		return -EBADF;
	struct file *f = fget(oldfd);
	if (!f)
		return -EBADF;
	close_fd(newfd);
	if (current->files
		    ->fd[newfd]) { /* reserved by an open in flight: not here */
		fput(f);
		return -EBUSY;
	}
	fd_install(newfd, f);
	if (flags & O_CLOEXEC)
		current->files->close_on_exec |= 1ULL << newfd;
	else
		current->files->close_on_exec &= ~(1ULL << newfd);
	return newfd;
}

long sys_dup2(unsigned int oldfd, unsigned int newfd)
{
	if (oldfd == newfd) {
		struct file *f = fget(oldfd);
		if (!f)
			return -EBADF;
		fput(f);
		return newfd;
	}
	return sys_dup3(oldfd, newfd, 0);
}

#define F_DUPFD_CLOEXEC 1030

long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);
	long ret = -EINVAL;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC: {
		/* the lowest free fd >= arg */
		if (arg >= NR_OPEN)
			break;
		ret = -EMFILE;
		for (unsigned int i = arg; i < NR_OPEN; i++) {
			if (!current->files->fd[i]) {
				fd_install(i, get_file(f));
				if (cmd == F_DUPFD_CLOEXEC)
					current->files->close_on_exec |= 1ULL
									 << i;
				else
					current->files->close_on_exec &=
						~(1ULL << i);
				ret = i;
				break;
			}
		}
		break;
	}
	case F_GETFD:
		ret = (current->files->close_on_exec >> fd) & 1 ? FD_CLOEXEC
								: 0;
		break;
	case F_SETFD:
		if (arg & FD_CLOEXEC)
			current->files->close_on_exec |= 1ULL << fd;
		else
			current->files->close_on_exec &= ~(1ULL << fd);
		ret = 0;
		break;
	case F_GETFL:
		ret = f->f_flags;
		break;
	case F_SETFL:
		f->f_flags = (f->f_flags & ~(O_NONBLOCK | O_APPEND)) |
			     (arg & (O_NONBLOCK | O_APPEND));
		ret = 0;
		break;
	}
	fput(f);
	return ret;
}
