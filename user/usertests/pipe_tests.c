#include "check.h"
const struct test_case pipe_tests[] = { { 0, 0 } };
