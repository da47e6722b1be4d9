#!/usr/bin/python3
"""The computation `atelier bench` times, written the usual way in PyTorch-Python.

Same network shapes and taps, same costs (the design's normalisation), same Adam with the
engine's gradient scaling and clamping to [0, 1], same picture conversion each iteration, same
intra-op thread count. One configuration per process, so that VmHWM (peak resident memory) is this
configuration's own. Prints one line with the keys `atelier bench --raw` prints:

    RESULT backbone=... size=... opt=adam impl=pytorch ... median_ms=... peak_rss_mb=... gflops=...

Run with Debian's python3-torch and libopenblas0-pthread (without it Debian's build falls back to
a slow single-threaded reference BLAS). Weights: SqueezeNet 1.1 from the shared .npy folder; VGG19
from a torchvision-keyed .safetensors file when given, else random He-normal weights of the right
shapes (the work per iteration does not depend on the values).
"""

import argparse
import json
import math
import os
import struct
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image, ImageOps

MEAN = torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1)
STD = torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1)

SQUEEZENET_TAPS = ["conv0"] + ["fire%d" % i for i in range(1, 9)]
FIRE_CHANNELS = [(16, 64), (16, 64), (32, 128), (32, 128), (48, 192), (48, 192), (64, 256), (64, 256)]
VGG_BLOCKS = [[64, 64], [128, 128], [256] * 4, [512] * 4, [512] * 4]
VGG_TAPS = ["conv%d_%d" % (b + 1, c + 1) for b, block in enumerate(VGG_BLOCKS) for c in range(len(block))]

# The app's defaults (engine Defaults.parameters and BackboneKind's layer weights): keep in step.
DEFAULTS = {
    "squeezenet1_1": dict(content=["fire1"], alpha=1.0, beta=0.0025,
                          style=[("conv0", 20000.0), ("fire2", 500.0), ("fire3", 12.0), ("fire4", 1.0)]),
    "vgg19": dict(content=["conv4_2"], alpha=1.0, beta=1.0,
                  style=[("conv1_1", 244.0), ("conv2_1", 61.0), ("conv3_1", 15.0), ("conv4_1", 3.8), ("conv5_1", 3.8)]),
}
TV_WEIGHT, LEARNING_RATE = 0.0, 0.015

MACS = {"conv": 0.0, "gram": 0.0}  # counted on the first evaluation
PHASE_MS = {"forward": 0.0, "backward": 0.0}  # summed over evaluations, for --profile


def conv_relu(x, weight, bias, stride=1, padding=0, count=False):
    y = F.conv2d(x, weight, bias, stride=stride, padding=padding)
    if count:
        MACS["conv"] += weight.shape[0] * weight.shape[1] * weight.shape[2] * weight.shape[3] * y.shape[2] * y.shape[3]
    return F.relu(y)


class SqueezeNet:
    def __init__(self, folder):
        def load(i):
            w = torch.from_numpy(np.load(os.path.join(folder, "squeezenet0_conv%d_weight.npy" % i)))
            b = torch.from_numpy(np.load(os.path.join(folder, "squeezenet0_conv%d_bias.npy" % i)))
            return w, b
        self.conv0 = load(0)
        self.fires = [(load(1 + 3 * i), load(2 + 3 * i), load(3 + 3 * i)) for i in range(8)]
        self.taps = SQUEEZENET_TAPS

    def features(self, rgb, wanted, count=False):
        deepest = max(self.taps.index(t) for t in wanted)
        out = {}
        x = conv_relu((rgb - MEAN) / STD, *self.conv0, stride=2, count=count)
        if "conv0" in wanted:
            out["conv0"] = x
        for i in range(deepest):
            if i in (0, 2, 4):
                x = F.max_pool2d(x, 3, 2, ceil_mode=True)
            squeeze, expand1, expand3 = self.fires[i]
            s = conv_relu(x, *squeeze, count=count)
            x = torch.cat([conv_relu(s, *expand1, count=count), conv_relu(s, *expand3, padding=1, count=count)], 1)
            if "fire%d" % (i + 1) in wanted:
                out["fire%d" % (i + 1)] = x
        return out


def read_safetensors(path):
    with open(path, "rb") as f:
        header_length = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(header_length))
        data = f.read()
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        start, end = entry["data_offsets"]
        array = np.frombuffer(data[start:end], dtype=np.float32).reshape(entry["shape"])
        tensors[name] = torch.from_numpy(array.copy())
    return tensors


