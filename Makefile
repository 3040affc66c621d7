# MenuOS build. `make` builds build/kernel.elf and build/menuos.iso; `make run` boots it;
# `make test` runs every test; `make help` lists the rest. Header dependencies are tracked
# with -MMD, so an incremental build recompiles only what changed.

CROSS   ?= i686-linux-gnu-
CC      := $(CROSS)gcc
LD      := $(CROSS)ld
AR      := $(CROSS)ar
NM      := $(CROSS)nm
NASM    := nasm
PYTHON  := python3
B       := build

# tools/setup.sh installs missing Debian packages; the stamp makes it run once per machine.
SETUP := $(B)/.setup-done

GCC_INC   = $(shell $(CC) -print-file-name=include 2>/dev/null)
LIBGCC    = $(shell $(CC) -print-libgcc-file-name 2>/dev/null)
WARN      := -Wall -Wextra -Werror
COMMON    = -m32 -march=i686 -ffreestanding -fno-pie -fno-stack-protector \
            -fno-omit-frame-pointer -nostdinc -isystem $(GCC_INC) -g $(WARN) -MMD -MP
# CFI goes to .debug_frame (not .eh_frame, which linker.ld drops): GDB unwinds through
# the ktrace NOP at function entry with it
KCFLAGS   = $(COMMON) -Og -fno-builtin -mgeneral-regs-only -fno-asynchronous-unwind-tables \
            -Iinclude -Iinclude/uapi
UCFLAGS   = $(COMMON) -O2 -Ilibc/include -Iinclude/uapi
NASMFLAGS := -f elf32 -g -F dwarf -Iinclude/
# `make V=1` shows the full commands
ifeq ($(V),1)
Q :=
say = @true
else
Q := @
say = @echo "  $(1)	$(2)"
endif

.PHONY: all run test bench stress debug gdb clean setup libc user lint format help extra linux-progs linux-peer web serve-web FORCE
all: $(B)/kernel.elf $(B)/menuos.iso extra

help:
	@echo "make            build build/kernel.elf and build/menuos.iso"
	@echo "make run        build and boot MenuOS, serial console on this terminal"
	@echo "make debug      boot halted with a GDB stub (GDB_PORT=1234 by default)"
	@echo "make gdb        in a second terminal: gdb with .gdbinit, connected (same GDB_PORT)"
	@echo "make test       run every test; ends with 'N passed, N failed'"
	@echo "make bench      print the benchmark table (MenuOS and the Linux peer)"
	@echo "make stress     the long fuzz, exhaustion, soak and isolation runs, then their figures"
	@echo "make EXTRA=DIR  (also make run EXTRA=DIR) the executables in DIR join /bin, as build/extra.cpio"
	@echo "make linux-progs   tests/linux/*.c, static against glibc, into build/linux-progs/"
	@echo "make linux-peer    Debian's i386 Linux with the same /bin, in build/linux-peer/ (./run-qemu.sh --linux)"
	@echo "make web        build/web/: MenuOS in the browser (v86 and xterm.js from npm, no install for the reader)"
	@echo "make serve-web  serve build/web/ on http://127.0.0.1:$(PORT)/ (PORT=... for another port)"
	@echo "make lint       clang-format check and cppcheck"
	@echo "make format     reformat the C sources with .clang-format"
	@echo "make compile_commands.json   for clangd and editors (uses bear)"

setup: $(SETUP)
$(SETUP): tools/setup.sh
	@bash tools/setup.sh
	@mkdir -p $(B) && touch $@

