#ifndef MOCKPILOT_CALSA_H
#define MOCKPILOT_CALSA_H
#include <alsa/asoundlib.h>
#endif
