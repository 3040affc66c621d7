; __restore_rt: where a signal handler returns to. libc passes it to the
; kernel as sa_restorer (SA_RESTORER); when the handler returns, esp points at
; the signal frame the kernel pushed, and rt_sigreturn(173) restores the
; registers and signal mask saved there. No stack may be touched before it.

global __restore_rt

section .text
__restore_rt:
	mov eax, 173			; __NR_rt_sigreturn
	int 0x80

section .note.GNU-stack noalloc noexec nowrite progbits
