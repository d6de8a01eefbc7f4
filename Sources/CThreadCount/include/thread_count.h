#ifndef MOCKPILOT_THREAD_COUNT_H
#define MOCKPILOT_THREAD_COUNT_H

/// The threads numeric work is spread over (at first, the CPUs OpenBLAS found). The first call
/// leaves OpenBLAS itself one thread: MockPilot splits products over its own threads.
int mockpilot_thread_count(void);

/// Sets the count (at least 1).
void mockpilot_set_thread_count(int count);

#endif
