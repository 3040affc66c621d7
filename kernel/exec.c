/* execve(2): replace the process image with an i386 ELF executable from the ramdisk. The
 * new address space is built completely before the old one is dropped, so a failing exec
 * returns an error to a process that is still intact. The initial stack is Linux's:
 * argc, argv[], NULL, envp[], NULL, auxv pairs, then the strings. */
#include <menuos/fs.h>
#include <menuos/interrupt.h>
#include <menuos/mm.h>
#include <menuos/ptrace_k.h>
#include <menuos/signal.h>
#include <menuos/syscalls.h>
#include <menuos/uaccess.h>

#define MAX_ARG_STRINGS 4096
#define MAX_ARG_BYTES	(128 * 1024) /* all argv and envp strings together */
#define INITIAL_STACK \
	(64 * 1024) /* mapped below the arguments; the rest grows on demand */

#define AT_NULL	  0
#define AT_PHDR	  3
#define AT_PHENT  4
#define AT_PHNUM  5
#define AT_PAGESZ 6
#define AT_ENTRY  9
#define AT_UID	  11
#define AT_EUID	  12
#define AT_GID	  13
#define AT_EGID	  14
#define AT_HWCAP  16
#define AT_CLKTCK 17
#define AT_SECURE 23
#define AT_RANDOM 25
#define AT_EXECFN 31

struct elf32_ehdr {
	unsigned char e_ident[16];
	uint16_t e_type, e_machine;
	uint32_t e_version, e_entry, e_phoff, e_shoff, e_flags;
	uint16_t e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum,
		e_shstrndx;
};

struct elf32_phdr {
	uint32_t p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_flags,
		p_align;
};

#define PT_LOAD 1
#define PF_W	2

/* Strings gathered from the caller before its address space goes away. */
struct linux_binprm {
	char *buf; /* argv strings then envp strings, each NUL-terminated */
	int used, argc, envc;
	char filename[PATH_MAX];
};

static int copy_string(struct linux_binprm *bprm, const char *s, int from_user)
{
	long n;

	if (from_user) {
		n = strncpy_from_user(bprm->buf + bprm->used, s,
				      MAX_ARG_BYTES - bprm->used);
		if (n == -ENAMETOOLONG)
			return -E2BIG;
		if (n < 0)
			return n;
	} else {
		n = strlen(s);
		if (bprm->used + n + 1 > MAX_ARG_BYTES)
			return -E2BIG;
		memcpy(bprm->buf + bprm->used, s, n + 1);
	}
	bprm->used += n + 1;
	return 0;
}

static int copy_strings(struct linux_binprm *bprm, const char *const *list,
			int *count, int from_user)
{
	for (*count = 0; list; (*count)++) {
		const char *s;
		if (from_user) {
			if (get_user(s, &list[*count]))
				return -EFAULT;
		} else {
			s = list[*count];
		}
		if (!s)
			return 0;
		if (*count >= MAX_ARG_STRINGS)
			return -E2BIG;
		int err = copy_string(bprm, s, from_user);
		if (err)
			return err;
	}
	return 0;
}

/* Copies bytes into another address space through the direct map. Only user pages: the
 * address may come from a syscall (clone's child_tidptr), and the kernel's own 4 MiB
 * mappings have no page table to walk. */
int copy_to_mm(struct mm_struct *mm, unsigned long addr, const void *src,
	       size_t n)
{
	if (addr + n < addr || addr + n > TASK_SIZE)
		return -EFAULT;
	while (n) {
		uint32_t *pde = &mm->pgd[addr >> 22];
		if ((*pde & (PTE_PRESENT | PTE_USER)) !=
		    (PTE_PRESENT | PTE_USER))
			return -EFAULT;
		uint32_t *pte = (uint32_t *)phys_to_virt(*pde & ~0xFFFu) +
				((addr >> PAGE_SHIFT) & 1023);
		if (!(*pte & PTE_PRESENT))
			return -EFAULT;
		size_t chunk = min(n, PAGE_SIZE - (addr & (PAGE_SIZE - 1)));
		memcpy((char *)phys_to_virt(*pte & ~0xFFFu) +
			       (addr & (PAGE_SIZE - 1)),
		       src, chunk);
		addr += chunk;
		src = (const char *)src + chunk;
		n -= chunk;
	}
	return 0;
}

