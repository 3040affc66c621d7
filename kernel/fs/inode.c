/* Inodes: allocation and reference counting. Ramfs inodes live as long as the tree; pipe
 * and socket inodes go when their last file does. */
#include <menuos/fs.h>

static unsigned long last_ino;

struct inode *new_inode(void)
{
	struct inode *inode = kzalloc(sizeof(*inode));

	if (!inode)
		return NULL;
	inode->i_ino = ++last_ino;
	inode->i_count = 1;
	return inode;
}

void iget(struct inode *inode)
{
	if (inode)
		inode->i_count++;
}

void iput(struct inode *inode)
{
	if (!inode || --inode->i_count > 0)
		return;
	if (inode->destroy_inode)
		inode->destroy_inode(inode);
	else
		kfree(inode);
}
