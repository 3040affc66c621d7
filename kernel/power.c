/* Leaving QEMU: the isa-debug-exit device (run-qemu.sh adds it at port 0xf4) ends QEMU with
 * status (value << 1) | 1; run-qemu.sh turns 0 into a clean exit and 1 into "panic". */
#include <menuos/io.h>
#include <menuos/kernel.h>

#define DEBUG_EXIT_PORT 0xf4

void machine_exit(int code)
{
	local_irq_disable();
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
