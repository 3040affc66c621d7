/* Open files and the per-process fd table: alloc_file, fget/fput, fd_install, close, dup.
 * A struct file is shared by every fd that dup or fork made from it (f_count), and its
 * release method runs when the last one goes. */
#include <menuos/fs.h>
#include <menuos/io.h>
#include <menuos/sched.h>

struct file *alloc_file(struct inode *inode, unsigned int flags,
			const struct file_operations *fop)
{
	struct file *f = kzalloc(sizeof(*f));

	if (!f)
		return NULL;
	f->f_inode = inode;
	f->f_op = fop;
	f->f_flags = flags;
	f->f_count = 1;
	return f;
}

struct file *get_file(struct file *f)
{
	f->f_count++;
	return f;
}

/* The file behind fd with a reference the caller must fput, or NULL (-EBADF). */
struct file *fget(unsigned int fd)
{
	struct files_struct *files = current->files;

	if (!files || fd >= NR_OPEN || !files->fd[fd])
		return NULL;
	return get_file(files->fd[fd]);
}

void fput(struct file *f)
{
	if (--f->f_count > 0)
		return;
	if (f->f_op && f->f_op->release)
		f->f_op->release(f->f_inode, f);
	if (f->f_inode)
		iput(f->f_inode);
	kfree(f);
}

/* A reserved placeholder marks an fd that is taken but not installed yet. */
static struct file reserved_fd;

int get_unused_fd_flags(unsigned int flags)
{
	struct files_struct *files = current->files;

	for (int fd = 0; fd < NR_OPEN; fd++) {
		if (!files->fd[fd]) {
			files->fd[fd] = &reserved_fd;
			if (flags & O_CLOEXEC)
				files->close_on_exec |= 1ULL << fd;
			else
				files->close_on_exec &= ~(1ULL << fd);
			return fd;
		}
	}
	return -EMFILE;
}

void put_unused_fd(unsigned int fd)
{
	current->files->fd[fd] = NULL;
}

void fd_install(unsigned int fd, struct file *f)
{
	current->files->fd[fd] = f;
}

int close_fd(unsigned int fd)
{
	struct files_struct *files = current->files;

	if (fd >= NR_OPEN || !files->fd[fd] || files->fd[fd] == &reserved_fd)
		return -EBADF;
	struct file *f = files->fd[fd];
	files->fd[fd] = NULL;
	files->close_on_exec &= ~(1ULL << fd);
	fput(f);
	return 0;
}

struct files_struct *dup_fd(struct files_struct *old)
{
	struct files_struct *files = kzalloc(sizeof(*files));

	if (!files)
		return NULL;
	for (int fd = 0; fd < NR_OPEN; fd++)
		if (old && old->fd[fd] && old->fd[fd] != &reserved_fd)
			files->fd[fd] = get_file(old->fd[fd]);
	files->close_on_exec = old ? old->close_on_exec : 0;
	return files;
}

void exit_files(struct task_struct *t)
{
	struct files_struct *files = t->files;

	if (!files)
		return;
	for (int fd = 0; fd < NR_OPEN; fd++)
		if (files->fd[fd] && files->fd[fd] != &reserved_fd)
			fput(files->fd[fd]);
	t->files = NULL;
	kfree(files);
}

void do_close_on_exec(struct files_struct *files)
{
	for (int fd = 0; fd < NR_OPEN; fd++)
		if (files->close_on_exec & (1ULL << fd))
			close_fd(fd);
}
