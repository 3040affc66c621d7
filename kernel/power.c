/* Leaving QEMU: the isa-debug-exit device (run-qemu.sh adds it at port 0xf4) ends QEMU with
 * status (value << 1) | 1; run-qemu.sh turns 0 into a clean exit and 1 into "panic".
 * Under v86 (the browser emulator of `make web`) the same port is v86's own test-exit: a
 * write there throws out of the emulator's loop and freezes the page, so it is skipped. */
#include <menuos/io.h>
#include <menuos/kernel.h>

#define DEBUG_EXIT_PORT 0xf4

/* v86 answers CPUID's hypervisor leaf with VMware's signature (it implements VMware's
 * backdoor port for its mouse); QEMU answers "TCGTCGTCGTCG" or "KVMKVMKVM". VMware itself
 * has no isa-debug-exit either, so the test needs no more than the signature. */
static bool running_on_v86(void)
{
	uint32_t eax = 1, ebx, ecx, edx;

	asm volatile("cpuid" : "+a"(eax), "=b"(ebx), "=c"(ecx), "=d"(edx));
	/* the hypervisor bit: without it there is no leaf 0x40000000 */
	if (!(ecx & (1u << 31)))
		return false;
	eax = 0x40000000;
	asm volatile("cpuid" : "+a"(eax), "=b"(ebx), "=c"(ecx), "=d"(edx));
	/* "VMwareVMware" in ebx, ecx, edx */
	return ebx == 0x61774d56 && ecx == 0x4d566572 && edx == 0x65726177;
}

void machine_exit(int code)
{
	local_irq_disable();
	if (running_on_v86()) {
		/* No power-off device: halt with interrupts off, which v86 reports to the page
		 * as its cpu-event-halt (the page then shows the machine as off). */
		printk("System halted.\n");
		for (;;)
			asm volatile("hlt");
	}
	outl(DEBUG_EXIT_PORT, code);
	/* Not under QEMU with isa-debug-exit: try the ACPI power-off of QEMU's PIIX4, then halt. */
	outw(0x604, 0x2000);
	for (;;)
		asm volatile("hlt");
}

void machine_power_off(void)
{
	printk("Power down.\n");
	machine_exit(0);
}
