#!/usr/bin/env python3
"""Export a torchvision ImageNet backbone as a Weft feature extractor (TorchScript).

    python3 models/export_torchvision.py resnet50 --out ~/.local/share/weft/models

writes, for the model id of models/manifest.json (e.g. resnet50-imagenet):

    <out>/<id>/features.pt         TorchScript module
    <out>/<id>/features.pt.sha256  "<hex>  features.pt" (sha256sum format), which the
                                   app checks the file against (the manifest has no
                                   sha256 for exported models, as torch versions differ)
    <out>/<id>/model.json          provenance: source, weights, licence, versions

The module has the same contract as shared/models/mobilenetv2-imagenet/features.pt:

    forward(x: float32 [N, 3, H, W], RGB, (pixel 0..255 - mean) / std) -> (mid, last)

with mean/std as in the manifest (torchvision's ImageNet values times 255). Any H, W
works; the script checks 224x224 and 300x517 against the eager model before writing.

    resnet50 / resnet101: mid = layer3 (1024 ch, stride 16), last = layer4 (2048 ch, stride 32)
    vgg16:                mid = conv4_3 + ReLU (features.22, 512 ch, stride 8),
                          last = conv5_3 + ReLU (features.29, 512 ch, stride 16; the final
                          max-pool is left out)
    mobilenet_v2:         (not in the manifest) mid = features.13 (96 ch, stride 16),
                          last = features.18 (1280 ch, ReLU6, stride 32)

Needs torch and torchvision (Debian: apt-get install python3-torchvision) and, unless
--random-weights is given, internet access to download the pretrained weights once
(cached by torch.hub, see TORCH_HOME). --random-weights exports an untrained network
with the right shapes, for tests and CI only.
"""

import argparse
import datetime
import hashlib
import json
import math
import os
import sys
import tempfile

IMAGENET_MEAN = [123.675, 116.28, 103.53]  # torchvision's (0.485, 0.456, 0.406) * 255
IMAGENET_STD = [58.395, 57.12, 57.375]     # torchvision's (0.229, 0.224, 0.225) * 255

# name on the command line -> what to build and what it promises.
MODELS = {
    "resnet50": {
        "id": "resnet50-imagenet", "builder": "resnet50", "weights": "ResNet50_Weights.IMAGENET1K_V2",
        "outputs": [("mid", "layer3", 1024, 16), ("last", "layer4", 2048, 32)],
    },
    "resnet101": {
        "id": "resnet101-imagenet", "builder": "resnet101", "weights": "ResNet101_Weights.IMAGENET1K_V2",
        "outputs": [("mid", "layer3", 1024, 16), ("last", "layer4", 2048, 32)],
    },
    "vgg16": {
        "id": "vgg16-imagenet", "builder": "vgg16", "weights": "VGG16_Weights.IMAGENET1K_V1",
        "outputs": [("mid", "features.22 (conv4_3 after ReLU)", 512, 8),
                    ("last", "features.29 (conv5_3 after ReLU)", 512, 16)],
    },
    "mobilenet_v2": {
        "id": "mobilenetv2-torchvision", "builder": "mobilenet_v2", "weights": "MobileNet_V2_Weights.IMAGENET1K_V2",
        "outputs": [("mid", "features.13", 96, 16), ("last", "features.18 (after ReLU6)", 1280, 32)],
    },
}

CHECK_SIZES = [(224, 224), (300, 517)]


def fail(message):
    print("export_torchvision.py: error: " + message, file=sys.stderr)
    sys.exit(1)


try:
    import torch
    import torchvision
    from torch import nn
except ImportError as error:
    fail("%s (Python %s). Install PyTorch and torchvision (Debian: apt-get install python3-torchvision) "
         "and run this script with that Python (Debian's is /usr/bin/python3)." % (error, sys.executable))


class ResNetFeatures(nn.Module):
    def __init__(self, net):
        super().__init__()
        self.stem = nn.Sequential(net.conv1, net.bn1, net.relu, net.maxpool)
        self.layer1 = net.layer1
        self.layer2 = net.layer2
        self.layer3 = net.layer3
        self.layer4 = net.layer4

    def forward(self, x):
        x = self.layer2(self.layer1(self.stem(x)))
        mid = self.layer3(x)
        last = self.layer4(mid)
        return mid, last


class SplitFeatures(nn.Module):
    """A torchvision `features` Sequential cut into two parts: [0, mid_end) and [mid_end, last_end)."""

    def __init__(self, features, mid_end, last_end):
        super().__init__()
        self.head = nn.Sequential(*list(features.children())[:mid_end])
        self.tail = nn.Sequential(*list(features.children())[mid_end:last_end])

    def forward(self, x):
        mid = self.head(x)
        last = self.tail(mid)
        return mid, last


