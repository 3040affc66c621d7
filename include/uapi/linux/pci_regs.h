/* PCI configuration space: register offsets and bits (Linux: include/uapi/linux/pci_regs.h,
 * the subset MenuOS uses, same names and values). Every device has 256 bytes of
 * configuration space; the first 64 are the standard header below. */
#ifndef _UAPI_LINUX_PCI_REGS_H
#define _UAPI_LINUX_PCI_REGS_H

#define PCI_CFG_SPACE_SIZE    256
#define PCI_STD_HEADER_SIZEOF 64

#define PCI_VENDOR_ID		       0x00 /* 16 bits; 0xffff: no device here */
#define PCI_DEVICE_ID		       0x02 /* 16 bits */
#define PCI_COMMAND		       0x04 /* 16 bits */
#define PCI_COMMAND_IO		       0x1 /* respond to I/O space accesses */
#define PCI_COMMAND_MEMORY	       0x2 /* respond to memory space accesses */
#define PCI_COMMAND_MASTER	       0x4 /* may start DMA (bus mastering) */
#define PCI_COMMAND_INTX_DISABLE       0x400
#define PCI_STATUS		       0x06 /* 16 bits */
#define PCI_CLASS_REVISION	       0x08 /* class (24 bits) << 8 | revision */
#define PCI_REVISION_ID		       0x08
#define PCI_CLASS_PROG		       0x09
#define PCI_CLASS_DEVICE	       0x0a /* base class << 8 | subclass */
#define PCI_HEADER_TYPE		       0x0e /* 8 bits */
#define PCI_HEADER_TYPE_NORMAL	       0
#define PCI_HEADER_TYPE_BRIDGE	       1
#define PCI_HEADER_TYPE_MASK	       0x7f /* the bit above: a multi-function device */
#define PCI_BASE_ADDRESS_0	       0x10 /* six 32-bit BARs, 0x10..0x24 */
#define PCI_BASE_ADDRESS_SPACE_IO      0x01
#define PCI_BASE_ADDRESS_MEM_TYPE_MASK 0x06
#define PCI_BASE_ADDRESS_MEM_TYPE_64   0x04
#define PCI_BASE_ADDRESS_MEM_PREFETCH  0x08
#define PCI_BASE_ADDRESS_MEM_MASK      (~0x0fUL)
#define PCI_BASE_ADDRESS_IO_MASK       (~0x03UL)
#define PCI_SUBSYSTEM_VENDOR_ID	       0x2c
#define PCI_SUBSYSTEM_ID	       0x2e
#define PCI_ROM_ADDRESS		       0x30
#define PCI_INTERRUPT_LINE \
	0x3c /* 8 bits: the IRQ the firmware routed INTx to */
#define PCI_INTERRUPT_PIN 0x3d /* 8 bits: 1..4 = INTA..INTD, 0: none */
#define PCI_SECONDARY_BUS 0x19 /* bridges: the bus behind them */

#endif