class Vgg19:
    def __init__(self, file, seed=19):
        self.convs = []
        tensors = read_safetensors(file) if file else None
        generator = torch.Generator().manual_seed(seed)
        index, channels = 0, 3
        self.pool_after = []
        for block in VGG_BLOCKS:
            for out in block:
                if tensors is not None:
                    w, b = tensors["features.%d.weight" % index], tensors["features.%d.bias" % index]
                else:
                    w = torch.randn(out, channels, 3, 3, generator=generator) * math.sqrt(2.0 / (channels * 9))
                    b = torch.zeros(out)
                self.convs.append((w, b))
                self.pool_after.append(False)
                index += 2
                channels = out
            self.pool_after[-1] = True
            index += 1
        self.taps = VGG_TAPS

    def features(self, rgb, wanted, count=False):
        deepest = max(self.taps.index(t) for t in wanted)
        out = {}
        x = (rgb - MEAN) / STD
        for i in range(deepest + 1):
            if i > 0 and self.pool_after[i - 1]:
                x = F.max_pool2d(x, 2, 2)
            x = conv_relu(x, *self.convs[i], padding=1, count=count)
            if self.taps[i] in wanted:
                out[self.taps[i]] = x
        return out


def weight_tensors(net):
    if isinstance(net, SqueezeNet):
        pairs = [net.conv0] + [conv for fire in net.fires for conv in fire]
    else:
        pairs = net.convs
    return [t for pair in pairs for t in pair]


def apply_levers(net, args):
    """Switches the levers on the loaded network in place."""
    tensors = weight_tensors(net)
    for t in tensors:
        if args.channels_last and t.dim() == 4:
            t.data = t.data.contiguous(memory_format=torch.channels_last)
        if args.weights_grad:
            t.requires_grad_(True)


def gram(a):
    flat = a.reshape(a.shape[1], a.shape[2] * a.shape[3])
    return flat @ flat.t()


def content_cost(target, generated):
    _, c, h, w = generated.shape
    return (generated - target).square().sum() / (4.0 * c * h * w)


def style_cost(target_gram, generated_gram, positions):
    c = generated_gram.shape[0]
    return (generated_gram - target_gram).square().sum() / (4.0 * c * c * positions * positions)


def total_variation(image):
    down = image[:, :, 1:, :] - image[:, :, :-1, :]
    right = image[:, :, :, 1:] - image[:, :, :, :-1]
    return (down.square().sum() + right.square().sum()) / (down.numel() + right.numel())


class Adam:
    """The engine's AdamOptimizer: gradient scaled by the first gradient's RMS, clamped to [0, 1]."""
    beta1, beta2, epsilon = 0.9, 0.999, 1e-8

    def __init__(self):
        self.steps = 0
        self.converged = False

    def step(self, pixels, evaluate, learning_rate):
        _, gradient = evaluate(pixels)
        with torch.no_grad():
            if self.steps == 0:
                self.m = torch.zeros_like(pixels)
                self.v = torch.zeros_like(pixels)
                rms = gradient.double().square().mean().sqrt().item()
                self.scale = 1.0 / rms if rms > 0 and math.isfinite(rms) else 1.0
            self.steps += 1
            scaled = gradient * self.scale
            self.m.mul_(self.beta1).add_(scaled, alpha=1 - self.beta1)
            self.v.mul_(self.beta2).addcmul_(scaled, scaled, value=1 - self.beta2)
            denominator = (self.v / (1 - self.beta2 ** self.steps)).sqrt_().add_(self.epsilon)
            pixels.addcdiv_(self.m, denominator, value=-learning_rate / (1 - self.beta1 ** self.steps))
            pixels.clamp_(0, 1)


