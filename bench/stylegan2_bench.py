"""PyTorch side of `jgan bench-stylegan2`: the same StyleGAN2 networks and training step as jgan's stylegan2 preset.

Same layers, widths and order of operations as models/.../stylegan2 (mapping 8 x FC with lr x 0.01, modulated convs
computed as scale / shared conv / demodulation and noise in one fused multiply-add as stylegan2-ada-pytorch does, skip generator, residual D with minibatch std, [1,3,3,1] filters as
depthwise convolutions, equalized lr), the same step (D on real and detached fake, lazy R1 every 16 steps on D, G on
the shared fake) and Adam 0.0025, betas 0/0.99. Timed as jgan times itself: process CPU time and wall time per step.
Then generation as jgan samples: eval mode, no gradients, the mapping network with truncation towards w_avg (psi
0.7), each layer's fixed noise, no style mixing; process CPU time and wall time per batch of GEN_BATCH images.

Both memory layouts are timed (NCHW and channels-last, a fresh model from the same seed each) and each figure is the
faster one's, named in the JSON (JGAN_BENCH_MEMORY_FORMAT=contiguous or channels_last times one only). With
JGAN_BENCH_PRECISION=bfloat16 each layout is also timed under CPU autocast to bfloat16 (forward passes and losses; lazy
R1 in float32, as jgan's model.precision=bfloat16 keeps it), and the faster of all counts.

Run by jgan with Debian's /usr/bin/python3 (python3-torch). Prints one JSON object on stdout.
Usage: stylegan2_bench.py THREADS BATCH STEPS WARMUP WIDTH [SIDE [GEN_BATCH GEN_REPS]]
SIDE: the training images' side (default 28); the networks work at the next power of two, G's output cropped to the
centre SIDE x SIDE and D's input padded back with -1, as jgan does. GEN_REPS 0 (the default) skips generation.
"""
import json
import math
import os
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

Z = 128
PSI = 0.7  # the truncation of the generation timing, as jgan's bench-stylegan2
SQRT2 = math.sqrt(2)
SIDE, RES, TOP, width = 28, 32, 2, 64


def configure(side, w):
    """Sets the image side and the network width the classes below build for (bench/stylegan2_reference.py imports
    them)."""
    global SIDE, RES, TOP, width
    SIDE, width, RES = side, w, 4
    while RES < SIDE:
        RES *= 2
    TOP = (RES - SIDE) // 2  # jgan crops and pads centred: (R - side) / 2 before, the rest after


