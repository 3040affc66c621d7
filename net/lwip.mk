# lwIP in the kernel: upstream lwIP 2.1.3 (Debian's source package, fetched once by
# tools/fetch-lwip.sh into build/), configured by net/lwip-port/lwipopts.h.
# Defines LWIP_INC (include flags for net/*.c), LWIP_OBJ (lwIP's objects to link into the
# kernel) and LWIP_STAMP (the unpacked source; objects wait for it, order-only).
LWIP_DIR   := $(B)/lwip-2.1.3
LWIP_STAMP := $(LWIP_DIR)/.unpacked
LWIP_INC   := -Inet/lwip-port -I$(LWIP_DIR)/src/include

# IPv4, TCP, UDP, raw IP, ARP, ICMP, DHCP and the loopback interface; nothing from api/ (lwIP's
# own sockets and netconn are not used: see lwipopts.h).
LWIP_CORE := init def inet_chksum ip mem memp netif pbuf raw stats sys tcp tcp_in tcp_out \
             timeouts udp ipv4/etharp ipv4/icmp ipv4/ip4 ipv4/ip4_addr ipv4/ip4_frag ipv4/dhcp
LWIP_SRC  := $(addprefix $(LWIP_DIR)/src/core/,$(addsuffix .c,$(LWIP_CORE))) \
             $(LWIP_DIR)/src/netif/ethernet.c
LWIP_OBJ  := $(patsubst $(LWIP_DIR)/src/%.c,$(B)/lwip/%.o,$(LWIP_SRC)) \
             $(patsubst %.c,$(B)/%.o,$(wildcard net/lwip-port/*.c))

# No prerequisites: the script itself skips whatever is already there, and the unpacked
# tree is what the objects need. net/lwip-port/*.o are built by the Makefile's
# $(B)/net/%.o rule, which adds LWIP_INC and waits for this stamp too.
$(LWIP_STAMP):
	$(call say,FETCH,lwIP 2.1.3)
	$(Q)bash tools/fetch-lwip.sh $(B)

# The sources exist only once fetched: without this a fresh tree finds "no rule to make
# build/lwip/core/init.o" before the fetch has run.
$(LWIP_SRC): | $(LWIP_STAMP)

# Upstream code, upstream style: it passes all of the kernel's warnings as it is (-Werror).
$(B)/lwip/%.o: $(LWIP_DIR)/src/%.c | $(SETUP) $(LWIP_STAMP)
	@mkdir -p $(@D)
	$(call say,CC,$@)
	$(Q)$(CC) $(KCFLAGS) $(LWIP_INC) -c $< -o $@