static int load_elf_binary(struct mm_struct *mm, const unsigned char *data,
			   unsigned long size, unsigned long *entry,
			   unsigned long *phdr_addr, int *phnum)
{
	const struct elf32_ehdr *eh = (const void *)data;

	if (size < sizeof(*eh) ||
	    memcmp(eh->e_ident,
		   "\x7f"
		   "ELF",
		   4) ||
	    eh->e_ident[4] != 1 || eh->e_machine != 3 || eh->e_type != 2 ||
	    eh->e_phentsize != sizeof(struct elf32_phdr))
		return -ENOEXEC;
	if (eh->e_phoff > size ||
	    eh->e_phnum * sizeof(struct elf32_phdr) > size - eh->e_phoff)
		return -ENOEXEC;

	unsigned long brk = 0, low = TASK_SIZE;
	*phdr_addr = 0;
	for (int i = 0; i < eh->e_phnum; i++) {
		struct elf32_phdr ph;

		/* copied out: e_phoff need not be aligned, the struct must be */
		memcpy(&ph, data + eh->e_phoff + i * sizeof(ph), sizeof(ph));
		if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
			continue;
		unsigned long start = ph.p_vaddr, end = start + ph.p_memsz;
		if (ph.p_filesz > ph.p_memsz || ph.p_offset > size ||
		    ph.p_filesz > size - ph.p_offset || end < start ||
		    end > TASK_SIZE || start < MMAP_MIN_ADDR)
			return -ENOEXEC;
		int err = map_user_range(mm, start, end, ph.p_flags & PF_W);
		if (err)
			return err;
		err = copy_to_mm(mm, start, data + ph.p_offset, ph.p_filesz);
		if (err)
			return err;
		if (eh->e_phoff >= ph.p_offset &&
		    eh->e_phoff < ph.p_offset + ph.p_filesz)
			*phdr_addr = start + eh->e_phoff - ph.p_offset;
		brk = max(brk, end);
		low = min(low, start);
	}
	if (!brk)
		return -ENOEXEC;
	mm->start_code = low;
	mm->start_brk = mm->brk = ALIGN_UP(brk, PAGE_SIZE);
	*entry = eh->e_entry;
	*phnum = eh->e_phnum;
	return 0;
}

/* CPUID leaf 1's edx: what glibc calls the hardware capabilities (AT_HWCAP). */
static unsigned long cpu_features(void)
{
	unsigned int eax = 1, ebx, ecx, edx;

	asm volatile("cpuid" : "+a"(eax), "=b"(ebx), "=c"(ecx), "=d"(edx));
	return edx;
}

/* Builds argc/argv/envp/auxv and the strings at the top of the new stack. */
static int create_stack(struct mm_struct *mm, struct linux_binprm *bprm,
			unsigned long entry, unsigned long phdr, int phnum,
			unsigned long *sp_out)
{
	unsigned long top = USER_STACK_TOP;
	unsigned long strings = top - ALIGN_UP(bprm->used, 16);
	unsigned long random = strings - 16;
	unsigned long execfn =
		random - ALIGN_UP(strlen(bprm->filename) + 1, 16);
	/* argc, argv[], NULL, envp[], NULL, and room for the auxv pairs below */
	unsigned long nptrs = 1 + bprm->argc + 1 + bprm->envc + 1 + 2 * 16;
	unsigned long sp = ALIGN_DOWN(execfn - nptrs * 4, 16);
	unsigned long low = ALIGN_DOWN(sp - INITIAL_STACK, PAGE_SIZE);
	int err = map_user_range(mm, low, top, 1);

	if (err)
		return err;
	mm->stack_low = low;
	unsigned long *v = kmalloc(nptrs * 4);
	if (!v)
		return -ENOMEM;

	int k = 0;
	unsigned long s = strings;
	v[k++] = bprm->argc;
	for (int i = 0; i < bprm->argc + bprm->envc; i++) {
		v[k++] = s;
		s += strlen(bprm->buf + (s - strings)) + 1;
		if (i == bprm->argc - 1)
			v[k++] = 0; /* end of argv */
	}
	if (bprm->argc == 0)
		v[k++] = 0;
	v[k++] = 0; /* end of envp */
	unsigned long aux[][2] = {
		{ AT_PHDR, phdr },
		{ AT_PHENT, sizeof(struct elf32_phdr) },
		{ AT_PHNUM, phnum },
		{ AT_PAGESZ, PAGE_SIZE },
		{ AT_ENTRY, entry },
		{ AT_UID, 0 },
		{ AT_EUID, 0 },
		{ AT_GID, 0 },
		{ AT_EGID, 0 },
		{ AT_CLKTCK, HZ },
		{ AT_HWCAP, cpu_features() },
		{ AT_RANDOM, random },
		{ AT_EXECFN, execfn },
		{ AT_NULL, 0 },
	};
	for (unsigned i = 0; i < ARRAY_SIZE(aux); i++) {
		v[k++] = aux[i][0];
		v[k++] = aux[i][1];
	}
	/* AT_RANDOM: 16 bytes for stack protectors; not cryptographic, just varying */
	unsigned long long seed[2] = { ktime_get_ns() * 6364136223846793005ULL,
				       jiffies };

	err = copy_to_mm(mm, strings, bprm->buf, bprm->used);
	if (!err)
		err = copy_to_mm(mm, random, seed, 16);
	if (!err)
		err = copy_to_mm(mm, execfn, bprm->filename,
				 strlen(bprm->filename) + 1);
	if (!err)
		err = copy_to_mm(mm, sp, v, k * 4);
	kfree(v);
	*sp_out = sp;
	return err;
}

