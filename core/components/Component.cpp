#include "core/components/Component.h"
