/* The kernel's own UndefinedBehaviorSanitizer and stack-protector handlers, for the
 * debug build (make DEBUG=1 compiles kernel/ and net/ with -fsanitize=undefined and
 * -fstack-protector-strong). Any report is a bug: it prints where, with a backtrace, and
 * panics, so QEMU stops with a failure status and the test run fails. This file itself
 * is compiled without either. */
#include <menuos/kernel.h>

struct source_location {
	const char *file;
	uint32_t line, column;
};

/* every handler's data starts with the location */
struct ubsan_data {
	struct source_location loc;
};

static __noreturn void ubsan_report(const char *what, const void *data)
{
	const struct source_location *loc =
		&((const struct ubsan_data *)data)->loc;

	printk("UBSAN: %s in %s:%u:%u\n", what, loc->file, loc->line,
	       loc->column);
	dump_backtrace((unsigned long)__builtin_frame_address(0));
	panic("undefined behaviour in the kernel");
}

struct type_mismatch_data {
	struct source_location loc;
	const void *type;
	uint8_t log_alignment;
	uint8_t type_check_kind;
};

void __ubsan_handle_type_mismatch_v1(struct type_mismatch_data *data, void *ptr)
{
	ubsan_report(ptr ? "misaligned or too small object"
			 : "NULL pointer access",
		     data);
}

#define UBSAN_HANDLER(name, what)                                \
	void __ubsan_handle_##name(void *data, void *a, void *b) \
	{                                                        \
		(void)a, (void)b;                                \
		ubsan_report(what, data);                        \
	}

UBSAN_HANDLER(add_overflow, "signed integer overflow (+)")
UBSAN_HANDLER(sub_overflow, "signed integer overflow (-)")
UBSAN_HANDLER(mul_overflow, "signed integer overflow (*)")
UBSAN_HANDLER(negate_overflow, "signed integer overflow (negation)")
UBSAN_HANDLER(divrem_overflow, "division by zero or overflow")
UBSAN_HANDLER(shift_out_of_bounds, "shift out of bounds")
UBSAN_HANDLER(out_of_bounds, "index out of bounds")
UBSAN_HANDLER(load_invalid_value, "load of an invalid value (bool or enum)")
UBSAN_HANDLER(pointer_overflow, "pointer overflow")
UBSAN_HANDLER(vla_bound_not_positive,
	      "variable-length array bound not positive")
UBSAN_HANDLER(nonnull_arg, "NULL passed as a nonnull argument")
UBSAN_HANDLER(nonnull_return_v1,
	      "NULL returned from a returns_nonnull function")
UBSAN_HANDLER(invalid_builtin, "invalid argument to a builtin")

void __ubsan_handle_builtin_unreachable(void *data)
{
	ubsan_report("__builtin_unreachable() reached", data);
}

void __ubsan_handle_missing_return(void *data)
{
	ubsan_report("the end of a function returning a value", data);
}

/* -fstack-protector-strong with -mstack-protector-guard=global: every protected frame
 * keeps a copy of this word under its return address. */
unsigned long __stack_chk_guard = 0xe2dee396;

void __noreturn __stack_chk_fail(void)
{
	unsigned long off;
	unsigned long ret = (unsigned long)__builtin_return_address(0);
	const char *fn = kallsyms_lookup(ret - 1, &off);

	panic("stack-protector: Kernel stack is corrupted in: %s",
	      fn ? fn : "?");
}
