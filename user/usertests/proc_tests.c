#include "check.h"
const struct test_case proc_tests[] = { { 0, 0 } };