def build(name, random_weights):
    spec = MODELS[name]
    builder = getattr(torchvision.models, spec["builder"])
    if random_weights:
        torch.manual_seed(0)
        net = builder(weights=None)
    else:
        enum_name, member = spec["weights"].split(".")
        weights = getattr(getattr(torchvision.models, enum_name), member)
        try:
            net = builder(weights=weights)
        except Exception as error:  # URLError, HTTPError, corrupt download, ...
            fail("cannot get the pretrained weights %s from %s (%s: %s). This needs internet access once; "
                 "the file is then cached under %s. (--random-weights exports an untrained network, "
                 "for tests only.)" % (spec["weights"], weights.url, type(error).__name__, error,
                                       os.path.join(torch.hub.get_dir(), "checkpoints")))
    net.eval()
    if name.startswith("resnet"):
        wrapper = ResNetFeatures(net)
    elif name == "vgg16":
        wrapper = SplitFeatures(net.features, 23, 30)   # ... features.22 ReLU | ... features.29 ReLU
    else:
        wrapper = SplitFeatures(net.features, 14, 19)   # features.0..13 | features.14..18
    return wrapper.eval()


def expected_size(size, stride, floor_pooling):
    # Convolutions with "same" padding round up; VGG's 2x2 max-pools round down.
    return size // stride if floor_pooling else math.ceil(size / stride)


def check(name, eager, scripted):
    spec = MODELS[name]
    for height, width in CHECK_SIZES:
        x = torch.randn(1, 3, height, width, generator=torch.Generator().manual_seed(height * width))
        with torch.no_grad():
            reference = eager(x)
            result = scripted(x)
        if not isinstance(result, tuple) or len(result) != 2:
            fail("the exported module does not return a (mid, last) tuple")
        for (out_name, layer, channels, stride), ref, out in zip(spec["outputs"], reference, result):
            shape = (1, channels, expected_size(height, stride, name == "vgg16"),
                     expected_size(width, stride, name == "vgg16"))
            if tuple(out.shape) != shape:
                fail("%s (%s) at %dx%d has shape %s, expected %s" % (out_name, layer, height, width,
                                                                     tuple(out.shape), shape))
            if not torch.isfinite(out).all():
                fail("%s at %dx%d has non-finite values" % (out_name, height, width))
            scale = max(1.0, ref.abs().max().item())
            difference = (out - ref).abs().max().item()
            if difference > 1e-4 * scale:
                fail("%s at %dx%d differs from the eager model by %g" % (out_name, height, width, difference))
        print("  checked %dx%d: mid %s, last %s" % (height, width, tuple(result[0].shape[1:]),
                                                   tuple(result[1].shape[1:])))


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_text_atomically(path, text):
    directory = os.path.dirname(path)
    handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def save_checked(scripted, target, check_loaded):
    """Saves a TorchScript module to `target` only after `check_loaded` accepted the
    module as loaded back from disk (what the app will load); writes target.sha256
    beside it. Returns (sha256 hex, bytes). A failure leaves no file behind."""
    handle, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=".pt", dir=os.path.dirname(target))
    os.close(handle)
    try:
        torch.jit.save(scripted, temporary)
        check_loaded(torch.jit.load(temporary))
        digest = sha256_of(temporary)
        size = os.path.getsize(temporary)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    write_text_atomically(target + ".sha256", "%s  %s\n" % (digest, os.path.basename(target)))
    return digest, size


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", choices=sorted(MODELS))
    parser.add_argument("--out", required=True, help="model folder (the app's WEFT_MODEL_DIR); "
                        "the files go to OUT/<model id>/")
    parser.add_argument("--random-weights", action="store_true",
                        help="do not download weights; export an untrained network (tests and CI only)")
    args = parser.parse_args()

    spec = MODELS[args.model]
    folder = os.path.join(os.path.abspath(args.out), spec["id"])
    target = os.path.join(folder, "features.pt")

    torch.set_grad_enabled(False)
    print("Exporting %s (%s) to %s" % (args.model, "random weights" if args.random_weights else spec["weights"],
                                       target))
    eager = build(args.model, args.random_weights)
    scripted = torch.jit.script(eager)
    os.makedirs(folder, exist_ok=True)

    digest, size = save_checked(scripted, target, lambda loaded: check(args.model, eager, loaded))

    info = {
        "id": spec["id"],
        "description": "torchvision %s feature extractor for Weft" % args.model,
        "source": "torchvision.models.%s, exported by models/export_torchvision.py %s"
                  % (spec["builder"], args.model),
        "licence": {"spdx": "BSD-3-Clause", "note": "torchvision code and weights"},
        "weights": "random (untrained, tests only)" if args.random_weights else spec["weights"],
        "random_weights": bool(args.random_weights),
        "runtime": {"loader": "torch::jit::load", "format": "TorchScript (torch.jit.script)",
                    "torch": torch.__version__, "torchvision": torchvision.__version__},
        "exported": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "files": [{"path": "features.pt", "bytes": size, "sha256": digest,
                   "role": "feature extractor (TorchScript)"}],
        "input": {"layout": "NCHW", "dtype": "float32", "colour_order": "RGB", "value_range": [0, 255],
                  "mean": IMAGENET_MEAN, "std": IMAGENET_STD, "any_size": True},
        "forward": "x[N,3,H,W] -> Tuple[mid, last]",
        "outputs": [{"name": n, "index": i, "layer": layer, "channels": c, "stride": s}
                    for i, (n, layer, c, s) in enumerate(spec["outputs"])],
    }
    write_text_atomically(os.path.join(folder, "model.json"), json.dumps(info, indent=2) + "\n")
    print("Wrote %s (%d bytes, sha256 %s), features.pt.sha256 and model.json" % (target, size, digest))
    if args.random_weights:
        print("Note: random weights; this model is for tests only and gives meaningless search results.")


if __name__ == "__main__":
    main()
