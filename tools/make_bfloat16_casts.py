#!/usr/bin/python3
"""Writes the two TorchScript modules the engine casts tensors between float32 and bfloat16 with:
DJL 0.36's NDArray.toType(BFLOAT16) aborts the JVM (its JNI maps data types 0-8 only and answers
any other with a bare `throw;`, which terminates), but a TorchScript module's own `x.to(...)`
never passes a data type through DJL. Autograd records the casts like any operator.

Run with Debian's python3-torch (apt-get install python3-torch):
    /usr/bin/python3 tools/make_bfloat16_casts.py src/main/resources/app/atelier/engine
"""

import os
import sys

import torch


class ToBfloat16(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.to(torch.bfloat16)


class ToFloat32(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.to(torch.float32)


def main(folder):
    os.makedirs(folder, exist_ok=True)
    torch.jit.script(ToBfloat16()).save(os.path.join(folder, "to_bfloat16.pt"))
    torch.jit.script(ToFloat32()).save(os.path.join(folder, "to_float32.pt"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "src/main/resources/app/atelier/engine")
