#ifndef MOCKPILOT_COPUS_H
#define MOCKPILOT_COPUS_H
#include <opus.h>
#include <opus_multistream.h>
#endif
