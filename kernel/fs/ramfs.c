/* The root filesystem: a read-only tree in memory, filled at boot from the initrd (a cpio
 * "newc" archive linked into the kernel, see tools/mkinitrd.py), plus device nodes in /dev.
 * File contents stay where the archive put them; execve maps them from there. */
#include <menuos/fs.h>
#include <menuos/sched.h>
#include <menuos/uaccess.h>
#include <linux/dirent.h>

struct inode *root_inode;
extern const char initrd_start[], initrd_end[];

static ssize_t ramfs_read(struct file *f, char *ubuf, size_t count)
{
	struct inode *inode = f->f_inode;

	if (f->f_pos >= (off_t)inode->i_size)
		return 0;
	count = min(count, inode->i_size - f->f_pos);
	if (copy_to_user(ubuf, (const char *)inode->i_private + f->f_pos,
			 count))
		return -EFAULT;
	f->f_pos += count;
	return count;
}

off_t generic_file_llseek(struct file *f, off_t offset, int whence)
{
	off_t pos;

	switch (whence) {
	case 0: /* SEEK_SET */
		pos = offset;
		break;
	case 1: /* SEEK_CUR */
		pos = f->f_pos + offset;
		break;
	case 2: /* SEEK_END */
		pos = f->f_inode->i_size + offset;
		break;
	default:
		return -EINVAL;
	}
	if (pos < 0)
		return -EINVAL;
	f->f_pos = pos;
	return pos;
}

/* getdents64: f_pos counts the entries already returned (".", "..", then children). */
static int ramfs_iterate(struct file *f, char *ubuf, size_t count)
{
	struct inode *dir = f->f_inode, *child = dir->i_child;
	size_t used = 0;
	off_t index = 0;

	for (;; index++) {
		const char *name;
		struct inode *inode;
		if (index == 0)
			name = ".", inode = dir;
		else if (index == 1)
			name = "..",
			inode = dir->i_parent ? dir->i_parent : dir;
		else if (child)
			name = child->i_name, inode = child,
			child = child->i_sibling;
		else
			break;
		if (index < f->f_pos)
			continue;
		size_t len = strlen(name);
		size_t reclen = ALIGN_UP(
			offsetof(struct linux_dirent64, d_name) + len + 1, 8);
		if (used + reclen > count)
			break;
		char rec[sizeof(struct linux_dirent64) + NAME_MAX + 8];
		struct linux_dirent64 *d = (struct linux_dirent64 *)rec;
		memset(rec, 0, reclen);
		d->d_ino = inode->i_ino;
		d->d_off = index + 1;
		d->d_reclen = reclen;
		d->d_type = S_ISDIR(inode->i_mode)   ? DT_DIR
			    : S_ISCHR(inode->i_mode) ? DT_CHR
						     : DT_REG;
		memcpy(d->d_name, name, len + 1);
		if (copy_to_user(ubuf + used, rec, reclen))
			return -EFAULT;
		used += reclen;
		f->f_pos = index + 1;
	}
	if (used == 0 && (child || index < 2))
		return -EINVAL; /* buffer too small for the next entry */
	return used;
}

static const struct file_operations ramfs_file_ops = {
	.read = ramfs_read,
	.llseek = generic_file_llseek,
};

static const struct file_operations ramfs_dir_ops = {
	.llseek = generic_file_llseek,
	.iterate = ramfs_iterate,
};

static struct inode *ramfs_new(struct inode *dir, const char *name, size_t len,
			       unsigned short mode)
{
	struct inode *inode = new_inode();

	if (!inode)
		panic("ramfs: out of memory");
	memcpy(inode->i_name, name, min(len, (size_t)NAME_MAX));
	inode->i_mode = mode;
	inode->i_fop = S_ISDIR(mode) ? &ramfs_dir_ops : &ramfs_file_ops;
	inode->i_parent = dir;
	if (dir) { /* keep children sorted by name, so ls is stable */
		struct inode **p = &dir->i_child;
		while (*p && strcmp((*p)->i_name, inode->i_name) < 0)
			p = &(*p)->i_sibling;
		inode->i_sibling = *p;
		*p = inode;
	}
	return inode;
}

struct inode *ramfs_lookup(struct inode *dir, const char *name, size_t len)
{
	for (struct inode *c = dir->i_child; c; c = c->i_sibling)
		if (strlen(c->i_name) == len && !memcmp(c->i_name, name, len))
			return c;
	return NULL;
}

/* Creates the path's missing directories and returns its last component's parent. */
static struct inode *make_parents(const char *path, const char **last)
{
	struct inode *dir = root_inode;

