/* Path lookup: from the root, or for a relative path from the cwd (or the directory an
 * *at() call's dirfd names), one component at a time. */
#include <menuos/fs.h>
#include <menuos/sched.h>
#include <menuos/syscalls.h>
#include <menuos/uaccess.h>

struct inode *namei_at(struct inode *base, const char *path)
{
	struct inode *inode = *path == '/'   ? root_inode
			      : base	     ? base
			      : current->cwd ? current->cwd
					     : root_inode;

	while (*path) {
		while (*path == '/')
			path++;
		if (!*path)
			break;
		const char *end = path;
		while (*end && *end != '/')
			end++;
		size_t len = end - path;
		if (len > NAME_MAX)
			return ERR_PTR(-ENAMETOOLONG);
		if (!S_ISDIR(inode->i_mode))
			return ERR_PTR(-ENOTDIR);
		if (len == 1 && path[0] == '.')
			;
		else if (len == 2 && path[0] == '.' && path[1] == '.')
			inode = inode->i_parent ? inode->i_parent : inode;
		else
			inode = ramfs_lookup(inode, path, len);
		if (!inode)
			return ERR_PTR(-ENOENT);
		path = end;
	}
	iget(inode);
	return inode;
}

struct inode *namei(const char *path)
{
	return namei_at(NULL, path);
}

/* The directory an *at() call's dirfd names (a reference the caller iputs), NULL for
 * AT_FDCWD, or an error: -EBADF, or -ENOTDIR for a file that is not a directory. */
static struct inode *at_base(int dirfd)
{
	struct file *f;
	struct inode *inode;

	if (dirfd == AT_FDCWD)
		return NULL;
	f = fget(dirfd);
	if (!f)
		return ERR_PTR(-EBADF);
	inode = f->f_inode;
	iget(inode);
	fput(f);
	if (!S_ISDIR(inode->i_mode)) {
		iput(inode);
		return ERR_PTR(-ENOTDIR);
	}
	return inode;
}

/* A path from user space, looked up (from dirfd's directory if it is relative); the
 * caller iputs the result. */
struct inode *user_path_at(int dirfd, const char *upath)
{
	char path[PATH_MAX];
	long n = strncpy_from_user(path, upath, sizeof(path));
	struct inode *base, *inode;

	if (n < 0)
		return ERR_PTR(n);
	if (n == 0)
		return ERR_PTR(-ENOENT);
	base = path[0] == '/'
		       ? NULL
		       : at_base(dirfd); /* an absolute path ignores it */
	if (IS_ERR(base))
		return base;
	inode = namei_at(base, path);
	if (base)
		iput(base);
	return inode;
}

struct inode *user_path(const char *upath)
{
	return user_path_at(AT_FDCWD, upath);
}

long sys_chdir(const char *upath)
{
	struct inode *inode = user_path(upath);

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	if (!S_ISDIR(inode->i_mode)) {
		iput(inode);
		return -ENOTDIR;
	}
	iput(current->cwd);
	current->cwd = inode;
	return 0;
}

long sys_getcwd(char *ubuf, unsigned long size)
{
	char path[PATH_MAX];
	size_t pos = sizeof(path) - 1;

	path[pos] = 0;
	for (struct inode *i = current->cwd; i && i->i_parent;
	     i = i->i_parent) {
		size_t len = strlen(i->i_name);
		if (pos < len + 1)
			return -ENAMETOOLONG;
		pos -= len;
		memcpy(path + pos, i->i_name, len);
		path[--pos] = '/';
	}
	if (path[pos] == 0)
		path[--pos] = '/';
	size_t len = sizeof(path) - pos;
	if (len > size)
		return -ERANGE;
	if (copy_to_user(ubuf, path + pos, len))
		return -EFAULT;
	return len;
}

/* Splits a path into its directory (looked up, a reference the caller iputs) and its
 * last component (copied into last). */
struct inode *lookup_parent_at(struct inode *base, const char *kpath,
			       char *last, size_t size)
{
	char path[PATH_MAX];
	long n = strlcpy(path, kpath, sizeof(path));

	if (n >= (long)sizeof(path))
		return ERR_PTR(-ENAMETOOLONG);
	while (n > 1 && path[n - 1] == '/')
		path[--n] = 0;
	char *slash = NULL;
	for (char *p = path; *p; p++)
		if (*p == '/')
			slash = p;
	const char *name = slash ? slash + 1 : path;
	if (!*name || strlen(name) >= size)
		return ERR_PTR(!*name ? -ENOENT : -ENAMETOOLONG);
	strlcpy(last, name, size);
	if (!slash)
		return namei_at(base, ".");
	if (slash == path)
		return namei("/");
	*slash = 0;
	return namei_at(base, path);
}

struct inode *lookup_parent(const char *kpath, char *last, size_t size)
{
	return lookup_parent_at(NULL, kpath, last, size);
}

/* unlink(2): in MenuOS's read-only tree only socket files (AF_UNIX bind) can go. */
long do_unlinkat(int dirfd, const char *upath)
{
	char path[PATH_MAX], last[NAME_MAX + 1];
	long n = strncpy_from_user(path, upath, sizeof(path));
	struct inode *base;

	if (n < 0)
		return n;
	base = path[0] == '/' ? NULL : at_base(dirfd);
	if (IS_ERR(base))
		return PTR_ERR(base);
	struct inode *dir = lookup_parent_at(base, path, last, sizeof(last));
	if (base)
		iput(base);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	long err = -ENOENT;
	struct inode *inode = S_ISDIR(dir->i_mode)
				      ? ramfs_lookup(dir, last, strlen(last))
				      : NULL;
	if (!S_ISDIR(dir->i_mode))
		err = -ENOTDIR;
	else if (inode && S_ISDIR(inode->i_mode))
		err = -EISDIR;
	else if (inode && !S_ISSOCK(inode->i_mode))
		err = -EROFS;
	else if (inode) {
		ramfs_remove(dir, inode);
		err = 0;
	}
	iput(dir);
	return err;
}

long sys_unlink(const char *upath)
{
	return do_unlinkat(AT_FDCWD, upath);
}
