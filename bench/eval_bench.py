"""PyTorch side of `jgan bench-eval`: jgan's evaluation pipeline (generate, features, FID, KID, precision/recall,
IS) with the same networks, weights, latents and real images, written the way Python projects write it.

The networks are jgan's DCGAN generator and its built-in Fashion-MNIST classifier, rebuilt here and loaded from the
.npz jgan exports (parameters and batch-norm buffers by name). FID as pytorch-fid computes it (float64 moments,
scipy.linalg.sqrtm); KID as torch-fidelity does (100 subsets of 1,000, cubic polynomial kernel, unbiased MMD, numpy
float64); precision/recall as Kynkaenniemi et al. 2019 (k = 3, torch.cdist in blocks of 1,000); IS over 10 splits.

Run by jgan with Debian's /usr/bin/python3 (python3-torch, python3-scipy). Prints one JSON object on stdout.
Usage: eval_bench.py EXPORT.npz REAL.npy THREADS BATCH SEED
"""
import json
import sys
import time

import numpy as np
import scipy.linalg
import torch
import torch.nn as nn
import torch.nn.functional as F

export, real_path = sys.argv[1], sys.argv[2]
threads, batch, seed = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
torch.set_num_interop_threads(1)
torch.set_num_threads(threads)
w = np.load(export)
real_u8 = np.load(real_path)


