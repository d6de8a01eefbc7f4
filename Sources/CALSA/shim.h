#ifndef MOCKPILOT_CALSA_H
#define MOCKPILOT_CALSA_H
#include <alsa/asoundlib.h>

/* ALSA prints its own diagnostics ("ALSA lib pcm.c:...: Unknown PCM foo") straight to stderr,
   which would corrupt the TUI and double every error. The handler type is variadic, which Swift
   cannot define, so the silent handler lives here. MockPilot reports errors itself. */
static void mockpilot_alsa_silent_handler(const char *file, int line, const char *function, int err,
                                          const char *fmt, ...) {
    (void)file; (void)line; (void)function; (void)err; (void)fmt;
}

static inline void mockpilot_alsa_silence_errors(void) {
    snd_lib_error_set_handler(mockpilot_alsa_silent_handler);
}
#endif
