/* /dev/null and /dev/zero. */
#include <menuos/fs.h>
#include <menuos/uaccess.h>

static ssize_t null_read(struct file *f, char *ubuf, size_t count)
{
	(void)f, (void)ubuf, (void)count;
	return 0;
}

static ssize_t null_write(struct file *f, const char *ubuf, size_t count)
{
	(void)f, (void)ubuf;
	return count;
}

static ssize_t zero_read(struct file *f, char *ubuf, size_t count)
{
	static const char zeros[256];
	size_t done = 0;

	(void)f;
	while (done < count) {
		size_t n = min(count - done, sizeof(zeros));
		if (copy_to_user(ubuf + done, zeros, n))
			return done ? (ssize_t)done : -EFAULT;
		done += n;
	}
	return done;
}

static const struct file_operations null_fops = { .read = null_read,
						  .write = null_write };
static const struct file_operations zero_fops = { .read = zero_read,
						  .write = null_write };

void mem_devices_init(void)
{
	ramfs_mknod("/dev/null", S_IFCHR | 0666, &null_fops, NULL)->i_rdev =
		(1 << 8) | 3;
	ramfs_mknod("/dev/zero", S_IFCHR | 0666, &zero_fops, NULL)->i_rdev =
		(1 << 8) | 5;
}
