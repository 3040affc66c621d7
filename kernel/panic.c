/* panic() and backtraces. Symbol names come from the kallsyms table that the second link
 * adds (tools/kallsyms.py); in the first link the weak references below are 0. */
#include <menuos/interrupt.h>
#include <menuos/io.h>
#include <menuos/kernel.h>

extern const unsigned long kallsyms_num __attribute__((weak));
extern const unsigned long kallsyms_addresses[] __attribute__((weak));
extern const unsigned long kallsyms_name_offsets[] __attribute__((weak));
extern const char kallsyms_names[] __attribute__((weak));
extern char _text[], _etext[];

/* The function containing addr and the offset into it; NULL when unknown. */
const char *kallsyms_lookup(unsigned long addr, unsigned long *offset)
{
	if (!&kallsyms_num || kallsyms_num == 0 || addr < kallsyms_addresses[0])
		return NULL;
	unsigned long lo = 0, hi = kallsyms_num; /* last address <= addr */
	while (hi - lo > 1) {
		unsigned long mid = (lo + hi) / 2;
		if (kallsyms_addresses[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	*offset = addr - kallsyms_addresses[lo];
	return kallsyms_names + kallsyms_name_offsets[lo];
}

static void print_address(unsigned long addr, unsigned long lookup)
{
	unsigned long off;
	const char *name = kallsyms_lookup(lookup, &off);

	if (name)
		printk(" [<%08lx>] %s+0x%lx\n", addr, name,
		       off + (addr - lookup));
	else
		printk(" [<%08lx>] ?\n", addr);
}

void print_symbol_line(unsigned long addr)
{
	print_address(addr, addr);
}

/* Follows the frame-pointer chain (we build with -fno-omit-frame-pointer). */
void dump_backtrace(unsigned long ebp)
{
	for (int depth = 0; ebp && depth < 32; depth++) {
		if (ebp < 0xC0000000UL || (ebp & 3))
			break;
		unsigned long ret = ((unsigned long *)ebp)[1];
		if (ret < (unsigned long)_text || ret >= (unsigned long)_etext)
			break;
		/* ret - 1: a call to a noreturn function can be the last instruction of its
		 * caller, and then ret already belongs to the next function (Linux's %pB) */
		print_address(ret, ret - 1);
		ebp = ((unsigned long *)ebp)[0];
	}
}

void panic(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	local_irq_disable();
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printk("Kernel panic - not syncing: %s\n", buf);
	dump_backtrace((unsigned long)__builtin_frame_address(0));
	machine_exit(1);
}