class G(nn.Module):
    def __init__(self, z, c0, c1, ch, h0, w0):
        super().__init__()
        self.c0, self.h0, self.w0 = c0, h0, w0
        self.fc = nn.Linear(z, c0 * h0 * w0, bias=False)
        self.bn0 = nn.BatchNorm2d(c0)
        self.up1 = nn.ConvTranspose2d(c0, c1, 4, 2, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(c1)
        self.up2 = nn.ConvTranspose2d(c1, ch, 4, 2, 1)

    def forward(self, z):
        x = F.relu(self.bn0(self.fc(z).view(-1, self.c0, self.h0, self.w0)))
        x = F.relu(self.bn1(self.up1(x)))
        return torch.tanh(self.up2(x))


class Classifier(nn.Module):
    def __init__(self, ch, h, w, classes):
        super().__init__()
        self.c1, self.b1 = nn.Conv2d(ch, 32, 3, 1, 1, bias=False), nn.BatchNorm2d(32)
        self.c2, self.b2 = nn.Conv2d(32, 64, 3, 1, 1, bias=False), nn.BatchNorm2d(64)
        self.c3, self.b3 = nn.Conv2d(64, 128, 3, 1, 1, bias=False), nn.BatchNorm2d(128)
        self.fc1, self.bf = nn.Linear(128 * (h // 8) * (w // 8), 128, bias=False), nn.BatchNorm1d(128)
        self.fc2 = nn.Linear(128, classes)

    def features(self, x):
        for c, b in ((self.c1, self.b1), (self.c2, self.b2), (self.c3, self.b3)):
            x = F.max_pool2d(F.relu(b(c(x))), 2, 2)
        return F.relu(self.bf(self.fc1(x.flatten(1))))


def load(module, prefix):
    state = {k[len(prefix):]: torch.from_numpy(w[k]) for k in w.files if k.startswith(prefix)}
    own = module.state_dict()
    missing = [k for k in own if k not in state and not k.endswith("num_batches_tracked")]
    if missing:
        raise SystemExit("eval_bench.py: the export lacks " + ", ".join(prefix + k for k in missing))
    module.load_state_dict({k: state.get(k, v).to(v.dtype) for k, v in own.items()})
    return module.eval()


up1, up2 = w["g.up1.weight"], w["g.up2.weight"]
ch, h, wd = real_u8.shape[1:]
g = load(G(w["g.fc.weight"].shape[1], up1.shape[0], up1.shape[1], up2.shape[1], h // 4, wd // 4), "g.")
clf = load(Classifier(ch, h, wd, w["c.fc2.weight"].shape[0]), "c.")
z_all = torch.from_numpy(w["z"])
times = {}


def timed(name, fn):
    t = time.perf_counter()
    out = fn()
    times[name] = times.get(name, 0.0) + time.perf_counter() - t
    return out


def features(u8):
    x = torch.from_numpy(u8).float().div(127.5).sub(1.0)  # as jgan: b / 127.5 - 1
    f = clf.features(x)
    return f, F.softmax(clf.fc2(f), 1)


with torch.no_grad():
    fake_f, fake_p, real_f = [], [], []
    for i in range(0, len(z_all), batch):
        img = timed("generate", lambda: g(z_all[i:i + batch]))
        # to 8-bit pixels, as a PNG written by torchvision's save_image and read back would hold them
        u8 = timed("generate", lambda: torch.floor((img + 1) * 127.5 + 0.5).clamp_(0, 255).to(torch.uint8).numpy())
        f, p = timed("features_fake", lambda: features(u8))
        fake_f.append(f)
        fake_p.append(p)
    for i in range(0, len(real_u8), batch):
        real_f.append(timed("features_real", lambda: features(real_u8[i:i + batch])[0]))
    fake = torch.cat(fake_f).numpy().astype(np.float64)
    probs = torch.cat(fake_p).numpy().astype(np.float64)
    real = torch.cat(real_f).numpy().astype(np.float64)


def fid():
    # pytorch-fid's calculate_frechet_distance
    mu1, s1 = fake.mean(0), np.cov(fake, rowvar=False)
    mu2, s2 = real.mean(0), np.cov(real, rowvar=False)
    covmean, _ = scipy.linalg.sqrtm(s1.dot(s2), disp=False)
    if not np.isfinite(covmean).all():
        off = np.eye(s1.shape[0]) * 1e-6
        covmean = scipy.linalg.sqrtm((s1 + off).dot(s2 + off))
    covmean = covmean.real
    d = mu1 - mu2
    return float(d.dot(d) + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean))


def kid(subsets=100, size=1000):
    # torch-fidelity's kid: polynomial kernel (x y / d + 1)^3, unbiased MMD^2 per subset
    rng = np.random.RandomState(seed)
    m, d = min(size, len(real), len(fake)), real.shape[1]
    vals = []
    for _ in range(subsets):
        x = fake[rng.choice(len(fake), m, replace=False)]
        y = real[rng.choice(len(real), m, replace=False)]
        a = (x @ x.T / d + 1) ** 3 + (y @ y.T / d + 1) ** 3
        b = (x @ y.T / d + 1) ** 3
        vals.append((a.sum() - np.diag(a).sum()) / (m - 1) / m - 2 * b.mean())
    return float(np.mean(vals))


def radii(x, k=3):
    # topk rather than kthvalue: the same value, 6x faster here; jgan does the same
    return torch.cat([torch.cdist(x[i:i + 1000], x).topk(k + 1, 1, largest=False).values[:, k]
                      for i in range(0, len(x), 1000)])


def precision_recall(k=3):
    r, f = torch.from_numpy(real).float(), torch.from_numpy(fake).float()
    rr, fr = radii(r, k), radii(f, k)
    inside, covered = 0, torch.zeros(len(r), dtype=torch.bool)
    for i in range(0, len(f), 1000):
        d = torch.cdist(f[i:i + 1000], r)
        inside += int((d <= rr[None]).any(1).sum())
        covered |= (d <= fr[i:i + 1000, None]).any(0)
    return inside / len(f), float(covered.float().mean())


def inception_score(splits=10):
    scores = []
    for part in np.array_split(probs, splits):
        py = part.mean(0, keepdims=True)
        kl = (part * (np.log(part + 1e-12) - np.log(py + 1e-12))).sum(1).mean()
        scores.append(np.exp(kl))
    return float(np.mean(scores))


with torch.no_grad():
    fid_v = timed("fid", fid)
    kid_v = timed("kid", kid)
    prec, rec = timed("precision_recall", precision_recall)
    is_v = timed("inception_score", inception_score)
print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "seconds": times,
                  "total": sum(times.values()), "fid": fid_v, "kid": kid_v, "precision": prec, "recall": rec,
                  "inception_score": is_v}))
