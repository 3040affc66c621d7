/* The GDT (flat kernel and user segments, the TSS, three TLS slots) and the TSS, whose only
 * job here is to tell the CPU which kernel stack to use when ring 3 is interrupted. */
#include <menuos/interrupt.h>
#include <menuos/mm.h>
#include <menuos/sched.h>

struct tss {
	uint32_t prev, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
	uint32_t eax, ecx, edx, ebx, esp, ebp, esi, edi;
	uint32_t es, cs, ss, ds, fs, gs, ldt;
	uint16_t trap, iomap_base;
} __attribute__((packed));

static uint64_t gdt[GDT_ENTRY_DOUBLEFAULT_TSS + 1];
static struct tss tss;
/* the double fault runs as a task of its own, on this stack (kernel/kstack.c) */
static struct tss df_tss;
static uint8_t df_stack[4096] __attribute__((aligned(16)));
void double_fault_task(void);

/* The faulting task's esp, which the CPU saved in the main TSS when it switched to the
 * double fault task. */
unsigned long tss_of_faulting_task_esp(void)
{
	return tss.esp;
}

static uint64_t segment(uint32_t base, uint32_t limit, uint8_t access,
			uint8_t flags)
{
	return (limit & 0xFFFFull) | ((uint64_t)(base & 0xFFFFFF) << 16) |
	       ((uint64_t)access << 40) |
	       ((uint64_t)((limit >> 16) & 0xF) << 48) |
	       ((uint64_t)(flags & 0xF) << 52) | ((uint64_t)(base >> 24) << 56);
}

void gdt_init(void)
{
	struct {
		uint16_t limit;
		uint32_t base;
	} __attribute__((packed)) gdtr = { sizeof(gdt) - 1, (uint32_t)gdt };

	gdt[1] = segment(0, 0xFFFFF, 0x9A, 0xC); /* kernel code, ring 0 */
	gdt[2] = segment(0, 0xFFFFF, 0x92, 0xC); /* kernel data */
	gdt[3] = segment(0, 0xFFFFF, 0xFA, 0xC); /* user code, ring 3 */
	gdt[4] = segment(0, 0xFFFFF, 0xF2, 0xC); /* user data */
	tss.ss0 = __KERNEL_DS;
	tss.iomap_base =
		sizeof(tss); /* no I/O bitmap: ring 3 gets no port access */
	df_tss.esp = df_tss.esp0 = (uint32_t)(df_stack + sizeof(df_stack));
	df_tss.ss = df_tss.ss0 = df_tss.ds = df_tss.es = __KERNEL_DS;
	df_tss.cs = __KERNEL_CS;
	df_tss.eip = (uint32_t)double_fault_task;
	df_tss.eflags = 0x2;
	df_tss.cr3 = (uint32_t)swapper_pg_dir - 0xC0000000;
	df_tss.iomap_base = sizeof(df_tss);
	gdt[GDT_ENTRY_DOUBLEFAULT_TSS] =
		segment((uint32_t)&df_tss, sizeof(df_tss) - 1, 0x89, 0x0);
	gdt[GDT_ENTRY_TSS] =
		segment((uint32_t)&tss, sizeof(tss) - 1, 0x89, 0x0);

	asm volatile(
		"lgdt %0\n\t"
		"ljmp %1, $1f\n1:\n\t"
		"mov %2, %%ax\n\t"
		"mov %%ax, %%ds\n\t"
		"mov %%ax, %%es\n\t"
		"mov %%ax, %%ss\n\t"
		"xor %%ax, %%ax\n\t"
		"mov %%ax, %%fs\n\t"
		"mov %%ax, %%gs\n\t"
		"ltr %w3\n\t"
		/* A null LDT: the CPU starts with LDTR base 0, so without this an LDT
		      * selector (fs = 0x7, say) would read descriptors from user memory. */
		"lldt %%ax"
		:
		: "m"(gdtr), "i"(__KERNEL_CS), "i"(__KERNEL_DS),
		  "r"(GDT_ENTRY_TSS * 8)
		: "eax", "memory");
}

/* The TLS descriptors of the task about to run (kernel/tls.c), into GDT slots 6..8. */
void load_TLS(struct task_struct *t)
{
	for (int i = 0; i < GDT_ENTRY_TLS_ENTRIES; i++)
		gdt[GDT_ENTRY_TLS_MIN + i] = t->tls_array[i];
}

void tss_set_kernel_stack(unsigned long esp0)
{
	tss.esp0 = esp0;
}
