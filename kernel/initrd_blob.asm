; The initrd (a cpio archive of /bin, made by tools/mkinitrd.py) linked into the kernel, so
; `qemu -kernel build/kernel.elf` needs no second file. INITRD_PATH comes from the Makefile.
section .rodata
align 16
global initrd_start, initrd_end
initrd_start:
	incbin INITRD_PATH
initrd_end:

section .note.GNU-stack noalloc noexec nowrite progbits