# ---- libc: build/libc/crt0.o + build/libc/libc.a -----------------------------------------
LIBC_OBJ := $(patsubst %.c,$(B)/%.o,$(wildcard libc/*.c)) \
            $(patsubst %.asm,$(B)/%.o,$(filter-out libc/crt0.asm,$(wildcard libc/*.asm)))
CRT0     := $(B)/libc/crt0.o
libc: $(B)/libc/libc.a $(CRT0)
$(B)/libc/libc.a: $(LIBC_OBJ)
	@rm -f $@
	$(call say,AR,$@)
	$(Q)$(AR) rcs $@ $^
$(B)/libc/%.o: libc/%.c | $(SETUP)
	@mkdir -p $(@D)
	$(call say,CC,$@)
	$(Q)$(CC) $(UCFLAGS) -c $< -o $@
$(B)/libc/%.o: libc/%.asm | $(SETUP)
	@mkdir -p $(@D)
	$(call say,AS,$@)
	$(Q)$(NASM) $(NASMFLAGS) $< -o $@

# ---- user programs: user/NAME.c or user/NAME/*.c -> build/bin/NAME (i386 ELF at 0x08048000)
# user/testlib/ is no program: it is the test framework of the in-guest test programs, a
# static library (build/user/testlib/libtestlib.a) that TESTLIB_PROGS link before libc.
USER_SINGLE := $(basename $(notdir $(wildcard user/*.c)))
USER_DIRS   := $(filter-out testlib,$(notdir $(patsubst %/,%,$(dir $(wildcard user/*/*.c)))))
USER_PROGS  := $(sort $(USER_SINGLE) $(USER_DIRS))
USER_BINS   := $(addprefix $(B)/bin/,$(USER_PROGS))
TESTLIB       := $(B)/user/testlib/libtestlib.a
TESTLIB_PROGS := usertests sockettests unixtests robusttests
user: $(USER_BINS)
$(B)/user/%.o: user/%.c | $(SETUP)
	@mkdir -p $(@D)
	$(call say,CC,$@)
	$(Q)$(CC) $(UCFLAGS) -Iuser/$(firstword $(subst /, ,$*)) -c $< -o $@