class Lbfgs:
    """The engine's LbfgsOptimizer: projected L-BFGS, Armijo backtracking, relative tolerances."""
    sufficient_decrease, max_trials = 1e-4, 10

    def __init__(self, history=20, gradient_tolerance=1e-5, cost_tolerance=1e-7):
        self.history, self.gradient_tolerance, self.cost_tolerance = history, gradient_tolerance, cost_tolerance
        self.pairs = []
        self.gradient = None
        self.converged = False

    @staticmethod
    def dot(a, b):
        return torch.dot(a.reshape(-1), b.reshape(-1)).item()

    def step(self, pixels, evaluate, learning_rate):
        with torch.no_grad():
            if self.gradient is None:
                self.loss, g = evaluate(pixels)
                rms = math.sqrt(self.dot(g, g) / g.numel())
                self.scale = 1.0 / rms if rms > 0 and math.isfinite(rms) else 1.0
                self.first_max = g.abs().max().item() * self.scale
                self.gradient = g * self.scale
            direction = self.direction()
            slope = self.dot(self.gradient, direction)
            if not slope < 0:
                self.pairs.clear()
                direction = -self.gradient
                slope = self.dot(self.gradient, direction)
            length = learning_rate * math.sqrt(direction.numel() / -slope) if not self.pairs else 1.0
            if not self.search(pixels, evaluate, direction, length):
                if not self.pairs:
                    self.converged = True
                else:
                    self.pairs.clear()

    def search(self, pixels, evaluate, direction, length):
        start, t = self.loss, length
        for _ in range(self.max_trials):
            candidate = (direction * t).add_(pixels).clamp_(0, 1)
            moved = candidate - pixels
            predicted = self.dot(self.gradient, moved) / self.scale
            value, g = evaluate(candidate)
            if math.isfinite(value) and predicted < 0 and value <= start + self.sufficient_decrease * predicted:
                new_gradient = g * self.scale
                self.add_pair(moved, new_gradient - self.gradient)
                pixels.copy_(candidate)
                self.gradient, self.loss = new_gradient, value
                self.converged = (new_gradient.abs().max().item() <= self.gradient_tolerance * self.first_max
                                  or start - value <= self.cost_tolerance * abs(start))
                return True
            if not predicted < 0:
                return False
            curvature = value - start - predicted if math.isfinite(value) else math.inf
            shrink = -predicted / (2 * curvature) if curvature > 0 else 0.5
            t *= min(0.5, max(0.1, shrink))
        return False

    def direction(self):
        if not self.pairs:
            return -self.gradient
        q = self.gradient.clone()
        alphas = []
        for s, y, rho in reversed(self.pairs):
            alpha = rho * self.dot(s, q)
            alphas.append(alpha)
            q.sub_(y * alpha)
        alphas.reverse()
        s, y, rho = self.pairs[-1]
        q.mul_(1.0 / (rho * self.dot(y, y)))
        for (s, y, rho), alpha in zip(self.pairs, alphas):
            beta = rho * self.dot(y, q)
            q.add_(s * (alpha - beta))
        return q.neg_()

    def add_pair(self, s, y):
        sy, ss, yy = self.dot(s, y), self.dot(s, s), self.dot(y, y)
        if not sy > 1e-10 * math.sqrt(ss * yy):
            return
        if len(self.pairs) == self.history:
            self.pairs.pop(0)
        self.pairs.append((s, y, 1.0 / sy))


def load_image(path, long_side):
    image = ImageOps.exif_transpose(Image.open(path)).convert("RGB")
    scale = long_side / max(image.size)
    width, height = int(image.size[0] * scale + 0.5), int(image.size[1] * scale + 0.5)
    if image.size[0] >= image.size[1]:
        width = long_side
    else:
        height = long_side
    image = image.resize((width, height), Image.BILINEAR)
    array = np.asarray(image, dtype=np.float32) / 255.0
    return torch.from_numpy(array).permute(2, 0, 1).unsqueeze(0).contiguous()


def to_picture(pixels):
    """What the app does for the window each iteration: packed 0xFFRRGGBB ints."""
    rgb = (pixels[0].clamp(0, 1) * 255.0).round().to(torch.int32).numpy()
    return (0xFF << 24) | (rgb[0] << 16) | (rgb[1] << 8) | rgb[2]


def peak_rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def profile(args, state, cost, profile_next):
    """Wall-clock phases over iterations 2..n-1 of n = --iterations (the first warms up, the last
    runs under the profiler; 5 iterations left libtorch's caches and the allocator still warming up), and torch's profiler over the last iteration's (first) evaluation, written as a
    Chrome trace for bench/profile_table.py: the same as the engine's IterationProfile."""
    phases = []
    iterations = max(3, args.iterations)
    for i in range(iterations):
        profile_next[0] = i == iterations - 1
        PHASE_MS["forward"] = PHASE_MS["backward"] = 0.0
        started = time.perf_counter()
        state["optimizer"].step(state["pixels"], cost, LEARNING_RATE)
        stepped = time.perf_counter()
        picture = to_picture(state["pixels"])
        del picture
        done = time.perf_counter()
        phases.append((PHASE_MS["forward"], PHASE_MS["backward"],
                       (stepped - started) * 1000.0 - PHASE_MS["forward"] - PHASE_MS["backward"],
                       (done - stepped) * 1000.0))
    kept = phases[1:-1] or phases
    medians = [float(np.median([p[k] for p in kept])) for k in range(4)]
    print("PHASES impl=pytorch backbone=%s size=%d forward_ms=%.2f backward_ms=%.2f step_ms=%.2f picture_ms=%.2f"
          " trace=%s" % (args.backbone, args.size, *medians, args.profile))


