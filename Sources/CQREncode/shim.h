#ifndef AGENTREF_CQRENCODE_SHIM_H
#define AGENTREF_CQRENCODE_SHIM_H

#include <qrencode.h>

#endif
