/* The VFS: struct inode (a file's identity), struct file (an open file: position, flags,
 * operations), struct file_operations, and the per-process fd table. Regular files and
 * directories live in the initrd's read-only tree (kernel/fs/ramfs.c); devices (ttys, null)
 * are inodes whose i_fop is the driver's; pipes and, later, sockets are inodes of their own. */
#ifndef _MENUOS_FS_H
#define _MENUOS_FS_H

#include <menuos/kernel.h>
#include <menuos/mm.h>
#include <menuos/wait.h>
#include <asm/stat.h>
#include <asm/fcntl.h>
#include <linux/stat.h>

#define NR_OPEN	 64 /* fds per process */
#define NAME_MAX 63
#define PATH_MAX 256

struct file;
struct inode;
struct task_struct;
struct poll_table_struct;

struct file_operations {
	ssize_t (*read)(struct file *f, char *ubuf, size_t count);
	ssize_t (*write)(struct file *f, const char *ubuf, size_t count);
	off_t (*llseek)(struct file *f, off_t offset, int whence);
	/* returns POLL* bits that are ready now; registers on wait queues through pt */
	unsigned int (*poll)(struct file *f, struct poll_table_struct *pt);
	long (*ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	int (*open)(struct inode *inode, struct file *f);
	int (*release)(struct inode *inode, struct file *f);
	int (*iterate)(struct file *f, char *ubuf,
		       size_t count); /* getdents64 */
};

struct inode {
	unsigned long i_ino;
	unsigned short i_mode; /* S_IFREG | 0755 ... */
	unsigned long i_size;
	unsigned long i_rdev; /* device number for S_IFCHR */
	int i_count; /* references from files and lookups */
	unsigned long i_mtime;
	const struct file_operations *i_fop;
	void *i_private; /* the owner's data: file contents, the tty, the pipe, ... */
	/* frees an inode embedded in something larger (sockfs: struct socket_alloc) */
	void (*destroy_inode)(struct inode *inode);
	/* the ramfs tree (a teaching simplification of Linux's dentries) */
	char i_name[NAME_MAX + 1];
	struct inode *i_parent, *i_child, *i_sibling;
};

struct file {
	const struct file_operations *f_op;
	struct inode *f_inode;
	off_t f_pos;
	unsigned int f_flags; /* O_RDONLY, O_NONBLOCK, O_APPEND, ... */
	int f_count; /* fds and in-flight syscalls holding it */
	void *private_data;
};

struct files_struct {
	struct file *fd[NR_OPEN];
	unsigned long long close_on_exec; /* bit fd set: close it in execve */
};

/* kernel/fs/file.c */
struct file *alloc_file(struct inode *inode, unsigned int flags,
			const struct file_operations *fop);
struct file *fget(unsigned int fd);
void fput(struct file *f);
struct file *get_file(struct file *f);
int get_unused_fd_flags(unsigned int flags);
void fd_install(unsigned int fd, struct file *f);
void put_unused_fd(unsigned int fd);
int close_fd(unsigned int fd);
struct files_struct *dup_fd(struct files_struct *old);
void exit_files(struct task_struct *t);
void do_close_on_exec(struct files_struct *files);

/* kernel/fs/inode.c */
struct inode *new_inode(void);
void iget(struct inode *inode);
void iput(struct inode *inode);

/* kernel/fs/namei.c and ramfs.c */
extern struct inode *root_inode;
struct inode *
namei(const char *path); /* NULL-terminated kernel path -> inode or ERR */
/* the same from the directory base for a relative path (NULL: the cwd) */
struct inode *namei_at(struct inode *base, const char *path);
/* a user path, relative to dirfd's directory or the cwd (AT_FDCWD) -> inode or ERR */
struct inode *user_path_at(int dirfd, const char *upath);
struct inode *user_path(const char *upath); /* user_path_at(AT_FDCWD, ...) */
long do_unlinkat(int dirfd, const char *upath);
long do_sys_open(int dirfd, const char *filename, int flags,
		 int mode); /* open.c */
int ramfs_add(const char *path, unsigned short mode, const void *data,
	      unsigned long size);
struct inode *ramfs_mknod(const char *path, unsigned short mode,
			  const struct file_operations *fop, void *priv);
struct file *filp_open(const char *path, unsigned int flags);
void initrd_unpack(void);
int cpio_unpack(const char *start, unsigned long len, const char *what);
struct inode *ramfs_lookup(struct inode *dir, const char *name, size_t len);
struct inode *ramfs_create(struct inode *dir, const char *name,
			   unsigned short mode);
void ramfs_remove(struct inode *dir, struct inode *inode);
struct inode *lookup_parent(const char *kpath, char *last, size_t size);
struct inode *lookup_parent_at(struct inode *base, const char *kpath,
			       char *last, size_t size);

static __always_inline void *ERR_PTR(long err)
{
	return (void *)err;
}
static __always_inline long PTR_ERR(const void *p)
{
	return (long)p;
}
static __always_inline int IS_ERR(const void *p)
{
	return IS_ERR_VALUE((unsigned long)p);
}

#endif
