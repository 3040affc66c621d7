# GDB for MenuOS. In one terminal: `make debug` (QEMU waits, halted, on 127.0.0.1:1234).
# In another, from this directory: `gdb -x .gdbinit` (plain `gdb` reads this file too once
# ~/.gdbinit has `add-auto-load-safe-path /path/to/menuos`). Then for example:
#   break system_call        every int $0x80
#   break sys_write          one syscall, then `bt`: sys_write <- do_syscall <- system_call
#   continue
#   usersyms menu            load a user program's symbols (build/bin/menu) to step it
set confirm off
set pagination off
file build/kernel.elf
target remote 127.0.0.1:1234

define usersyms
  add-symbol-file build/bin/$arg0
end
document usersyms
Load the symbols of /bin/NAME (build/bin/NAME) to break and step in that user program.
end
