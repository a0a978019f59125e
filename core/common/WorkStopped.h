#pragma once

#include <exception>
#include <functional>

namespace weft {

// Asked now and then by long work that cannot report progress step by step (a
// database check, a copy, an index build): true when its owner wants it to stop.
using ShouldStop = std::function<bool()>;

// Thrown by such work when ShouldStop said so, after putting back or finishing
// whatever it had half done; the owner that asked catches it. Not an error: a
// stop has no message for a user.
class WorkStopped : public std::exception {
public:
    const char* what() const noexcept override { return "stopped on request"; }
};

}  // namespace weft
