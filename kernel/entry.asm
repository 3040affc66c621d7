; Every way into the kernel from an interrupt, an exception or `int $0x80`, and the way back.
; Each entry pushes the interrupted registers as a struct pt_regs (include/menuos/ptrace.h,
; Linux's i386 layout), calls C with a pointer to it, and leaves through ret_from_intr, which
; handles rescheduling and signals before an iret to ring 3.

%define __KERNEL_DS 0x10
%define PT_CS 52

%macro SAVE_ALL 0
	cld
	push gs
	push fs
	push es
	push ds
	push eax
	push ebp
	push edi
	push esi
	push edx
	push ecx
	push ebx
	mov edx, __KERNEL_DS
	mov ds, edx
	mov es, edx
	xor edx, edx                    ; no user selector (a TLS slot of glibc's %gs) stays
	mov fs, edx                     ; loaded in the kernel: the GDT slot changes when
	mov gs, edx                     ; another task runs (load_TLS)
	xor ebp, ebp                    ; the kernel's frame chain starts here (GDB's bt ends)
%endmacro

%macro RESTORE_ALL 0
	pop ebx
	pop ecx
	pop edx
	pop esi
	pop edi
	pop ebp
	pop eax
	pop ds
	pop es
	pop fs
	pop gs
	add esp, 4                      ; orig_ax
	iret
%endmacro

extern do_syscall
extern do_trap
extern do_IRQ
extern exit_to_user_mode

section .text

; int $0x80: eax = Linux i386 syscall number, arguments in ebx, ecx, edx, esi, edi, ebp.
; The number is kept in orig_ax; do_syscall puts the result in the saved eax.
global system_call
system_call:
	push eax                        ; orig_ax
	SAVE_ALL
	push esp
	call do_syscall
	add esp, 4
	jmp ret_from_intr

; Common exit: on the way back to ring 3, schedule and deliver signals first.
global ret_from_intr
ret_from_intr:
	test dword [esp + PT_CS], 3
	jz .restore
	push esp
	call exit_to_user_mode          ; returns with interrupts off
	add esp, 4
.restore:
	RESTORE_ALL

; A new task created by fork starts here, on a kernel stack holding a copy of its parent's
; pt_regs (with eax = 0), and goes straight back to ring 3.
global ret_from_fork
ret_from_fork:
	jmp ret_from_intr

; ktrace: a traced function's first instruction calls this (kernel/ktrace.c patches the
; NOP that -mfentry put there). [esp] is the address after that call, [esp+4] the
; function's return address, then its arguments; ktrace_enter sees them in place.
extern ktrace_enter
global ktrace_fentry
ktrace_fentry:
	push eax
	push ecx
	push edx
	lea eax, [esp + 12]
	push eax
	call ktrace_enter
	add esp, 4
	pop edx
	pop ecx
	pop eax
	ret

; ktrace (kernel/ktrace.c) makes a traced function return here instead of to its caller:
; ktrace_return records eax and gives back the real return address (ftrace's
; return_to_handler). eax and edx, the return value, are kept.
extern ktrace_return
global ktrace_return_to_handler
ktrace_return_to_handler:
	push eax
	push edx
	push eax
	call ktrace_return
	add esp, 4
	mov ecx, eax                    ; ecx is free at a function's return
	pop edx
	pop eax
	jmp ecx

; void return_to_user(struct pt_regs *regs): leave the kernel through regs (starting init).
global return_to_user
return_to_user:
	mov esp, [esp + 4]
	jmp ret_from_intr

; void switch_to_stack(unsigned long *prev_sp, unsigned long next_sp): the context switch.
; Saves the callee-saved registers on this task's kernel stack and its stack pointer in
; *prev_sp, then takes next's stack; `ret` continues wherever next was switched out.
global switch_to_stack
switch_to_stack:
	mov eax, [esp + 4]
	mov edx, [esp + 8]
	push ebp
	push ebx
	push esi
	push edi
	mov [eax], esp
	mov esp, edx
	pop edi
	pop esi
	pop ebx
	pop ebp
	ret

; CPU exceptions 0..31. Those without an error code push a 0 so the frame is the same.
%macro EXCEPTION 2                      ; vector, pushes-error-code
global exception_%1
exception_%1:
%if %2 == 0
	push 0
%endif
	SAVE_ALL
	push esp
	push %1
	call do_trap
	add esp, 8
	jmp ret_from_intr
%endmacro

%assign v 0
%rep 32
%if v == 8 || (v >= 10 && v <= 14) || v == 17 || v == 21 || v == 29 || v == 30
	EXCEPTION v, 1
%else
	EXCEPTION v, 0
%endif
%assign v v + 1
%endrep

; Hardware interrupts 0..15 (vectors 0x20..0x2f); orig_ax = ~irq, as on Linux.
%macro IRQ 1
global irq_%1
irq_%1:
	push ~%1
	SAVE_ALL
	push esp
	call do_IRQ
	add esp, 4
	jmp ret_from_intr
%endmacro

%assign i 0
%rep 16
	IRQ i
%assign i i + 1
%endrep

; Tables of the stubs' addresses, for trap_init and init_IRQ.
section .rodata
global exception_stubs
exception_stubs:
%assign v 0
%rep 32
	dd exception_ %+ v
%assign v v + 1
%endrep
global irq_stubs
irq_stubs:
%assign i 0
%rep 16
	dd irq_ %+ i
%assign i i + 1
%endrep

section .note.GNU-stack noalloc noexec nowrite progbits
