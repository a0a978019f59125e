"""Reference outputs of torchvision's own nms and roi_align for tst_torchvisionops.

    python3 torchvision_ops_reference.py FOLDER

FOLDER/cases.json lists the cases; inputs and outputs are tensors in FOLDER (see
torch_exchange.py). For every roi_align case <name> it reads <name>.input and
<name>.rois and writes <name>.output; for every nms case, <name>.boxes and
<name>.scores -> <name>.keep. Cases where torchvision raises are listed in
FOLDER/errors.json ({name: message}) instead.
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402
import torchvision  # noqa: E402
from torch_exchange import TensorFolder  # noqa: E402


def main():
    folder = TensorFolder(sys.argv[1])
    with open(os.path.join(sys.argv[1], "cases.json"), encoding="utf-8") as stream:
        cases = json.load(stream)
    torch.set_grad_enabled(False)
    errors = {}
    for case in cases["roi_align"]:
        name = case["name"]
        try:
            output = torchvision.ops.roi_align(folder.read(name + ".input"), folder.read(name + ".rois"),
                                               output_size=(case["pooled_height"], case["pooled_width"]),
                                               spatial_scale=case["spatial_scale"],
                                               sampling_ratio=case["sampling_ratio"], aligned=case["aligned"])
        except (RuntimeError, ValueError) as error:
            # torchvision 0.14 cannot handle some degenerate inputs (e.g. inverted boxes
            # with aligned=True and an adaptive grid); the test decides what to accept.
            errors[name] = "%s: %s" % (type(error).__name__, error)
            continue
        folder.write(name + ".output", output)
    for case in cases["nms"]:
        name = case["name"]
        keep = torchvision.ops.nms(folder.read(name + ".boxes"), folder.read(name + ".scores"),
                                   case["iou_threshold"])
        folder.write(name + ".keep", keep)
    with open(os.path.join(sys.argv[1], "errors.json"), "w", encoding="utf-8") as stream:
        json.dump(errors, stream, indent=1)
    print("torchvision %s: %d roi_align and %d nms cases" % (torchvision.__version__, len(cases["roi_align"]),
                                                            len(cases["nms"])))


if __name__ == "__main__":
    main()