def channels(r):
    return min(width, max(16, width * 16 // r))


def fir(c, gain):
    t = torch.tensor([1.0, 3.0, 3.0, 1.0])
    k = torch.outer(t, t) / 64 * gain
    return k.view(1, 1, 4, 4).expand(c, 1, 4, 4).contiguous()


def blur(x, pad, gain):
    return F.conv2d(x, fir(x.shape[1], gain), padding=pad, groups=x.shape[1])


def up(x):
    return F.conv_transpose2d(x, fir(x.shape[1], 4.0), stride=2, padding=1, groups=x.shape[1])


def down(x):
    return F.conv2d(x, fir(x.shape[1], 1.0), stride=2, padding=1, groups=x.shape[1])


def lrelu(x):
    return F.leaky_relu(x, 0.2) * SQRT2


class EqLinear(nn.Module):
    def __init__(self, i, o, bias_init=0.0, lr_mult=1.0, act=False):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(o, i) / lr_mult)
        self.bias = nn.Parameter(torch.full([o], bias_init / lr_mult))
        self.wg, self.bg, self.act = lr_mult / math.sqrt(i), lr_mult, act

    def forward(self, x):
        y = F.linear(x, self.weight * self.wg, self.bias * self.bg)
        return lrelu(y) if self.act else y


class ModConv(nn.Module):
    def __init__(self, i, o, k, upsample, to_rgb, res):
        super().__init__()
        self.affine = EqLinear(Z, i, bias_init=1.0)
        self.weight = nn.Parameter(torch.randn(o, i, k, k))
        self.bias = nn.Parameter(torch.zeros(o))
        self.k, self.up, self.rgb = k, upsample, to_rgb
        self.wg = 1 / math.sqrt(i * k * k)
        if not to_rgb:
            self.noise_strength = nn.Parameter(torch.zeros(1))
            # own generator and not in the state dict: the training RNG stream and checkpoints stay as they were
            self.register_buffer("noise_const", torch.randn(res, res, generator=torch.Generator().manual_seed(res)),
                                 persistent=False)

    def forward(self, x, w, const_noise=False):
        n = x.shape[0]
        s = self.affine(w)
        if self.rgb:
            s = s * self.wg
        y = x * s.view(n, -1, 1, 1)
        if self.up:
            y = blur(F.conv_transpose2d(y, self.weight.transpose(0, 1), stride=2), 1, 4.0)
        else:
            y = F.conv2d(y, self.weight, padding=self.k // 2)
        if self.rgb:
            return y + self.bias.view(1, -1, 1, 1)
        d = (s.square() @ self.weight.square().sum([2, 3]).t() + 1e-8).rsqrt()
        noise = self.noise_const.view(1, 1, *y.shape[2:]) if const_noise else torch.randn(n, 1, *y.shape[2:])
        # demodulation and noise in one fused multiply-add, as stylegan2-ada-pytorch's modulated_conv2d does (fma)
        y = torch.addcmul(noise * self.noise_strength, y, d.view(n, -1, 1, 1))
        return lrelu(y + self.bias.view(1, -1, 1, 1))


class G(nn.Module):
    def __init__(self, mapping=8, mixing=0.9):
        super().__init__()
        self.mapping = nn.ModuleList([EqLinear(Z, Z, lr_mult=0.01, act=True) for _ in range(mapping)])
        self.mixing = mixing
        self.register_buffer("w_avg", torch.zeros(Z))
        self.const = nn.Parameter(torch.randn(channels(4), 4, 4))
        self.layers = nn.ModuleList()
        self.index = []
        w, r = 0, 4
        while r <= RES:
            i, o = channels(max(4, r // 2)), channels(r)
            if r > 4:
                self.layers.append(ModConv(i, o, 3, True, False, r)); self.index.append((w, False)); w += 1
            self.layers.append(ModConv(o if r > 4 else i, o, 3, False, False, r)); self.index.append((w, False)); w += 1
            self.layers.append(ModConv(o, 1, 1, False, True, r)); self.index.append((w, True))
            r *= 2
        self.num_ws = w + 1

    def map(self, z):
        x = z * (z.square().mean(1, keepdim=True) + 1e-8).rsqrt()
        for l in self.mapping:
            x = l(x)
        return x

    def forward(self, z):
        w = self.map(z)
        with torch.no_grad():
            self.w_avg.copy_(w.detach().float().mean(0).lerp(self.w_avg, 0.995))  # float: autocast may give bfloat16
        ws = w.unsqueeze(1).expand(-1, self.num_ws, -1)
        r = torch.rand(2)
        if self.training and r[0] < self.mixing:
            cut = 1 + min(self.num_ws - 2, int(r[1] * (self.num_ws - 1)))
            w2 = self.map(torch.randn_like(z)).unsqueeze(1).expand(-1, self.num_ws, -1)
            ws = torch.cat([ws[:, :cut], w2[:, cut:]], 1)
        return self.synthesize(ws)

    def sample(self, z, psi):
        """Sampling as jgan's: w pulled towards w_avg by psi (w_avg left as it is), fixed noise, no mixing."""
        w = self.w_avg.lerp(self.map(z).float(), psi)  # float: autocast may give bfloat16
        return self.synthesize(w.unsqueeze(1).expand(-1, self.num_ws, -1), True)

    def synthesize(self, ws, const_noise=False):
        x = self.const.unsqueeze(0).expand(ws.shape[0], -1, -1, -1)
        x = x.contiguous(memory_format=getattr(self, "memory_format", torch.contiguous_format))
        img = None
        for layer, (wi, rgb) in zip(self.layers, self.index):
            if rgb:
                y = layer(x, ws[:, wi])
                img = y if img is None else up(img) + y
            else:
                x = layer(x, ws[:, wi], const_noise)
        return img[:, :, TOP:TOP + SIDE, TOP:TOP + SIDE]


class EqConv(nn.Module):
    def __init__(self, i, o, k, bias, downsample, act):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(o, i, k, k))
        self.bias = nn.Parameter(torch.zeros(o)) if bias else None
        self.k, self.down, self.act, self.g = k, downsample, act, 1 / math.sqrt(i * k * k)

    def forward(self, x):
        w = self.weight * self.g
        if not self.down:
            y = F.conv2d(x, w, self.bias, padding=self.k // 2)
        elif self.k == 1:
            y = F.conv2d(down(x), w, self.bias)
        else:
            y = F.conv2d(blur(x, (self.k + 1) // 2, 1.0), w, self.bias, stride=2)
        return lrelu(y) if self.act else y


class D(nn.Module):
    def __init__(self):
        super().__init__()
        self.fromrgb = EqConv(1, channels(RES), 1, True, False, True)
        self.blocks = nn.ModuleList()
        r = RES
        while r > 4:
            self.blocks.append(nn.ModuleList([EqConv(channels(r), channels(r), 3, True, False, True),
                                              EqConv(channels(r), channels(r // 2), 3, True, True, True),
                                              EqConv(channels(r), channels(r // 2), 1, False, True, False)]))
            r //= 2
        c4 = channels(4)
        self.conv = EqConv(c4 + 1, c4, 3, True, False, True)
        self.fc = EqLinear(c4 * 16, c4, act=True)
        self.out = EqLinear(c4, 1)

    def forward(self, img):
        rest = RES - SIDE - TOP
        x = self.fromrgb(F.pad(img, [TOP, rest, TOP, rest], value=-1.0))
        for c0, c1, sk in self.blocks:
            x = (c1(c0(x)) + sk(x)) * math.sqrt(0.5)
        n, c, h, w = x.shape
        g = next(k for k in range(min(4, n), 0, -1) if n % k == 0)  # as jgan: the largest group up to 4 dividing n
        y = x.reshape(g, n // g, c, h, w)
        y = (y - y.mean(0)).square().mean(0).add(1e-8).sqrt().mean([1, 2, 3]).view(-1, 1, 1, 1).repeat(g, 1, h, w)
        x = self.conv(torch.cat([x, y], 1))
        return self.out(self.fc(x.flatten(1))).view(-1)


def measure(threads, batch, steps, warmup, gen_batch, gen_reps, memory_format, autocast=False):
    """The step's and generation's times with every map and weight in memory_format, from the same seed; with autocast
    the forward passes and losses (not R1's) run under CPU autocast to bfloat16, backward outside it."""

    def mixed():
        return torch.autocast("cpu", dtype=torch.bfloat16, enabled=autocast)

    torch.manual_seed(0)
    g, d = G().to(memory_format=memory_format), D().to(memory_format=memory_format)
    c = 16 / 17
    opt_g = torch.optim.Adam(g.parameters(), lr=0.0025, betas=(0.0, 0.99))
    opt_d = torch.optim.Adam(d.parameters(), lr=0.0025 * c, betas=(0.0, 0.99 ** c))
    real = (torch.rand(batch, 1, SIDE, SIDE) * 2 - 1).contiguous(memory_format=memory_format)
    g.memory_format = memory_format

    def set_trainable(m, on):
        for p in m.parameters():
            p.requires_grad_(on)

    def step(i):
        z = torch.randn(batch, Z)
        with mixed():
            fake = g(z)
        set_trainable(g, False); set_trainable(d, True)
        opt_d.zero_grad(set_to_none=True)
        with mixed():
            loss_d = F.softplus(-d(real)).mean() + F.softplus(d(fake.detach())).mean()
        loss_d.backward(); opt_d.step(); opt_d.zero_grad(set_to_none=True)
        if i % 16 == 0:  # lazy R1, gamma 0.1
            x = real.detach().clone().requires_grad_(True)
            grad, = torch.autograd.grad(d(x).sum(), x, create_graph=True)
            (grad.square().sum([1, 2, 3]).mean() * 0.05 * 16).backward()
            opt_d.step(); opt_d.zero_grad(set_to_none=True)
        set_trainable(g, True); set_trainable(d, False)
        with mixed():
            loss_g = F.softplus(-d(fake)).mean()
        loss_g.backward(); opt_g.step(); opt_g.zero_grad(set_to_none=True)
        set_trainable(d, True)
        return loss_d.item() + loss_g.item()

    cpu, wall = [], []
    for i in range(warmup):
        step(i)
    # JGAN_PROFILE_OUT=FILE: the timed steps under PyTorch's profiler, its table of operators by self CPU time written to
    # FILE (scripts/profile-stylegan2); the profiler's own cost then inflates the times printed.
    profile_out = os.environ.get("JGAN_PROFILE_OUT")
    with torch.autograd.profiler.profile(enabled=bool(profile_out)) as prof:
        for i in range(warmup, warmup + steps):
            t, c0 = time.perf_counter(), time.process_time()
            step(i)
            wall.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
    if profile_out:
        with open(profile_out, "w") as f:
            f.write(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=30))

    result = {"step_ms_median": statistics.median(wall),
              "cpu_ms_median": statistics.median(cpu), "cpu_ms_mean": statistics.mean(cpu),
              "train_img_s": batch / (statistics.median(wall) / 1000),
              "params_g": sum(p.numel() for p in g.parameters()),
              "params_d": sum(p.numel() for p in d.parameters())}
    if gen_reps > 0:
        g.eval()
        gen_cpu, gen_wall = [], []
        with torch.no_grad():
            for i in range(gen_reps + 1):  # the first batch is a warm-up
                z = torch.randn(gen_batch, Z)
                t, c0 = time.perf_counter(), time.process_time()
                with mixed():
                    g.sample(z, PSI)
                if i > 0:
                    gen_wall.append((time.perf_counter() - t) * 1000)
                    gen_cpu.append((time.process_time() - c0) * 1000)
        result.update({"gen_wall_ms_median": statistics.median(gen_wall),
                       "gen_cpu_ms_median": statistics.median(gen_cpu)})
    return result


FORMATS = {"contiguous": torch.contiguous_format, "channels_last": torch.channels_last}


def main():
    threads, batch, steps, warmup, w = map(int, sys.argv[1:6])
    configure(int(sys.argv[6]) if len(sys.argv) > 6 else 28, w)
    gen_batch, gen_reps = map(int, sys.argv[7:9]) if len(sys.argv) > 8 else (0, 0)
    torch.set_num_interop_threads(1)
    torch.set_num_threads(threads)
    # PyTorch at its best: oneDNN is faster with channels-last maps on some CPUs and layers, so both layouts are timed
    # (JGAN_BENCH_MEMORY_FORMAT=contiguous or channels_last times one) and each figure is the faster layout's
    layouts = os.environ.get("JGAN_BENCH_MEMORY_FORMAT", "contiguous,channels_last").split(",")
    mixed = os.environ.get("JGAN_BENCH_PRECISION", "float32") == "bfloat16"
    names = layouts + ([n + "+autocast-bfloat16" for n in layouts] if mixed else [])
    runs = {n: measure(threads, batch, steps, warmup, gen_batch, gen_reps, FORMATS[n.split("+")[0]],
                       n.endswith("bfloat16")) for n in names}
    train = min(names, key=lambda n: runs[n]["cpu_ms_median"])
    result = dict(runs[train], torch=torch.__version__, memory_format=train,
                  by_memory_format={n: {k: v for k, v in r.items() if k.endswith(("_median", "_mean"))}
                                    for n, r in runs.items()})
    if gen_reps > 0:
        gen = min(names, key=lambda n: runs[n]["gen_cpu_ms_median"])
        result.update({"gen_wall_ms_median": runs[gen]["gen_wall_ms_median"],
                       "gen_cpu_ms_median": runs[gen]["gen_cpu_ms_median"], "gen_memory_format": gen})
    print(json.dumps(result))


if __name__ == "__main__":
    main()
