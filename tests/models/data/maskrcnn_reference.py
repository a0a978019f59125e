"""Reference run of an exported Mask R-CNN for tst_instancesegmenter.

    python3 maskrcnn_reference.py MODEL.pt FOLDER

reads FOLDER's tensor "image" (uint8 [H, W, 3], RGB; see torch_exchange.py), runs the
TorchScript model with torchvision's own operators on it as float 0..1 CHW, and
writes boxes, scores, labels and masks (uint8 [N, H, W], round(probability * 255) as
Weft quantises them) to FOLDER, plus "timing" (float32 [2]: ms of the first and second run).
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402
import torchvision  # noqa: E402, F401  (registers torchvision::nms and roi_align)
from torch_exchange import TensorFolder  # noqa: E402


def main():
    model_path, folder = sys.argv[1], TensorFolder(sys.argv[2])
    torch.set_num_threads(2)
    model = torch.jit.load(model_path).eval()
    image = folder.read("image").permute(2, 0, 1).to(torch.float32).div(255).contiguous()
    timing = []
    with torch.inference_mode():
        for _ in range(2):
            start = time.perf_counter()
            losses, detections = model([image])
            timing.append((time.perf_counter() - start) * 1000)
    result = detections[0]
    masks = (result["masks"][:, 0].clamp(0, 1) * 255 + 0.5).floor().to(torch.uint8)
    folder.write("boxes", result["boxes"].to(torch.float32))
    folder.write("scores", result["scores"].to(torch.float32))
    folder.write("labels", result["labels"].to(torch.int64))
    folder.write("masks", masks)
    folder.write("timing", torch.tensor(timing, dtype=torch.float32))
    print("torchvision %s: %d detections on %dx%d, %.0f ms (first run %.0f ms)"
          % (torchvision.__version__, result["boxes"].shape[0], image.shape[2], image.shape[1], timing[1], timing[0]))


if __name__ == "__main__":
    main()