	while (*path == '/')
		path++;
	for (;;) {
		const char *slash = strchr(path, '/');
		if (!slash)
			break;
		struct inode *next = ramfs_lookup(dir, path, slash - path);
		if (!next)
			next = ramfs_new(dir, path, slash - path,
					 S_IFDIR | 0755);
		dir = next;
		path = slash + 1;
	}
	*last = path;
	return dir;
}

int ramfs_add(const char *path, unsigned short mode, const void *data,
	      unsigned long size)
{
	const char *name;
	struct inode *dir = make_parents(path, &name);

	if (!*name || ramfs_lookup(dir, name, strlen(name)))
		return -EEXIST;
	struct inode *inode = ramfs_new(dir, name, strlen(name), mode);
	inode->i_private = (void *)data;
	inode->i_size = size;
	return 0;
}

struct inode *ramfs_mknod(const char *path, unsigned short mode,
			  const struct file_operations *fop, void *priv)
{
	const char *name;
	struct inode *dir = make_parents(path, &name);
	struct inode *inode = ramfs_new(dir, name, strlen(name), mode);

	inode->i_fop = fop;
	inode->i_private = priv;
	return inode;
}

static unsigned long hex8(const char *p)
{
	unsigned long v = 0;

	for (int i = 0; i < 8; i++) {
		char c = p[i];
		v = v * 16 + (c >= 'a'	 ? c - 'a' + 10
			      : c >= 'A' ? c - 'A' + 10
					 : c - '0');
	}
	return v;
}

/* Reads a cpio newc archive into the tree: "070701", 13 eight-digit hex fields, the
 * name, the data, each padded to 4 bytes. The built-in initrd comes first; each
 * Multiboot module that is a cpio archive (qemu -initrd, GRUB's module) is read after
 * it, adding programs to /bin. A damaged module is refused; the built-in one must be
 * sound. Offsets, not pointers: an archive is one blob. */
int cpio_unpack(const char *start, unsigned long len, const char *what)
{
	unsigned long off = 0;
	int files = 0;

	if (!root_inode)
		root_inode = ramfs_new(NULL, "", 0, S_IFDIR | 0755);
	while (off + 110 <= len && !memcmp(start + off, "070701", 6)) {
		const char *h = start + off;
		unsigned long mode = hex8(h + 14), mtime = hex8(h + 46);
		unsigned long size = hex8(h + 54), namesize = hex8(h + 94);
		unsigned long data_off = ALIGN_UP(off + 110 + namesize, 4);
		const char *name = h + 110;
		if (!namesize || data_off + size > len ||
		    name[namesize - 1] != 0) {
			printk("%s: damaged cpio archive at offset %lu\n", what,
			       off);
			return -EINVAL;
		}
		if (!strcmp(name, "TRAILER!!!"))
			break;
		while (name[0] == '.' && name[1] == '/')
			name += 2;
		if (S_ISREG(mode)) {
			if (!ramfs_add(name, mode, start + data_off, size))
				files++;
		} else if (S_ISDIR(mode) && strcmp(name, ".")) {
			const char *last;
			struct inode *dir = make_parents(name, &last);
			if (*last && !ramfs_lookup(dir, last, strlen(last)))
				ramfs_new(dir, last, strlen(last), mode);
		}
		struct inode *inode = namei(name);
		if (!IS_ERR(inode)) {
			inode->i_mtime = mtime;
			iput(inode);
		}
		off = ALIGN_UP(data_off + size, 4);
	}
	printk("%s: %d files, %lu KiB\n", what, files, len / 1024);
	return files;
}

void initrd_unpack(void)
{
	unsigned long len =
		(unsigned long)initrd_end - (unsigned long)initrd_start;

	if (cpio_unpack(initrd_start, len, "initrd") < 0)
		panic("the built-in initrd is damaged");
}

/* A new entry in dir (AF_UNIX's bind makes its socket file this way); -EEXIST if the name
 * is taken. The tree holds the reference. */
struct inode *ramfs_create(struct inode *dir, const char *name,
			   unsigned short mode)
{
	size_t len = strlen(name);

	if (!S_ISDIR(dir->i_mode))
		return ERR_PTR(-ENOTDIR);
	if (!len || len > NAME_MAX)
		return ERR_PTR(-EINVAL);
	if (ramfs_lookup(dir, name, len))
		return ERR_PTR(-EEXIST);
	return ramfs_new(dir, name, len, mode);
}

/* Takes name out of dir; the inode goes when its last reference does. */
void ramfs_remove(struct inode *dir, struct inode *inode)
{
	for (struct inode **p = &dir->i_child; *p; p = &(*p)->i_sibling) {
		if (*p == inode) {
			*p = inode->i_sibling;
			inode->i_parent = NULL;
			iput(inode);
			return;
		}
	}
}
