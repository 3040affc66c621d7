; crt0: the entry point of every MenuOS program. The kernel (like Linux) starts
; us with [esp] = argc, then argv[0..argc-1], NULL, envp[...], NULL, auxv.

global _start
extern __libc_start_main

section .text
_start:
	xor ebp, ebp			; outermost frame: stops backtraces
	mov eax, [esp]			; argc
	lea ebx, [esp + 4]		; argv
	lea ecx, [ebx + eax * 4 + 4]	; envp: after argv's NULL
	and esp, -16			; the i386 ABI wants 16-byte alignment at calls
	sub esp, 4
	push ecx
	push ebx
	push eax
	call __libc_start_main		; never returns: it calls exit()
	hlt				; privileged: faults if we ever get here

section .note.GNU-stack noalloc noexec nowrite progbits
