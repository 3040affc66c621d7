#include "check.h"
const struct test_case poll_tests[] = { { 0, 0 } };
