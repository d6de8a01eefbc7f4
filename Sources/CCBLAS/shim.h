#ifndef MOCKPILOT_CCBLAS_H
#define MOCKPILOT_CCBLAS_H
/* pkg-config openblas puts the openblas-pthread include folder first. */
#include <cblas.h>
#include "half.h"
#endif
