; Multiboot v1 entry: GRUB or `qemu -kernel` jumps to _start in 32-bit protected mode with
; paging off, eax = 0x2BADB002 and ebx = the physical address of the Multiboot info.
; We switch on paging with 4 MiB pages so the kernel, linked at 0xC0100000, runs in the top
; gigabyte (like Linux's PAGE_OFFSET), then call kmain on a stack of our own.

%define KERNEL_VIRT_BASE 0xC0000000
%define MB_MAGIC         0x1BADB002
%define MB_FLAGS         0x00000003          ; page-align modules, give us the memory map

section .multiboot
align 4
	dd MB_MAGIC
	dd MB_FLAGS
	dd -(MB_MAGIC + MB_FLAGS)

section .boot.text progbits alloc exec nowrite
global _start
extern kmain
global swapper_pg_dir
_start:
	cli
	mov esi, eax                            ; keep the Multiboot magic
	; The kernel's page directory maps physical 0..768 MiB at 0xC0000000 with 4 MiB pages
	; (the direct map: phys_to_virt is + 0xC0000000), plus, for now, the first 4 MiB at 0
	; for the few instructions that run at physical addresses after paging is on; kmain
	; removes that identity mapping. Every process's page directory shares these entries.
	mov ecx, swapper_pg_dir - KERNEL_VIRT_BASE
	mov dword [ecx], 0x00000083             ; present, writable, 4 MiB page at 0
	lea edi, [ecx + 768 * 4]
	mov eax, 0x00000083
.fill:	mov [edi], eax
	add eax, 0x00400000
	add edi, 4
	cmp eax, 0x30000083                     ; 768 MiB
	jne .fill
	mov edx, cr4
	or edx, 0x00000010                      ; CR4.PSE: 4 MiB pages
	mov cr4, edx
	mov cr3, ecx
	mov edx, cr0
	or edx, 0x80010000                      ; CR0.PG and CR0.WP (honour read-only pages in ring 0)
	mov cr0, edx
	lea edx, [higher_half]
	jmp edx

section .text
higher_half:
	mov esp, boot_stack_top
	xor ebp, ebp                            ; ends the backtrace chain
	push ebx                                ; Multiboot info (physical)
	push esi                                ; Multiboot magic
	call kmain
.hang:	cli
	hlt
	jmp .hang

section .bss
align 4096
swapper_pg_dir:	resb 4096
global boot_stack_top
boot_stack:	resb 16384
boot_stack_top:

section .note.GNU-stack noalloc noexec nowrite progbits
