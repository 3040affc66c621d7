#include "check.h"
const struct test_case mem_tests[] = { { 0, 0 } };
