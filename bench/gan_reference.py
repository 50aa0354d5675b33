"""Reference GANs in PyTorch: jgan's DCGAN (and a projection cGAN) trained on Fashion-MNIST, samples scored by jgan.

Trains with Debian's /usr/bin/python3 (python3-torch, numpy; nothing else) on the Fashion-MNIST files of Debian's
dataset-fashion-mnist package, then writes N generated samples as an IDX data set that jgan reads like any other
(`jgan fid DIR fashion-mnist:test`, `jgan eval`), so a PyTorch run and a jgan run are scored by the same code.

--model dcgan: the networks, loss and step of jgan's `dcgan` preset, as in bench/dcgan_bench.py: G Linear(100 ->
  4W*7*7, no bias), BN, ReLU, ConvT 4W->2W (k4 s2 p1, no bias), BN, ReLU, ConvT 2W->1 (k4 s2 p1), tanh; D Conv 1->W
  (k4 s2 p1), LeakyReLU 0.2, Conv W->2W (no bias), BN, LeakyReLU 0.2, Linear -> 1; W = 64. Non-saturating loss
  (softplus), Adam 2e-4 betas (0.5, 0.999), batch 64 (last partial batch dropped), DCGAN init (Radford et al. 2016),
  one G(z) shared by the D and G phases.
--model cgan: the same networks, G fed z concatenated with the one-hot label (Mirza and Osindero 2014) and a projection
  discriminator (Miyato and Koyama 2018): D(x, y) = fc(h) + <embed(y), h> over the flattened features h. Real labels
  from the data, fake labels uniform. (jgan's own cgan preset differs: class-conditional batch norm in G and an EMA
  generator; see docs/results.md.)

Output in --out: train-images-idx3-ubyte (N x 28 x 28 uint8), for the cGAN train-labels-idx1-ubyte (sample i has
class i % 10), grid.png and run.json. Exit code 2 with a one-line message for bad arguments or missing data.

Usage: gan_reference.py --model dcgan|cgan --epochs E [--seed S] [--threads T] [--samples N] --out DIR
"""
import argparse
import gzip
import json
import math
import os
import struct
import sys
import tempfile
import time
import zlib

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DATA_DIR = "/usr/share/datasets/fashion-mnist"
W, Z, K, BATCH = 64, 100, 10, 64
UMASK = os.umask(0)
os.umask(UMASK)


def fail(msg):
    print("gan_reference.py: " + msg, file=sys.stderr)
    sys.exit(2)


def read_idx_gz(path, ndim):
    """An IDX file (gzip'd) as a uint8 numpy array; the header's magic and dimensions are checked against the size."""
    if not os.path.isfile(path):
        fail(path + ": missing (install Debian's dataset-fashion-mnist)")
    try:
        with gzip.open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        fail(path + ": not a readable gzip file (" + str(e) + ")")
    if len(raw) < 4 + 4 * ndim or raw[0:3] != b"\x00\x00\x08" or raw[3] != ndim:
        fail(path + ": not a uint8 IDX file with " + str(ndim) + " dimensions")
    dims = struct.unpack(">" + "I" * ndim, raw[4:4 + 4 * ndim])
    body = raw[4 + 4 * ndim:]
    if len(body) != int(np.prod(dims)):
        fail(path + ": header says " + "x".join(map(str, dims)) + " but holds " + str(len(body)) + " bytes")
    return np.frombuffer(body, dtype=np.uint8).reshape(dims)


