#!/usr/bin/env python3
"""Export torchvision's Mask R-CNN (ResNet-50 FPN, COCO) as a Weft instance segmenter (TorchScript).

    python3 models/export_maskrcnn.py --out ~/.local/share/weft/models

writes, for the manifest entry maskrcnn-resnet50-fpn-coco:

    <out>/maskrcnn-resnet50-fpn-coco/model.pt         TorchScript (torch.jit.script)
    <out>/maskrcnn-resnet50-fpn-coco/model.pt.sha256  "<hex>  model.pt" (sha256sum format)
    <out>/maskrcnn-resnet50-fpn-coco/model.json       provenance, settings, COCO category names

The module is torchvision's detection model as scripted, with its contract:

    forward(images: List[Tensor[3, H, W]] (RGB, float 0..1), targets=None)
        -> (losses: Dict[str, Tensor], detections: List[Dict[str, Tensor]])

one dict per image with boxes [N, 4] (x1, y1, x2, y2 in input pixels), labels [N]
(int64, COCO category ids 1..90), scores [N] and masks [N, 1, H, W] (probabilities at
the input size). The model normalises with ImageNet mean/std and resizes internally
(shorter side to --min-size, longer side at most --max-size). Its graph calls two
torchvision operators, torchvision::nms and torchvision::roi_align, which Weft provides
itself (core/models/TorchvisionOps.cpp), so LibTorch alone runs it.

--score-thresh (box_score_thresh) defaults to 0.2, the seed paper's lowered threshold
(torchvision's default is 0.05); --detections (box_detections_per_img) keeps the best
10 candidates per image. --proposals (rpn_post_nms_top_n_test, default 1000) sets how
many region proposals reach the box head, whose first layer (12544 x 1024 per
proposal) dominates CPU time when torch uses a reference (netlib) BLAS.

Needs torch and torchvision (Debian: apt-get install python3-torchvision) and, unless
--random-weights is given, internet access to download the COCO weights once (cached
by torch.hub, see TORCH_HOME). --random-weights exports an untrained network with the
same structure, for tests and CI only.
"""

import argparse
import datetime
import json
import os
import sys

MODEL_ID = "maskrcnn-resnet50-fpn-coco"
FILE_NAME = "model.pt"
WEIGHTS = "MaskRCNN_ResNet50_FPN_Weights.COCO_V1"


def fail(message):
    print("export_maskrcnn.py: error: " + message, file=sys.stderr)
    sys.exit(1)


# Checksums and atomic writes are the same as for the backbones.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from export_torchvision import save_checked, write_text_atomically  # noqa: E402

try:
    import torch
    import torchvision
    from torchvision.models import detection
except ImportError as error:
    fail("%s (Python %s). Install PyTorch and torchvision (Debian: apt-get install python3-torchvision) "
         "and run this script with that Python (Debian's is /usr/bin/python3)." % (error, sys.executable))


def build(args):
    settings = dict(box_score_thresh=args.score_thresh, box_detections_per_img=args.detections,
                    min_size=args.min_size, max_size=args.max_size, rpn_post_nms_top_n_test=args.proposals)
    if args.random_weights:
        torch.manual_seed(0)
        model = detection.maskrcnn_resnet50_fpn(weights=None, weights_backbone=None, **settings)
    else:
        weights = detection.MaskRCNN_ResNet50_FPN_Weights.COCO_V1
        try:
            model = detection.maskrcnn_resnet50_fpn(weights=weights, weights_backbone=None, **settings)
        except Exception as error:  # URLError, HTTPError, corrupt download, ...
            fail("cannot get the pretrained weights %s from %s (%s: %s). This needs internet access once; "
                 "the file is then cached under %s. (--random-weights exports an untrained network, "
                 "for tests only.)" % (WEIGHTS, weights.url, type(error).__name__, error,
                                       os.path.join(torch.hub.get_dir(), "checkpoints")))
    return model.eval()