$(TESTLIB): $(patsubst %.c,$(B)/%.o,$(wildcard user/testlib/*.c))
	@rm -f $@
	$(call say,AR,$@)
	$(Q)$(AR) rcs $@ $^
define user_prog
$(B)/bin/$(1): $(CRT0) $(patsubst %.c,$(B)/%.o,$(wildcard user/$(1).c user/$(1)/*.c)) $(if $(filter $(1),$(TESTLIB_PROGS)),$(TESTLIB)) $(B)/libc/libc.a
	@mkdir -p $$(@D)
	$$(call say,LD,$$@)
	$$(Q)$$(LD) -m elf_i386 -static -o $$@ $$(filter %.o %.a,$$^) $$(LIBGCC)
endef
$(foreach p,$(USER_PROGS),$(eval $(call user_prog,$(p))))

# ---- initrd: /bin/* as a cpio (newc) archive, linked into the kernel ----------------------
# the list of programs is remembered too: adding or leaving one out remakes the initrd
$(B)/.userprogs: FORCE
	@mkdir -p $(B)
	@echo '$(USER_PROGS)' | cmp -s - $@ || echo '$(USER_PROGS)' > $@
$(B)/initrd.cpio: $(USER_BINS) tools/mkinitrd.py $(B)/.userprogs
	$(call say,CPIO,$@)
	$(Q)$(PYTHON) tools/mkinitrd.py $@ $(USER_BINS)
$(B)/initrd.o: $(B)/initrd.cpio kernel/initrd_blob.asm
	$(Q)$(NASM) $(NASMFLAGS) -DINITRD_PATH='"$(B)/initrd.cpio"' kernel/initrd_blob.asm -o $@

# ---- kernel ---------------------------------------------------------------------------------
include net/lwip.mk

# ktrace (kernel/ktrace.c): every function of the socket path starts with a 5-byte NOP
# that ktrace patches into a call while a process is traced (Linux's dynamic ftrace)
# make DEBUG=1: the kernel's own code with UBSan and the stack protector (kernel/ubsan.c
# reports and panics). The flags are remembered, so switching rebuilds the kernel.
ifeq ($(DEBUG),1)
KDEBUG := -fsanitize=undefined -fno-sanitize=alignment -fstack-protector-strong \
          -mstack-protector-guard=global -DCONFIG_DEBUG
endif
$(B)/.kdebug: FORCE
	@mkdir -p $(B)
	@echo '$(KDEBUG)' | cmp -s - $@ || echo '$(KDEBUG)' > $@
$(B)/kernel/%.o $(B)/net/%.o: KCFLAGS += $(KDEBUG)
$(B)/kernel/ubsan.o: KDEBUG :=
.PHONY: FORCE

KTRACE_OBJ := $(addprefix $(B)/net/,socket.o af_inet.o tcp.o udp.o sock.o) \
              $(addprefix $(B)/lwip/core/,tcp.o tcp_out.o tcp_in.o udp.o netif.o ipv4/ip4.o)
$(KTRACE_OBJ): KCFLAGS += -pg -mfentry -mnop-mcount -mrecord-mcount

KERNEL_C   := $(wildcard kernel/*.c kernel/drivers/*.c kernel/fs/*.c net/*.c net/unix/*.c)
KERNEL_ASM := $(wildcard boot/*.asm kernel/*.asm)
KERNEL_ASM := $(filter-out kernel/initrd_blob.asm,$(KERNEL_ASM))
KERNEL_OBJ := $(patsubst %.c,$(B)/%.o,$(KERNEL_C)) $(patsubst %.asm,$(B)/%.o,$(KERNEL_ASM))

$(B)/kernel/%.o: kernel/%.c $(B)/.kdebug | $(SETUP)
	@mkdir -p $(@D)
	$(call say,CC,$@)
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@
$(B)/net/%.o: net/%.c $(B)/.kdebug | $(SETUP) $(LWIP_STAMP)
	@mkdir -p $(@D)
	$(call say,CC,$@)
	$(Q)$(CC) $(KCFLAGS) $(LWIP_INC) -c $< -o $@
# boot.asm without DWARF: its line info spans two sections (physical and virtual), which
# makes GDB warn at every backtrace that reaches it; the symbols are enough there
$(B)/boot/%.o: boot/%.asm | $(SETUP)
	@mkdir -p $(@D)
	$(call say,AS,$@)
	$(Q)$(NASM) -f elf32 -Iinclude/ $< -o $@
$(B)/kernel/%.o: kernel/%.asm | $(SETUP)
	@mkdir -p $(@D)
	$(call say,AS,$@)
	$(Q)$(NASM) $(NASMFLAGS) $< -o $@

# Two links, like Linux's kallsyms: the first finds the function addresses, the second links
# them in as a table the fault handler prints backtraces from. .kallsyms sits after .text in
# linker.ld, so the table cannot move any function; the check below proves it.
KERNEL_OBJ += $(LWIP_OBJ)
$(B)/kernel.elf: $(KERNEL_OBJ) $(B)/initrd.o linker.ld tools/kallsyms.py
	$(call say,LD,$@)
	$(Q)$(LD) -m elf_i386 -T linker.ld -o $(B)/kernel.pass1.elf $(KERNEL_OBJ) $(B)/initrd.o $(LIBGCC)
	$(Q)$(NM) -n $(B)/kernel.pass1.elf | $(PYTHON) tools/kallsyms.py > $(B)/kallsyms.asm
	$(Q)$(NASM) $(NASMFLAGS) $(B)/kallsyms.asm -o $(B)/kallsyms.o
	$(Q)$(LD) -m elf_i386 -T linker.ld -o $@ $(KERNEL_OBJ) $(B)/initrd.o $(B)/kallsyms.o $(LIBGCC)
	@$(NM) -n $(B)/kernel.pass1.elf | grep -i ' t ' > $(B)/syms.1
	@$(NM) -n $@ | grep -i ' t ' > $(B)/syms.2
	@cmp -s $(B)/syms.1 $(B)/syms.2 || { echo "kallsyms moved functions"; rm -f $@; exit 1; }

# ---- EXTRA=DIR: more programs without a kernel rebuild ---------------------------------------
# The executables in DIR become /bin/NAME in build/extra.cpio, a Multiboot module the kernel
# unpacks into its root filesystem at boot: run-qemu.sh passes it with -initrd, the ISO's
# grub.cfg with a `module` line. A make without EXTRA removes the archive again.
# build/extra.state names the programs; it is rewritten only when that list changes, so the
# ISO is rebuilt when programs come or go, not on every make.
ifneq ($(EXTRA),)
EXTRA_FILES := $(sort $(shell find $(EXTRA)/ -maxdepth 1 -type f -perm -u=x))
$(if $(EXTRA_FILES),,$(error EXTRA=$(EXTRA): no executable files there))
EXTRA_CPIO  := $(B)/extra.cpio
$(EXTRA_CPIO): $(EXTRA_FILES) $(B)/extra.state tools/mkinitrd.py
	$(call say,CPIO,$@)
	$(Q)$(PYTHON) tools/mkinitrd.py $@ $(EXTRA_FILES)
endif
$(B)/extra.state: FORCE
	@mkdir -p $(@D)
	@echo '$(notdir $(EXTRA_FILES))' | cmp -s - $@ || echo '$(notdir $(EXTRA_FILES))' >$@
extra: $(B)/extra.state $(EXTRA_CPIO)
	$(if $(EXTRA),@echo "  EXTRA	$(notdir $(EXTRA_FILES)) in /bin (build/extra.cpio)",@rm -f $(B)/extra.cpio)
FORCE:

$(B)/menuos.iso: $(B)/kernel.elf boot/grub.cfg $(B)/extra.state $(EXTRA_CPIO)
	@rm -rf $(B)/iso && mkdir -p $(B)/iso/boot/grub
	$(call say,ISO,$@)
	$(Q)cp $(B)/kernel.elf $(B)/iso/boot/kernel.elf
	$(Q)cp boot/grub.cfg $(B)/iso/boot/grub/grub.cfg
ifneq ($(EXTRA),)
	$(Q)cp $(EXTRA_CPIO) $(B)/iso/boot/extra.cpio
	$(Q)sed -i 's|^\(\s*\)multiboot /boot/kernel.elf.*|&\n\1module /boot/extra.cpio|' $(B)/iso/boot/grub/grub.cfg
	$(Q)grep -q 'module /boot/extra.cpio' $(B)/iso/boot/grub/grub.cfg || { echo "boot/grub.cfg: no multiboot line for the module"; exit 1; }
endif
	$(Q)grub-mkrescue -o $@ $(B)/iso 2>$(B)/grub-mkrescue.log || { cat $(B)/grub-mkrescue.log; exit 1; }

# ---- running, testing ------------------------------------------------------------------------
run: $(B)/kernel.elf extra
	./run-qemu.sh

# `make debug` boots halted with the GDB stub; `make gdb` in a second terminal starts Debian's
# gdb with .gdbinit (symbols, target remote, the menuos-* commands of tools/gdb/menuos.py).
# GDB_PORT=1300 on both picks another port (several users on one machine). gdb runs as a job
# of its own (bash -m) so that Ctrl-C, which stops MenuOS, does not interrupt make as well.
GDB_PORT ?= $(or $(MENUOS_GDB_PORT),1234)
debug: $(B)/kernel.elf
	@$(PYTHON) -c 'import socket as s; k = s.socket(); k.setsockopt(s.SOL_SOCKET, s.SO_REUSEADDR, 1); k.bind(("127.0.0.1", $(GDB_PORT)))' 2>/dev/null \
		|| { echo "port $(GDB_PORT) is taken (another MenuOS?): make debug GDB_PORT=<another>"; exit 1; }
	@echo "QEMU waits, halted, for GDB on 127.0.0.1:$(GDB_PORT). In a second terminal, here: make gdb$(if $(filter-out 1234,$(GDB_PORT)), GDB_PORT=$(GDB_PORT))"
	@echo "then in gdb: break sys_socketcall, continue, and type hello here. Ctrl-A X quits QEMU."
	@MENUOS_GDB_PORT=$(GDB_PORT) ./run-qemu.sh --gdb
gdb:
	@test -f $(B)/kernel.elf || { echo "no $(B)/kernel.elf yet: make debug (or make) first"; exit 1; }
	@echo "MENUOS_GDB_PORT=$(GDB_PORT) gdb -q -iex 'set auto-load local-gdbinit off' -x .gdbinit"
	@MENUOS_GDB_PORT=$(GDB_PORT) bash -c '[ -t 0 ] && set -m; gdb -q -iex "set auto-load local-gdbinit off" -x .gdbinit; exit $$?'

test: all web
	$(PYTHON) tests/run_tests.py

bench: all linux-progs
	$(PYTHON) tests/bench.py

# The long versions of tests/test_robust.py: fuzz with random seeds, robusttests -s, the host
# sanitizer tests and libFuzzer for a minute per target; prints the figures (README: "Hard to
# break"). MENUOS_STRESS_SEEDS, MENUOS_STRESS_CALLS, MENUOS_STRESS_LIBFUZZER_SECONDS scale it.
stress: all
	$(PYTHON) tests/test_robust.py --stress

# ---- Linux programs and the Linux peer --------------------------------------------------------
# tests/linux/*.c are ordinary Linux programs: static i386 executables against Debian's glibc
# (i686-linux-gnu-gcc -static), not our libc. They run unmodified on MenuOS (make EXTRA=
# build/linux-progs) and on the Linux peer.
LINUX_PROGS := $(addprefix $(B)/linux-progs/,$(basename $(notdir $(wildcard tests/linux/*.c))))
linux-progs: $(LINUX_PROGS)
$(B)/linux-progs/%: tests/linux/%.c | $(SETUP)
	@mkdir -p $(@D)
	$(call say,GLIBC,$@)
	$(Q)$(CC) -static -O2 -g -Wall -Wextra -Werror -o $@ $<

# Debian's stock i386 kernel (downloaded, unpacked under build/linux-peer, never installed)
# with an initramfs of our /bin and the glibc programs: it boots to the same MenuOS shell.
linux-peer: user linux-progs
	@bash tools/linux-peer.sh build

# ---- MenuOS in the browser ---------------------------------------------------------------------
# build/web/ is a static page that boots the same build/kernel.elf in v86 (an x86 emulator in
# WebAssembly) with its serial console in xterm.js. Their files come from the npm registry
# through web/package-lock.json (npm ci, into build/npm/) and are copied beside the page, so it
# needs nothing from the network once built. playwright-core is the browser test's
# (tests/test_web.py). make DEBUG=1 builds the page around the debug kernel, like every target.
NPM_DIR   := $(B)/npm
NPM_STAMP := $(NPM_DIR)/.installed
WEB_SRC   := web/index.html web/menuos.js web/menuos.css
WEB_NPM   := v86/build/libv86.js v86/build/v86.wasm v86/build/v86-fallback.wasm \
             @xterm/xterm/lib/xterm.js @xterm/xterm/css/xterm.css
PORT      ?= 8086
$(NPM_STAMP): web/package.json web/package-lock.json
	@mkdir -p $(NPM_DIR)
	@command -v npm >/dev/null || { echo "make web needs node and npm: bash tools/setup.sh"; exit 1; }
	$(call say,NPM,$(NPM_DIR))
	$(Q)cp web/package.json web/package-lock.json $(NPM_DIR)/
	$(Q)cd $(NPM_DIR) && npm ci --no-audit --no-fund --loglevel=error >/dev/null
	@touch $@
$(B)/.web-built: $(WEB_SRC) $(B)/kernel.elf $(NPM_STAMP)
	$(call say,WEB,$(B)/web)
	$(Q)rm -rf $(B)/web && mkdir -p $(B)/web
	$(Q)cp $(WEB_SRC) $(B)/kernel.elf $(addprefix $(NPM_DIR)/node_modules/,$(WEB_NPM)) $(B)/web/
	@touch $@
web: $(B)/.web-built
serve-web: web
	@echo "MenuOS in the browser: http://127.0.0.1:$(PORT)/  (Ctrl-C stops the server)"
	@cd $(B)/web && exec $(PYTHON) -m http.server --bind 127.0.0.1 $(PORT)

# ---- code habits ------------------------------------------------------------------------------
# cppcheck's ctuuninitvar is off for user code: a buffer the kernel fills (getsockopt's optval)
# looks uninitialised to it.
FORMAT_SRC = $(shell git ls-files '*.c' '*.h')
format:
	clang-format -i $(FORMAT_SRC)
lint:
	clang-format --dry-run --Werror $(FORMAT_SRC)
	cppcheck --quiet --error-exitcode=1 --std=c11 --enable=warning,portability \
		--inline-suppr --suppress=missingIncludeSystem -Iinclude -Iinclude/uapi \
		kernel net
	cppcheck --quiet --error-exitcode=1 --std=c11 --enable=warning,portability \
		--inline-suppr --suppress=missingIncludeSystem --suppress=ctuuninitvar \
		-Ilibc/include -Iinclude/uapi libc user
compile_commands.json: $(SETUP)
	$(MAKE) clean
	bear -- $(MAKE) all

clean:
	rm -rf $(B)

-include $(shell find $(B) -name '*.d' -type f 2>/dev/null)
