// SPDX-License-Identifier: Apache-2.0
// Empty: the manifest is assembled by the operations layer
// (service/manifest.c) from the store's records. This file stays only while
// the build lists it; it can be removed with its line in CMakeLists.txt.
#include "store/store.h"
