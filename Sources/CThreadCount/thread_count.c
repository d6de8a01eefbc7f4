// How many threads MockPilot's numeric code spreads work over: one number for the process, kept
// here because OpenBLAS can no longer hold it. OpenBLAS is told to run on the calling thread
// only, and matrix products are cut into row blocks that MockPilot runs on its own threads
// (Tensor's Parallel), beside its softmaxes, GELUs and float16 products. OpenBLAS's own
// workers, idle between calls, spin on sched_yield for about 2^28 cycles by default: on two
// cores they took the core those threads needed (a quarter of the CPU time of `transcribe`).
#include <stdatomic.h>
#include "thread_count.h"

// From OpenBLAS's cblas.h; the executable links OpenBLAS through the CCBLAS module.
int openblas_get_num_threads(void);
void openblas_set_num_threads(int count);

// 0 until first read or set.
static _Atomic int thread_count = 0;

int mockpilot_thread_count(void) {
    int count = atomic_load(&thread_count);
    if (count > 0) return count;
    // The first caller takes OpenBLAS's default (the CPUs it found) and leaves it one thread.
    int found = openblas_get_num_threads();
    if (found < 1) found = 1;
    int expected = 0;
    if (atomic_compare_exchange_strong(&thread_count, &expected, found)) {
        openblas_set_num_threads(1);
        return found;
    }
    return expected;
}

void mockpilot_set_thread_count(int count) {
    if (count < 1) count = 1;
    (void)mockpilot_thread_count();
    atomic_store(&thread_count, count);
}
