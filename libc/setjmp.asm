; setjmp/longjmp. jmp_buf holds what a C function must preserve (ebx, esi,
; edi, ebp), the stack pointer and the return address: longjmp restores them
; and "returns from setjmp" a second time, with a non-zero value.

global setjmp
global longjmp

section .text
setjmp:					; int setjmp(jmp_buf env)
	mov eax, [esp + 4]		; env
	mov [eax], ebx
	mov [eax + 4], esi
	mov [eax + 8], edi
	mov [eax + 12], ebp
	lea ecx, [esp + 4]		; esp once setjmp has returned
	mov [eax + 16], ecx
	mov ecx, [esp]			; where setjmp returns to
	mov [eax + 20], ecx
	xor eax, eax			; the direct call returns 0
	ret

longjmp:				; void longjmp(jmp_buf env, int val)
	mov edx, [esp + 4]		; env
	mov eax, [esp + 8]		; val
	test eax, eax
	jnz .restore
	inc eax				; longjmp(env, 0) makes setjmp return 1
.restore:
	mov ebx, [edx]
	mov esi, [edx + 4]
	mov edi, [edx + 8]
	mov ebp, [edx + 12]
	mov esp, [edx + 16]
	jmp [edx + 20]

section .note.GNU-stack noalloc noexec nowrite progbits
