/* What a file is: the stat family (stat/fstat with the old struct stat, stat64/lstat64/
 * fstat64/fstatat64 with struct stat64, statx, which glibc tries first), access and
 * readlink (Linux's fs/stat.c). All of them describe an inode the same way. */
#include <menuos/fs.h>
#include <menuos/sched.h>
#include <menuos/syscalls.h>
#include <menuos/uaccess.h>

#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_EMPTY_PATH	    0x1000

static int fill_stat(struct inode *inode, struct stat *ust)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_dev = 1;
	st.st_ino = inode->i_ino;
	st.st_mode = inode->i_mode;
	st.st_nlink = 1;
	st.st_rdev = inode->i_rdev;
	st.st_size = inode->i_size;
	st.st_blksize = 4096;
	st.st_blocks = ALIGN_UP(inode->i_size, 512) / 512;
	st.st_atime = st.st_mtime = st.st_ctime = inode->i_mtime;
	return copy_to_user(ust, &st, sizeof(st));
}

static int fill_stat64(struct inode *inode, struct stat64 *ust)
{
	struct stat64 st;

	memset(&st, 0, sizeof(st));
	st.st_dev = 1;
	st.__st_ino = st.st_ino = inode->i_ino;
	st.st_mode = inode->i_mode;
	st.st_nlink = 1;
	st.st_rdev = inode->i_rdev;
	st.st_size = inode->i_size;
	st.st_blksize = 4096;
	st.st_blocks = ALIGN_UP(inode->i_size, 512) / 512;
	st.st_atime = st.st_mtime = st.st_ctime = inode->i_mtime;
	return copy_to_user(ust, &st, sizeof(st));
}

static int fill_statx(struct inode *inode, struct statx *ust)
{
	struct statx st;

	memset(&st, 0, sizeof(st));
	st.stx_mask = STATX_BASIC_STATS;
	st.stx_blksize = 4096;
	st.stx_nlink = 1;
	st.stx_mode = inode->i_mode;
	st.stx_ino = inode->i_ino;
	st.stx_size = inode->i_size;
	st.stx_blocks = ALIGN_UP(inode->i_size, 512) / 512;
	st.stx_atime.tv_sec = st.stx_ctime.tv_sec = st.stx_mtime.tv_sec =
		inode->i_mtime;
	st.stx_rdev_major = inode->i_rdev >> 8;
	st.stx_rdev_minor = inode->i_rdev & 0xff;
	st.stx_dev_minor = 1;
	return copy_to_user(ust, &st, sizeof(st));
}

/* The inode that (dirfd, path, flags) names, as the *at() calls do: with AT_EMPTY_PATH
 * and "", the file dirfd itself (how glibc's fstat asks); otherwise the path, a relative
 * one from dirfd's directory (or the cwd for AT_FDCWD). The caller iputs the result. */
static struct inode *at_inode(int dirfd, const char *upath, int flags)
{
	char c;

	if (flags & AT_EMPTY_PATH) {
		if (get_user(c, upath))
			return ERR_PTR(-EFAULT);
		if (!c) {
			struct file *f = fget(dirfd);
			if (!f)
				return ERR_PTR(-EBADF);
			struct inode *inode = f->f_inode;
			iget(inode);
			fput(f);
			return inode;
		}
	}
	/* no symlinks in MenuOS: AT_SYMLINK_NOFOLLOW changes nothing */
	return user_path_at(dirfd, upath);
}

long sys_stat(const char *filename, struct stat *st)
{
	struct inode *inode = user_path(filename);

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	int err = fill_stat(inode, st);
	iput(inode);
	return err;
}

long sys_fstat(unsigned int fd, struct stat *st)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	int err = fill_stat(f->f_inode, st);
	fput(f);
	return err;
}

long sys_stat64(const char *filename, struct stat64 *st)
{
	struct inode *inode = user_path(filename);

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	int err = fill_stat64(inode, st);
	iput(inode);
	return err;
}

long sys_fstat64(unsigned int fd, struct stat64 *st)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	int err = fill_stat64(f->f_inode, st);
	fput(f);
	return err;
}

long sys_fstatat64(int dirfd, const char *filename, struct stat64 *st,
		   int flags)
{
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	struct inode *inode = at_inode(dirfd, filename, flags);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	int err = fill_stat64(inode, st);
	iput(inode);
	return err;
}

long sys_statx(int dirfd, const char *filename, unsigned int flags,
	       unsigned int mask, struct statx *buf)
{
	(void)mask; /* everything basic is always filled in */
	struct inode *inode = at_inode(dirfd, filename, flags);
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	int err = fill_statx(inode, buf);
	iput(inode);
	return err;
}

/* Everyone is root and nothing is executable but what is: only existence is checked,
 * and X_OK wants an x bit. */
static long do_faccessat(int dirfd, const char *filename, int mode)
{
	struct inode *inode = user_path_at(dirfd, filename);

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	int err = (mode & 1) && !(inode->i_mode & 0111) ? -EACCES : 0;
	iput(inode);
	return err;
}

long sys_access(const char *filename, int mode)
{
	return do_faccessat(AT_FDCWD, filename, mode);
}

/* MenuOS has no symbolic links: a file that exists is not one (-EINVAL, as Linux). */
static long do_readlinkat(int dirfd, const char *path, char *buf, int bufsiz)
{
	struct inode *inode = user_path_at(dirfd, path);

	(void)buf, (void)bufsiz;
	if (IS_ERR(inode))
		return PTR_ERR(inode);
	iput(inode);
	return -EINVAL;
}

long sys_readlink(const char *path, char *buf, int bufsiz)
{
	return do_readlinkat(AT_FDCWD, path, buf, bufsiz);
}

/* The *at() calls glibc makes instead of the old ones: a relative path from dirfd's
 * directory (AT_FDCWD: the cwd), an absolute one as it is. */
long sys_openat(int dirfd, const char *filename, int flags, int mode)
{
	return do_sys_open(dirfd, filename, flags, mode);
}

long sys_unlinkat(int dirfd, const char *pathname, int flags)
{
	if (flags & ~0x200) /* AT_REMOVEDIR: a directory never goes in MenuOS */
		return -EINVAL;
	return flags ? -EROFS : do_unlinkat(dirfd, pathname);
}

long sys_faccessat(int dirfd, const char *pathname, int mode)
{
	return do_faccessat(dirfd, pathname, mode);
}

long sys_readlinkat(int dirfd, const char *pathname, char *buf, int bufsiz)
{
	return do_readlinkat(dirfd, pathname, buf, bufsiz);
}
