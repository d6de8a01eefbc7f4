#ifndef MOCKPILOT_CPULSE_H
#define MOCKPILOT_CPULSE_H
/* libpulse-simple for capture (one blocking stream per source), libpulse's introspection for
   `mockpilot devices`. PipeWire's PulseAudio server speaks the same protocol. */
#include <pulse/simple.h>
#include <pulse/error.h>
#include <pulse/pulseaudio.h>
#endif