static int do_execve(struct linux_binprm *bprm, struct pt_regs *regs)
{
	struct inode *inode = namei(bprm->filename);
	struct mm_struct *mm;
	unsigned long entry, phdr, sp;
	int phnum, err;

	if (IS_ERR(inode))
		return PTR_ERR(inode);
	err = -EACCES;
	if (!S_ISREG(inode->i_mode) || !(inode->i_mode & 0111))
		goto out_iput;
	err = -ENOMEM;
	mm = mm_alloc();
	if (!mm)
		goto out_iput;
	err = load_elf_binary(mm, inode->i_private, inode->i_size, &entry,
			      &phdr, &phnum);
	if (!err)
		err = create_stack(mm, bprm, entry, phdr, phnum, &sp);
	if (err) {
		mmput(mm);
		goto out_iput;
	}

	/* the point of no return: the old image goes */
	struct mm_struct *old = current->mm;
	current->mm = mm;
	switch_mm(mm);
	mmput(old);
	const char *base = bprm->filename;
	for (const char *p = base; *p; p++)
		if (*p == '/')
			base = p + 1;
	strlcpy(current->comm, base, sizeof(current->comm));
	do_close_on_exec(current->files);
	flush_signal_handlers(current);
	fpu_init_state(current);
	memset(current->tls_array, 0, sizeof(current->tls_array));
	load_TLS(current);
	fpu_restore(current);

	unsigned long nr =
		regs->orig_ax; /* kept: strace's exit stop shows execve */
	memset(regs, 0, sizeof(*regs));
	regs->ip = entry;
	regs->sp = sp;
	regs->cs = __USER_CS;
	regs->ds = regs->es = regs->ss = __USER_DS;
	regs->flags = 0x202; /* IF */
	regs->orig_ax = nr;
	err = 0;
out_iput:
	iput(inode);
	return err;
}

static long execve_common(const char *filename, const char *const *argv,
			  const char *const *envp, int from_user)
{
	struct linux_binprm bprm = { 0 };
	long err;

	if (from_user) {
		err = strncpy_from_user(bprm.filename, filename,
					sizeof(bprm.filename));
		if (err < 0)
			return err;
	} else {
		strlcpy(bprm.filename, filename, sizeof(bprm.filename));
	}
	bprm.buf = kmalloc(MAX_ARG_BYTES);
	if (!bprm.buf)
		return -ENOMEM;
	err = copy_strings(&bprm, argv, &bprm.argc, from_user);
	if (!err)
		err = copy_strings(&bprm, envp, &bprm.envc, from_user);
	if (!err)
		err = do_execve(&bprm, task_pt_regs(current));
	kfree(bprm.buf);
	return err;
}

long sys_execve(const char *filename, const char *const *argv,
		const char *const *envp)
{
	long err = execve_common(filename, argv, envp, 1);

	/* a traced program stops after exec: an event, or a SIGTRAP as Linux does */
	if (!err && !ptrace_event(PTRACE_EVENT_EXEC, 0) && current->ptracer)
		send_sig(SIGTRAP, current);
	return err;
}

/* Used once, to start /bin/init from the kernel. */
int kernel_execve(const char *path, const char *const argv[],
		  const char *const envp[])
{
	return execve_common(path, argv, envp, 0);
}
