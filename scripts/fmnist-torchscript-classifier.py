#!/usr/bin/python3
"""A small Fashion-MNIST CNN exported to TorchScript: an example of a user-provided feature network for SRGAN
(--set i2i.featureNet=FILE), and a second, independent classifier beside jgan's built-in one (`jgan classifier test`).
Debian's python3-torch; reads the IDX files of /usr/share/datasets/fashion-mnist; nothing is downloaded.

  /usr/bin/python3 scripts/fmnist-torchscript-classifier.py train OUT.pt [--epochs 2] [--threads 1]
  /usr/bin/python3 scripts/fmnist-torchscript-classifier.py eval OUT.pt IDX_DIR [IDX_DIR ...]

The module takes N x 1 x 28 x 28 images in [-1, 1] (jgan's convention) and returns (features, logits): features are
the second convolution block's N x 64 x 7 x 7 map (a content-loss feature, as SRGAN's VGG conv5_4), logits the 10
classes. 'eval' reads IDX folders with MNIST file names (train- or t10k- images and labels, .gz or not; what
jgan translate/upscale --idx write) and prints the accuracy and how many images went to each class.
"""
import gzip
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

FASHION = os.environ.get("JGAN_FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist")


def read_idx(path):
    opener = gzip.open if open(path, "rb").read(2) == b"\x1f\x8b" else open
    with opener(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def find(folder, kind):
    for pre in ("train", "t10k"):
        for ext in ("", ".gz"):
            p = os.path.join(folder, f"{pre}-{kind}-idx{3 if kind == 'images' else 1}-ubyte{ext}")
            if os.path.exists(p):
                return p
    raise SystemExit(f"{folder}: no {kind} IDX file")


def split(folder, pre):
    x = read_idx(os.path.join(folder, f"{pre}-images-idx3-ubyte.gz"))
    y = read_idx(os.path.join(folder, f"{pre}-labels-idx1-ubyte.gz"))
    return to_tensor(x), torch.from_numpy(y.astype(np.int64))


def to_tensor(x):
    return torch.from_numpy(x.astype(np.float32) / 127.5 - 1.0).unsqueeze(1)


class Classifier(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = torch.nn.Conv2d(1, 32, 3, padding=1)
        self.c2 = torch.nn.Conv2d(32, 64, 3, padding=1)
        self.fc1 = torch.nn.Linear(64 * 7 * 7, 128)
        self.fc2 = torch.nn.Linear(128, 10)

    def forward(self, x):
        h = F.max_pool2d(F.relu(self.c1(x)), 2)
        f = F.max_pool2d(F.relu(self.c2(h)), 2)
        return f, self.fc2(F.relu(self.fc1(f.flatten(1))))


def accuracy(model, x, y):
    with torch.no_grad():
        pred = torch.cat([model(x[i:i + 1000])[1].argmax(1) for i in range(0, len(x), 1000)])
    return (pred == y).float().mean().item(), pred


def train(out, epochs, threads):
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    x, y = split(FASHION, "train")
    tx, ty = split(FASHION, "t10k")
    model = Classifier()
    opt = torch.optim.Adam(model.parameters(), 1e-3)
    for epoch in range(epochs):
        perm = torch.randperm(len(x))
        for i in range(0, len(x), 128):
            idx = perm[i:i + 128]
            loss = F.cross_entropy(model(x[idx])[1], y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(f"epoch {epoch + 1}: test accuracy {accuracy(model, tx, ty)[0]:.4f}", flush=True)
    model.eval()
    torch.jit.save(torch.jit.script(model), out)
    print(f"saved {out}")


def evaluate(path, folders):
    model = torch.jit.load(path).eval()
    for folder in folders:
        x = to_tensor(read_idx(find(folder, "images")))
        y = torch.from_numpy(read_idx(find(folder, "labels")).astype(np.int64))
        acc, pred = accuracy(model, x, y)
        counts = np.bincount(pred.numpy(), minlength=10).tolist()
        print(f"{folder}: {len(x)} images, accuracy {acc:.4f}, predicted classes {counts}")


if __name__ == "__main__":
    a = sys.argv[1:]
    if len(a) >= 2 and a[0] == "train":
        epochs = int(a[a.index("--epochs") + 1]) if "--epochs" in a else 2
        threads = int(a[a.index("--threads") + 1]) if "--threads" in a else 1
        train(a[1], epochs, threads)
    elif len(a) >= 3 and a[0] == "eval":
        evaluate(a[1], a[2:])
    else:
        raise SystemExit(__doc__)