def check_image(height, width):
    """A deterministic test picture: smooth colour ramps with a few bright rectangles."""
    y = torch.linspace(0, 1, height).view(height, 1)
    x = torch.linspace(0, 1, width).view(1, width)
    image = torch.stack([0.5 + 0.5 * torch.sin(6 * x + 3 * y), 0.5 + 0.5 * torch.cos(5 * y - 2 * x),
                         (x * y).expand(height, width)])
    image[:, height // 4: height // 2, width // 5: width // 2] = torch.tensor([0.9, 0.2, 0.1]).view(3, 1, 1)
    image[:, height // 2: 3 * height // 4, width // 2: 4 * width // 5] = torch.tensor([0.1, 0.3, 0.9]).view(3, 1, 1)
    return image.contiguous()


def check(eager, scripted):
    image = check_image(240, 320)
    with torch.no_grad():
        reference = eager([image])[0]
        losses, detections = scripted([image])
    if not isinstance(detections, list) or len(detections) != 1:
        fail("the exported module does not return (losses, [detections]) for one image")
    result = detections[0]
    for key in ("boxes", "labels", "scores", "masks"):
        if key not in result:
            fail("the exported module's detections lack '%s'" % key)
        if result[key].shape != reference[key].shape:
            fail("'%s' has shape %s, the eager model's %s" % (key, tuple(result[key].shape),
                                                             tuple(reference[key].shape)))
    count = result["boxes"].shape[0]
    if count:
        if result["masks"].shape[1:] != (1, 240, 320):
            fail("masks have shape %s, expected [N, 1, 240, 320]" % (tuple(result["masks"].shape),))
        for key in ("boxes", "scores", "masks"):
            difference = (result[key] - reference[key]).abs().max().item()
            if difference > 1e-4 * max(1.0, reference[key].abs().max().item()):
                fail("'%s' differs from the eager model by %g" % (key, difference))
        if not torch.equal(result["labels"], reference["labels"]):
            fail("labels differ from the eager model's")
    print("  checked 240x320: %d detections, scores %s" % (count, [round(s, 3) for s in result["scores"].tolist()]))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="model folder (the app's WEFT_MODEL_DIR); "
                        "the files go to OUT/%s/" % MODEL_ID)
    parser.add_argument("--random-weights", action="store_true",
                        help="do not download weights; export an untrained network (tests and CI only)")
    parser.add_argument("--score-thresh", type=float, default=0.2,
                        help="minimum detection score (box_score_thresh; default 0.2, the seed paper's)")
    parser.add_argument("--detections", type=int, default=10,
                        help="detections kept per image (box_detections_per_img; default 10)")
    parser.add_argument("--min-size", type=int, default=800,
                        help="the model resizes images so the shorter side is this long (default 800)")
    parser.add_argument("--max-size", type=int, default=1333,
                        help="... and the longer side at most this long (default 1333)")
    parser.add_argument("--proposals", type=int, default=1000,
                        help="region proposals per image that reach the box head (rpn_post_nms_top_n_test; "
                             "default 1000, torchvision's); fewer is faster on CPU")
    args = parser.parse_args()
    if not 0.0 <= args.score_thresh <= 1.0:
        parser.error("--score-thresh must lie in [0, 1]")
    if args.detections < 1 or args.proposals < 1 or args.min_size < 32 or args.max_size < args.min_size:
        parser.error("--detections and --proposals must be positive, --min-size at least 32 and --max-size "
                     "at least --min-size")

    folder = os.path.join(os.path.abspath(args.out), MODEL_ID)
    target = os.path.join(folder, FILE_NAME)
    torch.set_grad_enabled(False)
    print("Exporting Mask R-CNN ResNet-50 FPN (%s) to %s" % ("random weights" if args.random_weights else WEIGHTS,
                                                            target))
    eager = build(args)
    scripted = torch.jit.script(eager)
    os.makedirs(folder, exist_ok=True)

    digest, size = save_checked(scripted, target, lambda loaded: check(eager, loaded))

    categories = detection.MaskRCNN_ResNet50_FPN_Weights.COCO_V1.meta["categories"]
    info = {
        "id": MODEL_ID,
        "description": "torchvision Mask R-CNN ResNet-50 FPN instance segmenter for Weft",
        "source": "torchvision.models.detection.maskrcnn_resnet50_fpn, exported by models/export_maskrcnn.py",
        "licence": {"spdx": "BSD-3-Clause",
                    "note": "torchvision code and weights; the weights were trained on COCO 2017, whose "
                            "annotations are CC BY 4.0 and whose images have their own Flickr licences"},
        "weights": "random (untrained, tests only)" if args.random_weights else WEIGHTS,
        "random_weights": bool(args.random_weights),
        "runtime": {"loader": "torch::jit::load", "format": "TorchScript (torch.jit.script)",
                    "custom_operators": ["torchvision::nms", "torchvision::roi_align"],
                    "torch": torch.__version__, "torchvision": torchvision.__version__},
        "exported": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "files": [{"path": FILE_NAME, "bytes": size, "sha256": digest, "role": "instance segmenter (TorchScript)"}],
        "settings": {"box_score_thresh": args.score_thresh, "box_detections_per_img": args.detections,
                     "min_size": args.min_size, "max_size": args.max_size,
                     "rpn_post_nms_top_n_test": args.proposals},
        "input": {"layout": "List[CHW]", "dtype": "float32", "colour_order": "RGB", "value_range": [0, 1]},
        "forward": "List[x[3,H,W]] -> Tuple[Dict[str, Tensor], List[Dict[str, Tensor]]] "
                   "(boxes [N,4] xyxy px, labels [N] int64, scores [N], masks [N,1,H,W] 0..1)",
        "categories": categories,
    }
    write_text_atomically(os.path.join(folder, "model.json"), json.dumps(info, indent=2) + "\n")
    print("Wrote %s (%d bytes, sha256 %s), %s.sha256 and model.json" % (target, size, digest, FILE_NAME))
    if args.random_weights:
        print("Note: random weights; this model is for tests only and finds nothing meaningful.")


if __name__ == "__main__":
    main()
