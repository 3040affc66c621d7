/* read, write, readv, writev, lseek, getdents64, ioctl: each finds the struct file behind
 * the fd and hands the call to its file_operations (a tty, a pipe, a ramfs file, ...). */
#include <menuos/fs.h>
#include <menuos/sched.h>
#include <menuos/syscalls.h>
#include <menuos/uaccess.h>
#include <asm/ioctls.h>

struct iovec_k {
	void *base;
	size_t len;
};

long sys_read(unsigned int fd, char *buf, size_t count)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	if ((f->f_flags & O_ACCMODE) == O_WRONLY)
		ret = -EBADF;
	else if (S_ISDIR(f->f_inode->i_mode))
		ret = -EISDIR;
	else if (!f->f_op || !f->f_op->read)
		ret = -EINVAL;
	else if ((long)count < 0)
		ret = -EINVAL;
	else if (!access_ok(buf, count, 1))
		ret = -EFAULT;
	else
		ret = count ? f->f_op->read(f, buf, count) : 0;
	fput(f);
	return ret;
}

long sys_write(unsigned int fd, const char *buf, size_t count)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	if ((f->f_flags & O_ACCMODE) == O_RDONLY)
		ret = -EBADF;
	else if (!f->f_op || !f->f_op->write)
		ret = -EINVAL;
	else if ((long)count < 0)
		ret = -EINVAL;
	else if (!access_ok(buf, count, 0))
		ret = -EFAULT;
	else
		ret = count ? f->f_op->write(f, buf, count) : 0;
	fput(f);
	return ret;
}

static long do_iov(unsigned int fd, const void *uiov, int iovcnt, int writing)
{
	long total = 0;

	if (iovcnt < 0 || iovcnt > 1024)
		return -EINVAL;
	for (int i = 0; i < iovcnt; i++) {
		struct iovec_k iov;
		if (copy_from_user(&iov, (const struct iovec_k *)uiov + i,
				   sizeof(iov)))
			return total ? total : -EFAULT;
		if (!iov.len)
			continue;
		long n = writing ? sys_write(fd, iov.base, iov.len)
				 : sys_read(fd, iov.base, iov.len);
		if (n < 0)
			return total ? total : n;
		total += n;
		if ((size_t)n < iov.len)
			break;
	}
	return total;
}

long sys_readv(unsigned int fd, const void *iov, int iovcnt)
{
	return do_iov(fd, iov, iovcnt, 0);
}

long sys_writev(unsigned int fd, const void *iov, int iovcnt)
{
	return do_iov(fd, iov, iovcnt, 1);
}

long sys_lseek(unsigned int fd, long offset, unsigned int whence)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	long ret = f->f_op && f->f_op->llseek
			   ? f->f_op->llseek(f, offset, whence)
			   : -ESPIPE;
	fput(f);
	return ret;
}

/* _llseek(140): lseek with a 64-bit offset and result, which glibc's fseek uses on i386. */
long sys_llseek(unsigned int fd, unsigned long offset_high,
		unsigned long offset_low, long long *result,
		unsigned int whence)
{
	/* shifted unsigned: a high word with its top bit set must not be a signed overflow */
	long long offset = (long long)(((unsigned long long)offset_high << 32) |
				       offset_low);

	if (offset != (long)offset)
		return -EOVERFLOW; /* MenuOS's files are far smaller than 2 GiB */
	long ret = sys_lseek(fd, (long)offset, whence);
	if (ret < 0)
		return ret;
	long long pos = ret;
	return copy_to_user(result, &pos, sizeof(pos)) ? -EFAULT : 0;
}

long sys_getdents64(unsigned int fd, void *dirent, unsigned int count)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	long ret = f->f_op && f->f_op->iterate
			   ? f->f_op->iterate(f, dirent, count)
			   : -ENOTDIR;
	fput(f);
	return ret;
}

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case FIOCLEX:
		current->files->close_on_exec |= 1ULL << fd;
		ret = 0;
		break;
	case FIONCLEX:
		current->files->close_on_exec &= ~(1ULL << fd);
		ret = 0;
		break;
	case FIONBIO: {
		int on;
		ret = get_user(on, (int *)arg);
		if (!ret)
			f->f_flags = on ? f->f_flags | O_NONBLOCK
					: f->f_flags & ~O_NONBLOCK;
		break;
	}
	default:
		ret = f->f_op && f->f_op->ioctl ? f->f_op->ioctl(f, cmd, arg)
						: -ENOTTY;
	}
	fput(f);
	return ret;
}
