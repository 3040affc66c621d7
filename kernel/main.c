/* kmain: the order MenuOS comes up in, from the Multiboot hand-off to /bin/init. */
#include <menuos/console.h>
#include <menuos/fs.h>
#include <menuos/interrupt.h>
#include <menuos/io.h>
#include <menuos/mm.h>
#include <menuos/multiboot.h>
#include <menuos/net.h>
#include <menuos/netdevice.h>
#include <menuos/pci.h>
#include <menuos/proc.h>
#include <menuos/socket.h>
#include <menuos/sched.h>
#include <menuos/tty.h>
#include <menuos/version.h>

void mem_devices_init(void);

char saved_command_line
	[256]; /* the boot loader's kernel command line (as Linux's) */

/* printk's sink: the serial console, with "\r\n" line ends, and the VGA screen. */
void console_write(const char *s, size_t len)
{
	size_t start = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] != '\n')
			continue;
		serial_write(0, s + start, i - start);
		serial_write(0, "\r\n", 2);
		start = i + 1;
	}
	serial_write(0, s + start, len - start);
	vga_write(s, len);
}

/* Every Multiboot module (qemu -initrd, GRUB's module line) that is a cpio archive adds
 * its files, e.g. static Linux programs into /bin (make EXTRA=dir). page_alloc_init kept
 * their pages; the files are read in place. */
static struct multiboot_mod_list boot_modules[8];
static unsigned int nr_boot_modules;

static void save_boot_modules(struct multiboot_info *mbi)
{
	if (!(mbi->flags & MULTIBOOT_INFO_MODS))
		return;
	struct multiboot_mod_list *mod = phys_to_virt(mbi->mods_addr);
	nr_boot_modules =
		min(mbi->mods_count, (uint32_t)ARRAY_SIZE(boot_modules));
	memcpy(boot_modules, mod, nr_boot_modules * sizeof(*mod));
}

static void unpack_boot_modules(void)
{
	for (unsigned int m = 0; m < nr_boot_modules; m++)
		cpio_unpack(phys_to_virt(boot_modules[m].mod_start),
			    boot_modules[m].mod_end - boot_modules[m].mod_start,
			    "boot module");
}

/* crashtest=kstack: endless recursion on task 1's kernel stack, into its guard page. */
static int __attribute__((noinline)) kstack_overflow(volatile int depth)
{
	volatile char frame[512];

	frame[0] = depth;
	return depth < 0 ? 0 : kstack_overflow(depth + 1) + frame[0];
}

/* Task 1 starts here, on its own kernel stack, and becomes /bin/init in ring 3. */
static void init_task_start(void)
{
	static const char *const argv[] = { "/bin/init", NULL };
	static const char *const envp[] = { "PATH=/bin", "HOME=/", "TERM=vt100",
					    NULL };

	if (strstr(saved_command_line, "crashtest=kstack"))
		kstack_overflow(0);
	int err = kernel_execve(argv[0], argv, envp);
	if (err)
		panic("cannot run /bin/init: error %d", err);
	return_to_user(task_pt_regs(current));
}

static void start_init_task(void)
{
	struct task_struct *t = alloc_task();

	if (!t || t->pid != 1)
		panic("cannot create the init task");
	strlcpy(t->comm, "init", sizeof(t->comm));
	t->files = dup_fd(NULL);
	t->cwd = root_inode;
	iget(root_inode);
	t->parent = t;
	fpu_init_state(t);
	unsigned long *sp = (unsigned long *)task_pt_regs(t);
	*--sp = (unsigned long)
		init_task_start; /* switch_to_stack's return address */
	for (int i = 0; i < 4; i++)
		*--sp = 0; /* ebp, ebx, esi, edi */
	t->kernel_sp = (unsigned long)sp;
	t->state = TASK_RUNNING;
}

/* crashtest=oops or crashtest=panic on the kernel command line (qemu -append) makes the
 * kernel fail on purpose, so the tests can check what a kernel bug looks like. */
/* no_sanitize: in make DEBUG=1 UBSan would report the NULL write before it faults, and the
 * test is about what the page fault handler shows. */
static void __attribute__((noinline, no_sanitize("undefined")))
crash_test(const char *cmdline)
{
	const char *arg = strstr(cmdline, "crashtest=");

	if (!arg)
		return;
	arg += strlen("crashtest=");
	if (!strncmp(arg, "panic", 5))
		panic("crash test requested on the command line");
	if (!strncmp(arg, "oops", 4))
		/* cppcheck-suppress nullPointer ; a NULL write in ring 0, on purpose */
		*(volatile int *)0 = 0x0bad;
}

void kmain(unsigned long magic, unsigned long mbi_phys)
{
	serial_init();
	vga_init();
	printk("MenuOS %s booting (built " __DATE__ " " __TIME__ ")\n",
	       MENUOS_VERSION);
	if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
		panic("not started by a Multiboot loader (magic 0x%lx)", magic);
	/* Read the Multiboot information now: the loader left it in memory that the page
	 * allocator is about to hand out. */
	struct multiboot_info *mbi = phys_to_virt(mbi_phys);
	if (mbi->flags & MULTIBOOT_INFO_BOOT_LOADER_NAME)
		printk("boot loader: %s\n",
		       (char *)phys_to_virt(mbi->boot_loader_name));
	if (mbi->flags & MULTIBOOT_INFO_CMDLINE)
		strlcpy(saved_command_line, phys_to_virt(mbi->cmdline),
			sizeof(saved_command_line));
	printk("command line: %s\n", saved_command_line);
	save_boot_modules(mbi);

	gdt_init();
	trap_init();
	init_IRQ();
	page_alloc_init(mbi_phys);
	paging_init();
	/* the size from the memory map, which every loader gives (v86 has no mem_upper) */
	printk("memory: %lu MiB usable, %lu KiB free for pages\n",
	       (ram_end_pfn() * PAGE_SIZE + (1 << 20) - 1) >> 20,
	       nr_free_pages() * 4);

	sched_init();
	time_init();
	initrd_unpack();
	unpack_boot_modules();
	mem_devices_init();
	tty_init();
	net_init();
	sock_init();
	proc_init();
	proc_net_init();
	pci_init(); /* before the first address space: pci_ioremap_bar */
	e1000_init();
	net_dev_proc_init();
	ktrace_init();
	serial_enable_input();
	keyboard_init();
	crash_test(saved_command_line);
	start_init_task();

	printk("Starting /bin/init\n");
	cpu_idle();
}
