# Debian ships OpenCV's CMake package only with the big libopencv-dev meta package;
# we install just the modules we use, so find them one by one.
find_path(WEFT_OPENCV_INCLUDE_DIR opencv2/core.hpp PATH_SUFFIXES opencv4 REQUIRED)
set(WEFT_OPENCV_LIBRARIES "")
foreach(module core imgproc imgcodecs dnn features2d calib3d)
    find_library(WEFT_OPENCV_${module}_LIBRARY opencv_${module} REQUIRED)
    add_library(opencv::${module} UNKNOWN IMPORTED)
    set_target_properties(opencv::${module} PROPERTIES
        IMPORTED_LOCATION "${WEFT_OPENCV_${module}_LIBRARY}"
        INTERFACE_SYSTEM_INCLUDE_DIRECTORIES "${WEFT_OPENCV_INCLUDE_DIR}"
        INTERFACE_INCLUDE_DIRECTORIES "${WEFT_OPENCV_INCLUDE_DIR}")
endforeach()
