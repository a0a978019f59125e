"""Tensor folders shared with tests/models/TorchExchange.h: raw little-endian data in
<name>.bin, described by tensors.json ({name: {"dtype": ..., "shape": [...]}})."""

import json
import os
import sys

import numpy
import torch

if sys.byteorder != "little":
    raise SystemExit("torch_exchange.py: tensor files are little-endian; this machine is not")

DTYPES = {"float32": numpy.float32, "int64": numpy.int64, "uint8": numpy.uint8}


class TensorFolder:
    def __init__(self, directory):
        self.directory = directory
        os.makedirs(directory, exist_ok=True)

    def _index(self):
        try:
            with open(os.path.join(self.directory, "tensors.json"), encoding="utf-8") as stream:
                return json.load(stream)
        except FileNotFoundError:
            return {}

    def read(self, name):
        entry = self._index()[name]
        data = numpy.fromfile(os.path.join(self.directory, name + ".bin"), dtype=DTYPES[entry["dtype"]])
        return torch.from_numpy(data.reshape(entry["shape"]).copy())

    def write(self, name, tensor):
        tensor = tensor.detach().cpu().contiguous()
        dtype = {torch.float32: "float32", torch.int64: "int64", torch.uint8: "uint8"}[tensor.dtype]
        tensor.numpy().tofile(os.path.join(self.directory, name + ".bin"))
        index = self._index()
        index[name] = {"dtype": dtype, "shape": list(tensor.shape)}
        with open(os.path.join(self.directory, "tensors.json"), "w", encoding="utf-8") as stream:
            json.dump(index, stream, indent=1)
