#!/usr/bin/python3
"""Writes the small PyTorch checkpoints that Atelier's .pth reader is tested against.

Run with Debian's python3-torch (apt-get install python3-torch):
    /usr/bin/python3 tools/make_test_pth.py src/test/resources/app/atelier/model

Writes, deterministically:
  tiny.pth            state_dict of a small VGG-shaped torchvision-style network (zip format)
  tiny-legacy.pth     the same state_dict in torch's pre-1.6 legacy format, the format of
                      torchvision's vgg19-dcbb9e9d.pth
  tiny-2017.pth       the same state_dict written as torch 0.1.10 wrote torchvision's VGG19 file in 2017:
                      legacy format, torch._utils._rebuild_tensor (v1), no _metadata; checked here by
                      loading it back with torch.load
  tiny-expected.npz   the same tensors written by numpy, the independent reference
  views.pth           tensors that share a storage, with offsets, a transpose and float64/float16
  views-expected.npz  their values
  malicious.pth       a checkpoint whose pickle calls os.system when torch.load runs it
  malicious-eval.pth  the same with builtins.eval

Nothing here loads or runs the malicious files: pickling an object only records the
(function, args) pair its __reduce__ returns; the call would happen at unpickling time.
"""
import collections
import os
import pickle
import struct
import sys

import numpy as np
import torch
from torch import nn

PWNED_MARKER = "/tmp/atelier-pth-pwned"


class TinyVgg(nn.Module):
    """VGG's layout in miniature: conv/ReLU/pool features, then a linear classifier."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 4, 3, padding=1), nn.ReLU(inplace=True),
            nn.Conv2d(4, 4, 3, padding=1), nn.ReLU(inplace=True),
            nn.MaxPool2d(2, 2),
            nn.Conv2d(4, 8, 3, padding=1), nn.ReLU(inplace=True),
        )
        self.classifier = nn.Sequential(nn.Linear(8 * 2 * 2, 5))


class RunsShellCommand:
    def __reduce__(self):
        return (os.system, ("touch " + PWNED_MARKER,))


class RunsEval:
    def __reduce__(self):
        return (eval, ("__import__('os').system('touch " + PWNED_MARKER + "')",))


class _StorageOf:
    """Stands for a tensor's storage while pickling, as torch 0.1.x's persistent_id saw it."""

    def __init__(self, tensor):
        self.tensor = tensor


class _Pickler2017(pickle.Pickler):
    def __init__(self, f, storages):
        super().__init__(f, protocol=2)
        self.storages = storages

    def reducer_override(self, obj):
        if isinstance(obj, torch.Tensor):
            return (torch._utils._rebuild_tensor,
                    (_StorageOf(obj), obj.storage_offset(), tuple(obj.size()), obj.stride()))
        return NotImplemented

    def persistent_id(self, obj):
        if isinstance(obj, _StorageOf):
            storage = obj.tensor.storage()
            key = str(storage.data_ptr())
            self.storages[key] = storage
            return ("storage", torch.FloatStorage, key, "cpu", storage.size(), None)
        return None


def save_2017_style(state, path):
    """torch.save as of 2017: magic, protocol, sys_info, the pickle, its storage keys, raw storages."""
    storages = {}
    with open(path, "wb") as f:
        pickle.dump(0x1950a86a20f9469cfc6c, f, protocol=2)
        pickle.dump(1001, f, protocol=2)
        pickle.dump({"protocol_version": 1001, "little_endian": True,
                     "type_sizes": {"short": 2, "int": 4, "long": 8}}, f, protocol=2)
        _Pickler2017(f, storages).dump(collections.OrderedDict(state.items()))
        keys = sorted(storages.keys())
        pickle.dump(keys, f, protocol=2)
        for key in keys:
            storage = storages[key]
            f.write(struct.pack("<q", storage.size()))
            f.write(torch.tensor(storage.tolist(), dtype=torch.float32).numpy().astype("<f4").tobytes())


def main(out):
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(1234)
    state = TinyVgg().state_dict()
    torch.save(state, os.path.join(out, "tiny.pth"))
    torch.save(state, os.path.join(out, "tiny-legacy.pth"), _use_new_zipfile_serialization=False)
    np.savez(os.path.join(out, "tiny-expected.npz"), **{k: v.numpy() for k, v in state.items()})
    save_2017_style(state, os.path.join(out, "tiny-2017.pth"))
    reloaded = torch.load(os.path.join(out, "tiny-2017.pth"))
    assert list(reloaded.keys()) == list(state.keys())
    assert all(torch.equal(reloaded[k], v) for k, v in state.items()), "tiny-2017.pth does not load back"

    base = torch.arange(24, dtype=torch.float32) * 0.5 - 3.0
    views = collections.OrderedDict()
    views["first"] = base[0:6].view(2, 3)
    views["second"] = base[6:18].view(3, 4)
    views["second_t"] = base[6:18].view(3, 4).t()
    views["scalar"] = torch.tensor(2.5)
    views["double"] = torch.linspace(-1, 1, 5, dtype=torch.float64)
    views["half"] = torch.tensor([0.5, -2.0, 65504.0], dtype=torch.float16)
    torch.save(views, os.path.join(out, "views.pth"))
    np.savez(os.path.join(out, "views-expected.npz"),
             **{k: v.contiguous().numpy().astype(np.float32) for k, v in views.items()})

    evil = collections.OrderedDict(state)
    evil["features.9.payload"] = RunsShellCommand()
    torch.save(evil, os.path.join(out, "malicious.pth"))
    torch.save({"weight": torch.zeros(2), "payload": RunsEval()}, os.path.join(out, "malicious-eval.pth"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/app/atelier/model")