def serve(args, content, state, new_optimizer, iterate, counter):
    """The batch protocol of `atelier bench --serve` (see BatchServer.java), on stdin and stdout:
    READY after the warm-up; RUN k -> BATCH iterations=k evaluations=e restarted=r ms=t1,...;
    QUIT -> END peak_rss_mb=M. A converged optimiser starts again from the content image."""

    def batch(k):
        millis, restarted, before = [], 0, counter[0]
        while len(millis) < k:
            if state["optimizer"].converged:
                state["pixels"], state["optimizer"] = content.clone(), new_optimizer()
                restarted += 1
            millis.append(iterate())
        return "BATCH iterations=%d evaluations=%d restarted=%d ms=%s" % (
            len(millis), counter[0] - before, restarted, ",".join("%.3f" % ms for ms in millis))

    def reply(line):
        sys.stdout.write(line + "\n")
        sys.stdout.flush()

    batch(args.warmup)
    gflop = 2.0 * (2.0 * MACS["conv"] + 3.0 * MACS["gram"]) / 1e9
    reply("READY impl=pytorch width=%d height=%d gflop_per_eval=%.4f" % (content.shape[3], content.shape[2], gflop))
    for line in sys.stdin:
        words = line.split()
        if words and words[0] == "QUIT":
            break
        if len(words) == 2 and words[0] == "RUN":
            reply(batch(int(words[1])))
        elif words:
            reply("ERROR unknown command '%s'; RUN k or QUIT" % line.strip())
    reply("END peak_rss_mb=%.1f" % peak_rss_mb())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backbone", default="squeezenet1_1", choices=["squeezenet1_1", "vgg19"])
    parser.add_argument("--size", type=int, default=256)
    parser.add_argument("--optimizer", default="adam", choices=["adam", "lbfgs"])
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--threads", type=int, default=os.cpu_count())
    parser.add_argument("--peak-gflops", type=float, default=0.0,
                        help="the CPU's fp32 peak (java -jar target/atelier.jar bench --mode cpu), for peak_share")
    parser.add_argument("--models", default=os.environ.get("ATELIER_MODELS", "../shared/models").split(os.pathsep)[0])
    parser.add_argument("--vgg19-weights", default=None, help=".safetensors with torchvision keys; default random")
    parser.add_argument("--content", default=None)
    parser.add_argument("--style", default=None)
    lever = parser.add_argument_group("levers (each off by default, as the engine runs)")
    lever.add_argument("--weights-grad", action="store_true", help="let the weights require gradients")
    lever.add_argument("--whole-network", action="store_true", help="run to the last tap, not the deepest used")
    lever.add_argument("--channels-last", action="store_true", help="NHWC memory format for images and weights")
    lever.add_argument("--bf16", action="store_true", help="backbone in bfloat16 (autocast), costs in float32")
    parser.add_argument("--serve", action="store_true",
                        help="keep running and time batches on command (RUN k / QUIT on stdin), for bench/pairs.py")
    parser.add_argument("--profile", default=None, metavar="TRACE",
                        help="print the phases of an iteration and write one evaluation's profile to TRACE")
    parser.add_argument("--save", default=None, help="write the last picture to this PNG (to look at a lever's effect)")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    images = os.path.join(os.path.dirname(os.path.abspath(args.models)), "images")
    content_path = args.content or os.path.join(images, "dog.jpg")
    style_path = args.style or os.path.join(images, "scream.jpg")

    if args.backbone == "squeezenet1_1":
        net = SqueezeNet(os.path.join(args.models, "squeezenet1_1"))
    else:
        net = Vgg19(args.vgg19_weights)
    layers = DEFAULTS[args.backbone]
    content_layers = layers["content"]
    style_layers = layers["style"]
    wanted = set(content_layers) | {name for name, _ in style_layers}
    if args.whole_network:
        wanted.add(net.taps[-1])
    apply_levers(net, args)

    content = load_image(content_path, args.size)
    style = load_image(style_path, args.size)
    with torch.no_grad():
        content_features = net.features(content, wanted)
        style_features = net.features(style, {name for name, _ in style_layers})
        content_targets = {layer: content_features[layer] for layer in content_layers}
        gram_targets = {}
        for name, _ in style_layers:
            generated_positions = content_features[name].shape[2] * content_features[name].shape[3]
            style_positions = style_features[name].shape[2] * style_features[name].shape[3]
            gram_targets[name] = gram(style_features[name]) * (generated_positions / style_positions)
        del content_features, style_features

    def evaluate(x, count=False):
        """Cost and gradient at x, with every part read as a number, as the engine does."""
        with torch.enable_grad():
            if not profile_next[0]:
                return evaluate_with_grad(x, count)
            profile_next[0] = False
            with torch.autograd.profiler.profile() as profiler:
                result = evaluate_with_grad(x, count)
            profiler.export_chrome_trace(args.profile)
            return result

    def evaluate_with_grad(x, count):
        started = time.perf_counter()
        layout = torch.channels_last if args.channels_last else torch.contiguous_format
        leaf = x.detach().clone(memory_format=layout).requires_grad_(True)
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
            features = net.features(leaf, wanted, count=count)
        features = {name: value.float() for name, value in features.items()}
        content_total = sum(content_cost(content_targets[layer], features[layer]) for layer in content_layers)
        style_total = torch.zeros(())
        per_layer = {}
        for name, weight in style_layers:
            activations = features[name]
            g = gram(activations)
            if count:
                MACS["gram"] += g.shape[0] * g.shape[1] * activations.shape[2] * activations.shape[3]
            cost = style_cost(gram_targets[name], g, activations.shape[2] * activations.shape[3])
            per_layer[name] = cost.item()
            style_total = style_total + cost * weight
        tv = total_variation(leaf)
        total = content_total * layers["alpha"] + style_total * layers["beta"] + tv * TV_WEIGHT
        breakdown = (total.item(), content_total.item(), style_total.item(), tv.item())
        del features
        evaluated = time.perf_counter()
        PHASE_MS["forward"] += (evaluated - started) * 1000.0
        total.backward()
        PHASE_MS["backward"] += (time.perf_counter() - evaluated) * 1000.0
        counter[0] += 1
        if args.weights_grad:
            for parameters in weight_tensors(net):
                parameters.grad = None
        if not math.isfinite(breakdown[0]):
            sys.exit("cost became %s" % breakdown[0])
        return breakdown[0], leaf.grad.contiguous()

    counter = [0]
    state = {"pixels": content.clone(), "optimizer": None}

    def new_optimizer():
        return Adam() if args.optimizer == "adam" else Lbfgs()

    def iterate():
        """One iteration as the app's job runs it; its wall time in ms."""
        started = time.perf_counter()
        state["optimizer"].step(state["pixels"], lambda x: evaluate(x, count=(counter[0] == 0)), LEARNING_RATE)
        picture = to_picture(state["pixels"])
        del picture
        return (time.perf_counter() - started) * 1000.0

    profile_next = [False]
    state["optimizer"] = new_optimizer()
    if args.profile:
        profile(args, state, lambda x: evaluate(x, count=(counter[0] == 0)), profile_next)
        return
    if args.serve:
        serve(args, content, state, new_optimizer, iterate, counter)
        return
    optimizer = state["optimizer"]
    pixels = state["pixels"]
    millis = []
    evaluations_before = 0
    for step in range(1, args.warmup + args.iterations + 1):
        if optimizer.converged:
            break
        elapsed = iterate()
        if step > args.warmup:
            millis.append(elapsed)
        else:
            evaluations_before = counter[0]
    if not millis:
        sys.exit("the optimiser converged during the warm-up")
    if args.save:
        rgb = (pixels[0].clamp(0, 1) * 255.0).round().to(torch.uint8).permute(1, 2, 0).numpy()
        Image.fromarray(rgb).save(args.save)
    evaluations_per_iteration = (counter[0] - evaluations_before) / len(millis)

    millis = np.array(millis)
    median = float(np.median(millis))
    flops = evaluations_per_iteration * 2.0 * (2.0 * MACS["conv"] + 3.0 * MACS["gram"])
    gflops = flops / 1e9 / (median / 1000.0)
    peak = args.peak_gflops
    fields = [
        ("backbone", args.backbone), ("size", args.size), ("opt", args.optimizer), ("impl", "pytorch"),
        ("width", content.shape[3]), ("height", content.shape[2]), ("threads", args.threads),
        ("warmup", args.warmup), ("iterations", len(millis)),
        ("median_ms", median), ("p10_ms", float(np.percentile(millis, 10))),
        ("p90_ms", float(np.percentile(millis, 90))), ("min_ms", float(millis.min())),
        ("max_ms", float(millis.max())), ("it_s", 1000.0 / median), ("evals_per_it", evaluations_per_iteration), ("peak_rss_mb", peak_rss_mb()),
        ("gflop_per_it", flops / 1e9), ("gflops", gflops), ("peak_share", gflops / peak if peak else 0.0),
    ]
    print("RESULT " + " ".join("%s=%s" % (k, ("%.4g" % v) if isinstance(v, float) else v) for k, v in fields))


if __name__ == "__main__":
    main()
