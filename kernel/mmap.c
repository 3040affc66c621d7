/* mmap2, munmap, mprotect (Linux's mm/mmap.c and mm/mprotect.c, in small): anonymous
 * memory and private copies of files, placed upwards from TASK_UNMAPPED_BASE. glibc's
 * malloc uses mmap for big blocks, and its start-up mprotects its RELRO pages. MenuOS
 * keeps no list of mappings: the page tables are the truth (fork copies them, exit
 * frees them). */
#include <menuos/fs.h>
#include <menuos/mm.h>
#include <menuos/sched.h>
#include <menuos/syscalls.h>
#include <linux/mman.h>

#define TASK_UNMAPPED_BASE \
	0x40000000UL /* TASK_SIZE / 3, Linux's legacy layout */

long sys_mmap2(unsigned long addr, unsigned long len, unsigned long prot,
	       unsigned long flags, unsigned long fd, unsigned long pgoff)
{
	struct mm_struct *mm = current->mm;
	struct file *file = NULL;
	long err;

	if (!len || (addr & (PAGE_SIZE - 1)))
		return -EINVAL;
	if (!(flags & (MAP_PRIVATE | MAP_SHARED)))
		return -EINVAL;
	len = ALIGN_UP(len, PAGE_SIZE);
	if (len > TASK_SIZE)
		return -ENOMEM;
	if (!(flags & MAP_ANONYMOUS)) {
		file = fget(fd);
		if (!file)
			return -EBADF;
		err = -ENODEV; /* only files whose bytes are in memory (the initrd) */
		if (!S_ISREG(file->f_inode->i_mode) ||
		    !file->f_inode->i_private)
			goto out;
	}
	if (flags & MAP_FIXED) {
		err = -EPERM; /* as Linux below mmap_min_addr */
		if (addr < MMAP_MIN_ADDR)
			goto out;
		err = -EINVAL;
		if (addr + len < addr ||
		    addr + len > USER_STACK_TOP - USER_STACK_MAX)
			goto out;
		unmap_user_range(mm, addr, addr + len);
	} else {
		if (mm->mmap_base < TASK_UNMAPPED_BASE)
			mm->mmap_base = TASK_UNMAPPED_BASE;
		addr = mm->mmap_base;
		err = -ENOMEM;
		if (addr + len > USER_STACK_TOP - USER_STACK_MAX)
			goto out;
		mm->mmap_base += len;
	}
	err = addr;
	if (prot == PROT_NONE)
		goto out; /* reserved, and every access faults */
	if (map_user_range(mm, addr, addr + len, 1)) {
		unmap_user_range(mm, addr, addr + len);
		err = -ENOMEM;
		goto out;
	}
	if (file) {
		struct inode *inode = file->f_inode;
		unsigned long off = pgoff * PAGE_SIZE;
		if (off < inode->i_size)
			copy_to_mm(mm, addr, (char *)inode->i_private + off,
				   min(len, inode->i_size - off));
	}
	if (!(prot & PROT_WRITE))
		protect_user_range(mm, addr, addr + len, 0);
out:
	if (file)
		fput(file);
	return err;
}

long sys_munmap(unsigned long addr, unsigned long len)
{
	if ((addr & (PAGE_SIZE - 1)) || !len || addr + len > TASK_SIZE ||
	    addr + len < addr)
		return -EINVAL;
	unmap_user_range(current->mm, addr, addr + ALIGN_UP(len, PAGE_SIZE));
	return 0;
}

long sys_mprotect(unsigned long addr, unsigned long len, unsigned long prot)
{
	if ((addr & (PAGE_SIZE - 1)) || addr + len > TASK_SIZE ||
	    addr + len < addr)
		return -EINVAL;
	protect_user_range(current->mm, addr, addr + ALIGN_UP(len, PAGE_SIZE),
			   prot & PROT_WRITE);
	return 0;
}
