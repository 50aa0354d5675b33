"""Reference StyleGAN2 in PyTorch: jgan's `stylegan2` preset trained on Fashion-MNIST, samples scored by jgan.

The networks are bench/stylegan2_bench.py's (the same layers, widths and order of operations as jgan's), built as the
preset builds them: z and w of 128, a mapping network of --mapping layers (the preset: 2), width 64, style mixing with
probability 0.9 while training. The step is the preset's: batch 16 (last partial batch dropped), non-saturating loss,
D on real and detached fake, lazy R1 (gamma 0.1 every 16 steps, D's Adam adjusted by 16/17 as in the paper), G on the
same fake, Adam 0.0025 with betas 0/0.99, an EMA copy of G (0.998 per step after jgan's warm-up, min(0.998,
(1 + step) / (10 + step))) that writes the samples. CPU only (the filters and noise are made on the CPU). Sampling noise
is fresh per image (jgan's `eval` uses fixed noise, which measured within the seeds' spread: docs/results.md).

Written to answer one question: is the low recall of jgan's StyleGAN2 (0.04-0.09 after 25 minutes, against DCGAN's
0.46) jgan's or the recipe's? Output as bench/gan_reference.py's (train-images-idx3-ubyte, grid.png, run.json), so
`jgan eval --samples DIR --reference fashion-mnist:test` scores it with the code that scores jgan's runs.

Usage: stylegan2_reference.py --steps N [--seed S] [--threads T] [--mapping L] [--samples N] --out DIR
"""
import argparse
import copy
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gan_reference as ref  # noqa: E402  (the data reader and writers)
import stylegan2_bench as sg  # noqa: E402  (the networks)

BATCH, R1_EVERY, R1_GAMMA, LR, EMA = 16, 16, 0.1, 0.0025, 0.998


def fail(msg):
    print("stylegan2_reference.py: " + msg, file=sys.stderr)
    sys.exit(2)


def parse_args(argv):
    class Parser(argparse.ArgumentParser):
        def error(self, message):  # one line and exit 2, no usage dump
            fail(message + " (see --help)")

    p = Parser(description="Train jgan's stylegan2 preset in PyTorch on Fashion-MNIST; write samples.")
    p.add_argument("--steps", required=True, type=int, help="training steps of 16 images")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--mapping", type=int, default=2, help="mapping network layers (the preset: 2, the paper: 8)")
    p.add_argument("--samples", type=int, default=10000, help="generated images to write")
    p.add_argument("--out", required=True, help="output folder (created if missing)")
    a = p.parse_args(argv)
    for name, v, low in (("--steps", a.steps, 1), ("--threads", a.threads, 1), ("--mapping", a.mapping, 1),
                         ("--samples", a.samples, 64), ("--seed", a.seed, 0)):
        if v < low:
            fail(name + " must be at least " + str(low) + ", got " + str(v))
    return a


def set_trainable(m, on):
    for p in m.parameters():
        p.requires_grad_(on)


def main(argv):
    a = parse_args(argv)
    images = ref.read_idx_gz(os.path.join(ref.DATA_DIR, "train-images-idx3-ubyte.gz"), 3)
    if images.shape[1:] != (28, 28):
        fail(ref.DATA_DIR + ": expected N x 28 x 28 images, got " + "x".join(map(str, images.shape)))
    ref.output_folder(a.out, fail)
    torch.set_num_interop_threads(1)
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    shuffle = torch.Generator().manual_seed(a.seed + 1)
    sg.configure(28, 64)
    g, d = sg.G(mapping=a.mapping), sg.D()
    g_ema = copy.deepcopy(g).eval()
    set_trainable(g_ema, False)
    c = R1_EVERY / (R1_EVERY + 1)
    opt_g = torch.optim.Adam(g.parameters(), lr=LR, betas=(0.0, 0.99))
    opt_d = torch.optim.Adam(d.parameters(), lr=LR * c, betas=(0.0, 0.99 ** c))

    x_all = torch.from_numpy(images.copy()).unsqueeze(1)
    per_epoch = x_all.shape[0] // BATCH
    order, pos = None, per_epoch
    t0 = time.perf_counter()
    ld = lg = torch.tensor(float("nan"))
    for i in range(a.steps):
        if pos == per_epoch:
            order, pos = torch.randperm(x_all.shape[0], generator=shuffle), 0
        real = x_all[order[pos * BATCH:(pos + 1) * BATCH]].float() / 127.5 - 1.0
        pos += 1
        fake = g(torch.randn(BATCH, sg.Z))
        set_trainable(g, False); set_trainable(d, True)
        ld = F.softplus(-d(real)).mean() + F.softplus(d(fake.detach())).mean()
        ld.backward(); opt_d.step(); opt_d.zero_grad(set_to_none=True)
        if i % R1_EVERY == 0:
            x = real.detach().clone().requires_grad_(True)
            grad, = torch.autograd.grad(d(x).sum(), x, create_graph=True)
            (grad.square().sum([1, 2, 3]).mean() * (R1_GAMMA / 2) * R1_EVERY).backward()
            opt_d.step(); opt_d.zero_grad(set_to_none=True)
        set_trainable(g, True); set_trainable(d, False)
        lg = F.softplus(-d(fake)).mean()
        lg.backward(); opt_g.step(); opt_g.zero_grad(set_to_none=True)
        set_trainable(d, True)
        with torch.no_grad():
            b = min(EMA, (1 + i) / (10 + i))  # jgan's warm-up (core/.../train/Ema.java)
            for pe, p in zip(g_ema.parameters(), g.parameters()):
                pe.lerp_(p, 1 - b)
            for be, b in zip(g_ema.buffers(), g.buffers()):
                be.copy_(b)
        if (i + 1) % 500 == 0:
            print("step %d  loss_d %.3f  loss_g %.3f  %.1f s" % (i + 1, ld.item(), lg.item(),
                                                              time.perf_counter() - t0), flush=True)
    train_s = time.perf_counter() - t0

    gen = torch.Generator().manual_seed(a.seed * 1000003 + 7919)
    chunks = []
    with torch.no_grad():
        for start in range(0, a.samples, 500):
            n = min(500, a.samples - start)
            x = g_ema(torch.randn(n, sg.Z, generator=gen))[:, 0]
            chunks.append(torch.clamp(torch.round((x + 1) * 127.5), 0, 255).to(torch.uint8).numpy())
    out = np.concatenate(chunks)
    ref.atomic_write(a.out, "train-images-idx3-ubyte", ref.idx_bytes(out))
    ref.atomic_write(a.out, "grid.png", ref.png_gray(ref.grid(list(out[:64]), 8, 8)))
    run = {"model": "stylegan2", "mapping": a.mapping, "seed": a.seed, "threads": torch.get_num_threads(),
           "batch": BATCH, "steps": a.steps, "samples": a.samples, "train_seconds": round(train_s, 3),
           "torch": torch.__version__, "loss_d": ld.item(), "loss_g": lg.item()}
    ref.atomic_write(a.out, "run.json", (json.dumps(run, indent=2) + "\n").encode())
    print(json.dumps(run))


if __name__ == "__main__":
    main(sys.argv[1:])
