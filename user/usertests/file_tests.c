#include "check.h"
const struct test_case file_tests[] = { { 0, 0 } };
