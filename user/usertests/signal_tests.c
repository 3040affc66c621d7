#include "check.h"
const struct test_case signal_tests[] = { { 0, 0 } };
