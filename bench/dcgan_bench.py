"""PyTorch side of `jgan bench`: the same DCGAN, loss and training step as jgan's, timed the same way.

Run by jgan with Debian's /usr/bin/python3 (python3-torch). Prints one JSON object on stdout.
Usage: dcgan_bench.py THREADS BATCH STEPS WARMUP GEN_BATCH GEN_REPS [PRECISION]
PRECISION bfloat16 runs the step and generation under CPU autocast to bfloat16 (torch.autocast("cpu")), PyTorch's
mixed precision, which jgan's model.precision=bfloat16 is measured against; float32 (the default) runs without it.
"""
import json
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

threads, batch, steps, warmup, gen_batch, gen_reps = map(int, sys.argv[1:7])
precision = sys.argv[7] if len(sys.argv) > 7 else "float32"
autocast = precision == "bfloat16"
torch.set_num_interop_threads(1)
torch.set_num_threads(threads)
torch.manual_seed(0)

W, Z = 64, 100


class G(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(Z, 4 * W * 7 * 7, bias=False)
        self.bn0 = nn.BatchNorm2d(4 * W)
        self.up1 = nn.ConvTranspose2d(4 * W, 2 * W, 4, 2, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(2 * W)
        self.up2 = nn.ConvTranspose2d(2 * W, 1, 4, 2, 1)

    def forward(self, z):
        x = F.relu(self.bn0(self.fc(z).view(-1, 4 * W, 7, 7)))
        x = F.relu(self.bn1(self.up1(x)))
        return torch.tanh(self.up2(x))


class D(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, W, 4, 2, 1)
        self.conv2 = nn.Conv2d(W, 2 * W, 4, 2, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(2 * W)
        self.fc = nn.Linear(2 * W * 7 * 7, 1)

    def forward(self, x):
        h = F.leaky_relu(self.conv1(x), 0.2)
        h = F.leaky_relu(self.bn2(self.conv2(h)), 0.2)
        return self.fc(h.flatten(1)).view(-1)


g, d = G(), D()
opt_g = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999))
opt_d = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999))
real = torch.rand(batch, 1, 28, 28) * 2 - 1


def set_trainable(m, on):
    for p in m.parameters():
        p.requires_grad_(on)


def mixed():
    """Autocast around forward passes and losses only, backward outside it, as PyTorch's AMP documentation says."""
    return torch.autocast("cpu", dtype=torch.bfloat16, enabled=autocast)


def step():
    z = torch.randn(batch, Z)
    with mixed():
        fake = g(z)  # shared by both phases, as in jgan and PyTorch's DCGAN example
    set_trainable(g, False); set_trainable(d, True)
    opt_d.zero_grad(set_to_none=True)
    with mixed():
        loss_d = F.softplus(-d(real)).mean() + F.softplus(d(fake.detach())).mean()
    loss_d.backward(); opt_d.step(); opt_d.zero_grad(set_to_none=True)
    set_trainable(g, True); set_trainable(d, False)
    opt_g.zero_grad(set_to_none=True)
    with mixed():
        loss_g = F.softplus(-d(fake)).mean()
    loss_g.backward(); opt_g.step(); opt_g.zero_grad(set_to_none=True)
    set_trainable(d, True)
    return loss_d.item() + loss_g.item()


times = []
for i in range(warmup + steps):
    t = time.perf_counter()
    step()
    if i >= warmup:
        times.append(time.perf_counter() - t)

g.eval()
gen_times = []
with torch.no_grad():
    for i in range(gen_reps + 1):
        t = time.perf_counter()
        with mixed():
            g(torch.randn(gen_batch, Z))
        if i > 0:
            gen_times.append(time.perf_counter() - t)

print(json.dumps({
    "torch": torch.__version__,
    "threads": torch.get_num_threads(),
    "precision": precision,
    "step_ms_median": statistics.median(times) * 1000,
    "train_img_s": batch / statistics.median(times),
    "gen_img_s": gen_batch / statistics.median(gen_times),
}))
