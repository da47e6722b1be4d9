#!/usr/bin/python3
"""Writes the small PyTorch checkpoints that Atelier's .pth reader is tested against.

Run with Debian's python3-torch (apt-get install python3-torch):
    /usr/bin/python3 tools/make_test_pth.py src/test/resources/app/atelier/model

Writes, deterministically:
  tiny.pth            state_dict of a small VGG-shaped torchvision-style network (zip format)
  tiny-legacy.pth     the same state_dict in torch's pre-1.6 legacy format, the format of
                      torchvision's vgg19-dcbb9e9d.pth
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


def main(out):
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(1234)
    state = TinyVgg().state_dict()
    torch.save(state, os.path.join(out, "tiny.pth"))
    torch.save(state, os.path.join(out, "tiny-legacy.pth"), _use_new_zipfile_serialization=False)
    np.savez(os.path.join(out, "tiny-expected.npz"), **{k: v.numpy() for k, v in state.items()})

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
