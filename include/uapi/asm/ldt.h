/* set_thread_area(243): the TLS segment descriptor glibc asks for (Linux:
 * arch/x86/include/uapi/asm/ldt.h). */
#ifndef _UAPI_ASM_LDT_H
#define _UAPI_ASM_LDT_H

struct user_desc {
	unsigned int entry_number; /* -1: let the kernel pick a GDT slot */
	unsigned int base_addr;
	unsigned int limit;
	unsigned int seg_32bit : 1;
	unsigned int contents : 2;
	unsigned int read_exec_only : 1;
	unsigned int limit_in_pages : 1;
	unsigned int seg_not_present : 1;
	unsigned int useable : 1;
};

#endif