class G(nn.Module):
    def __init__(self, cond):
        super().__init__()
        self.cond = cond
        self.fc = nn.Linear(Z + (K if cond else 0), 4 * W * 7 * 7, bias=False)
        self.bn0 = nn.BatchNorm2d(4 * W)
        self.up1 = nn.ConvTranspose2d(4 * W, 2 * W, 4, 2, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(2 * W)
        self.up2 = nn.ConvTranspose2d(2 * W, 1, 4, 2, 1)

    def forward(self, z, y=None):
        if self.cond:
            z = torch.cat([z, F.one_hot(y, K).to(z.dtype)], 1)
        x = F.relu(self.bn0(self.fc(z).view(-1, 4 * W, 7, 7)))
        x = F.relu(self.bn1(self.up1(x)))
        return torch.tanh(self.up2(x))


class D(nn.Module):
    def __init__(self, cond):
        super().__init__()
        self.conv1 = nn.Conv2d(1, W, 4, 2, 1)
        self.conv2 = nn.Conv2d(W, 2 * W, 4, 2, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(2 * W)
        self.fc = nn.Linear(2 * W * 7 * 7, 1)
        self.embed = nn.Embedding(K, 2 * W * 7 * 7) if cond else None

    def forward(self, x, y=None):
        h = F.leaky_relu(self.conv1(x), 0.2)
        h = F.leaky_relu(self.bn2(self.conv2(h)), 0.2).flatten(1)
        out = self.fc(h).view(-1)
        if self.embed is not None:
            out = out + (self.embed(y) * h).sum(1)  # projection: does x look like a real image of class y?
        return out


def dcgan_init(m):
    """Radford et al. 2016: weights N(0, 0.02), batch-norm scales N(1, 0.02), biases 0."""
    for mod in m.modules():
        if isinstance(mod, (nn.Conv2d, nn.ConvTranspose2d, nn.Linear, nn.Embedding)):
            nn.init.normal_(mod.weight, 0.0, 0.02)
            if getattr(mod, "bias", None) is not None:
                nn.init.zeros_(mod.bias)
        elif isinstance(mod, nn.BatchNorm2d):
            nn.init.normal_(mod.weight, 1.0, 0.02)
            nn.init.zeros_(mod.bias)


def set_trainable(m, on):
    for p in m.parameters():
        p.requires_grad_(on)


def atomic_write(out_dir, name, data):
    fd, tmp = tempfile.mkstemp(prefix="." + name + ".", suffix=".tmp", dir=out_dir)
    try:
        os.fchmod(fd, 0o666 & ~UMASK)  # mkstemp makes 0600; give the files the mode a plain open() would
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, os.path.join(out_dir, name))
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def output_folder(out, fail=fail):
    """Creates the output folder if missing; one line through fail() when it cannot be made or written."""
    try:
        os.makedirs(out, exist_ok=True)
    except OSError as e:
        fail(out + ": cannot create the output folder (" + e.strerror + ")")
    if not os.access(out, os.W_OK):
        fail(out + ": output folder is not writable")


def idx_bytes(arr):
    arr = np.ascontiguousarray(arr, dtype=np.uint8)
    return bytes([0, 0, 8, arr.ndim]) + struct.pack(">" + "I" * arr.ndim, *arr.shape) + arr.tobytes()


def png_gray(img):
    """An 8-bit grayscale PNG of a 2-D uint8 array, written by hand (no PIL in Debian's bare python3)."""
    h, w = img.shape
    raw = b"".join(b"\x00" + img[r].tobytes() for r in range(h))  # filter type 0 on every row

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def grid(images, rows, cols, pad=2):
    """images[r * cols + c] at row r, column c, on a mid-gray background with pad pixels between tiles."""
    s = 28
    out = np.full((rows * (s + pad) + pad, cols * (s + pad) + pad), 128, dtype=np.uint8)
    for r in range(rows):
        for c in range(cols):
            y, x = pad + r * (s + pad), pad + c * (s + pad)
            out[y:y + s, x:x + s] = images[r * cols + c]
    return out


def parse_args(argv):
    class Parser(argparse.ArgumentParser):
        def error(self, message):  # one line and exit 2, no usage dump
            fail(message + " (see --help)")

    p = Parser(description="Train jgan's DCGAN or a projection cGAN in PyTorch on Fashion-MNIST; write samples.")
    p.add_argument("--model", required=True, choices=["dcgan", "cgan"])
    p.add_argument("--epochs", required=True, type=float, help="passes over the 60000 training images (float)")
    p.add_argument("--minutes", type=float, default=0,
                   help="stop training after this much wall-clock (0: no limit); --epochs is then the most it trains")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--samples", type=int, default=10000, help="generated images to write")
    p.add_argument("--out", required=True, help="output folder (created if missing)")
    a = p.parse_args(argv)
    if not (a.epochs > 0 and math.isfinite(a.epochs)):
        fail("--epochs must be a positive number, got " + str(a.epochs))
    if not (a.minutes >= 0 and math.isfinite(a.minutes)):
        fail("--minutes must be 0 (no limit) or a positive number, got " + str(a.minutes))
    if a.threads < 1:
        fail("--threads must be at least 1, got " + str(a.threads))
    if a.samples < 1:
        fail("--samples must be at least 1, got " + str(a.samples))
    if a.seed < 0:
        fail("--seed must be 0 or more, got " + str(a.seed))
    return a


def main(argv):
    a = parse_args(argv)
    cond = a.model == "cgan"
    images = read_idx_gz(os.path.join(DATA_DIR, "train-images-idx3-ubyte.gz"), 3)
    labels = read_idx_gz(os.path.join(DATA_DIR, "train-labels-idx1-ubyte.gz"), 1)
    if images.shape[0] != labels.shape[0] or images.shape[1:] != (28, 28):
        fail(DATA_DIR + ": expected N x 28 x 28 images with N labels, got " + "x".join(map(str, images.shape))
             + " images and " + str(labels.shape[0]) + " labels")
    output_folder(a.out)

    torch.set_num_interop_threads(1)
    torch.set_num_threads(a.threads)
    torch.manual_seed(a.seed)
    shuffle = torch.Generator().manual_seed(a.seed + 1)

    x_all = torch.from_numpy(images.copy()).unsqueeze(1)  # uint8; scaled to [-1, 1] per batch
    y_all = torch.from_numpy(labels.astype(np.int64))
    per_epoch = x_all.shape[0] // BATCH  # the last partial batch is dropped
    steps = max(1, int(a.epochs * per_epoch))

    g, d = G(cond), D(cond)
    dcgan_init(g)
    dcgan_init(d)
    opt_g = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999))

    loss_d = loss_g = float("nan")
    order, pos = None, per_epoch
    t0 = time.perf_counter()
    deadline = t0 + a.minutes * 60 if a.minutes > 0 else math.inf
    done = 0
    for _ in range(steps):
        if time.perf_counter() >= deadline:
            break
        if pos == per_epoch:
            order, pos = torch.randperm(x_all.shape[0], generator=shuffle), 0
        idx = order[pos * BATCH:(pos + 1) * BATCH]
        pos += 1
        real = x_all[idx].float() / 127.5 - 1.0
        y_real = y_all[idx] if cond else None
        y_fake = torch.randint(0, K, (BATCH,)) if cond else None
        fake = g(torch.randn(BATCH, Z), y_fake)  # shared by both phases, as in jgan and dcgan_bench.py

        set_trainable(g, False); set_trainable(d, True)
        opt_d.zero_grad(set_to_none=True)
        ld = F.softplus(-d(real, y_real)).mean() + F.softplus(d(fake.detach(), y_fake)).mean()
        ld.backward(); opt_d.step(); opt_d.zero_grad(set_to_none=True)

        set_trainable(g, True); set_trainable(d, False)
        opt_g.zero_grad(set_to_none=True)
        lg = F.softplus(-d(fake, y_fake)).mean()
        lg.backward(); opt_g.step(); opt_g.zero_grad(set_to_none=True)
        set_trainable(d, True)
        loss_d, loss_g = ld.item(), lg.item()
        done += 1
    steps = done
    train_s = time.perf_counter() - t0

    # Samples from a fixed seed derived from --seed; the grid shows the first ones (more are made if N is smaller).
    rows, cols = (K, K) if cond else (8, 8)
    total = max(a.samples, rows * cols)
    gen = torch.Generator().manual_seed(a.seed * 1000003 + 7919)
    g.eval()
    chunks = []
    with torch.no_grad():
        for start in range(0, total, 500):
            n = min(500, total - start)
            z = torch.randn(n, Z, generator=gen)
            y = (torch.arange(start, start + n) % K) if cond else None
            x = g(z, y)[:, 0]
            chunks.append(torch.clamp(torch.round((x + 1) * 127.5), 0, 255).to(torch.uint8).numpy())
    out = np.concatenate(chunks)

    atomic_write(a.out, "train-images-idx3-ubyte", idx_bytes(out[:a.samples]))
    if cond:
        atomic_write(a.out, "train-labels-idx1-ubyte", idx_bytes(np.arange(a.samples) % K))
        # row r holds class r: sample j * 10 + r is the j-th sample of class r
        tiles = [out[c * K + r] for r in range(rows) for c in range(cols)]
    else:
        tiles = list(out[:rows * cols])
    atomic_write(a.out, "grid.png", png_gray(grid(tiles, rows, cols)))
    run = {
        "model": a.model, "epochs": round(steps / per_epoch, 4), "minutes": a.minutes, "seed": a.seed, "threads": torch.get_num_threads(),
        "batch": BATCH, "steps": steps, "samples": a.samples, "train_seconds": round(train_s, 3),
        "torch": torch.__version__, "loss_d": loss_d, "loss_g": loss_g,
    }
    atomic_write(a.out, "run.json", (json.dumps(run, indent=2) + "\n").encode())
    print(json.dumps(run))


if __name__ == "__main__":
    main(sys.argv[1:])
