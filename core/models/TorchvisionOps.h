#pragma once

// Weft's own CPU implementations of the two torchvision operators that TorchScript
// exports of torchvision's detection models call (checked on torchvision 0.14's
// scripted maskrcnn_resnet50_fpn, whose graph holds only these two):
//
//   torchvision::nms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor
//   torchvision::roi_align(Tensor input, Tensor rois, float spatial_scale, int pooled_height,
//                          int pooled_width, int sampling_ratio, bool aligned) -> Tensor
//
// so such models load with LibTorch alone, without linking libtorchvision. Written
// from the published algorithms (greedy NMS; RoIAlign of the Mask R-CNN paper with
// torchvision's documented conventions), inference only: there are no backward
// kernels, so run the models under torch::NoGradGuard or c10::InferenceMode.
//
// No Torch header here (see Backbone.h): declarations of the kernels live in the .cpp
// and tests reach them through the dispatcher (torch::Dispatcher / the op registry).

namespace weft {

// Registers the operators with the process's Torch dispatcher, once; later calls do
// nothing. Call it before torch::jit::load of a model that uses them (the
// InstanceSegmenter does). If another library (libtorchvision) has already defined
// torchvision::nms and torchvision::roi_align, that library's operators are kept and
// ours are not registered. Thread-safe.
void registerTorchvisionOperators();

// True when the operators in use are Weft's (registerTorchvisionOperators() found
// the namespace free); false before registration or when libtorchvision's are in use.
bool torchvisionOperatorsAreWefts();

}  // namespace weft
