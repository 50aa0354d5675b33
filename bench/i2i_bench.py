"""PyTorch side of `jgan bench-i2i`: the same networks and training step as jgan's pix2pix, cyclegan and srgan presets.

Same layers, widths and order of operations as models/.../i2i, cyclegan and srgan: the U-Net and the batch-norm
PatchGAN of pix2pix (non-saturating loss, D's loss halved, L1 x 100); CycleGAN's ResNet generators (reflection padding,
instance norm) and instance-norm PatchGANs (least squares, cycle 10, identity 5; no history pool, which only copies);
SRResNet with PReLU and pixel shuffle and SRGAN's discriminator (pixel MSE + 1e-3 non-saturating). A step as jgan's
loop runs it: G forward once, D's phase on real and detached fake, then G's phase with D frozen. Adam as the presets.
Timed as jgan times itself: process CPU time and wall time per step. Also counts the multiply-adds of one forward pass
per image with forward hooks, which jgan checks against its own count from the architecture. JGAN_PROFILE_OUT=FILE
writes PyTorch's profiler table of the timed steps (operators by self CPU time) to FILE.

Run by jgan with Debian's /usr/bin/python3 (python3-torch). Prints one JSON object on stdout.
Usage: i2i_bench.py MODEL THREADS BATCH STEPS WARMUP WIDTH SIDE CHANNELS BLOCKS SCALE
"""
import json
import os
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

model = sys.argv[1]
threads, batch, steps, warmup, width, side, chans, blocks, scale = map(int, sys.argv[2:11])
torch.set_num_interop_threads(1)
torch.set_num_threads(threads)
torch.manual_seed(0)


def lrelu(x):
    return F.leaky_relu(x, 0.2)


def inorm(x):  # no affine parameters, CycleGAN's default
    return F.instance_norm(x, eps=1e-5)


class UNet(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.depth = d = min(8, side.bit_length() - 1)
        ch = [width * min(1 << i, 8) for i in range(d)]
        self.down, self.dnorm, self.up, self.unorm, self.drop = (nn.ModuleList(), nn.ModuleList(), nn.ModuleList(),
                                                                  nn.ModuleList(), [])
        for i in range(d):
            ends = i == 0 or i == d - 1
            self.down.append(nn.Conv2d(cin if i == 0 else ch[i - 1], ch[i], 4, 2, 1, bias=ends))
            self.dnorm.append(nn.Identity() if ends else nn.BatchNorm2d(ch[i]))
            self.up.append(nn.ConvTranspose2d(ch[i] if i == d - 1 else 2 * ch[i], cout if i == 0 else ch[i - 1],
                                              4, 2, 1, bias=i == 0))
            self.unorm.append(nn.Identity() if i == 0 else nn.BatchNorm2d(ch[i - 1]))
            self.drop.append(4 <= i < d - 1)

    def forward(self, x):
        skips, h = [], x
        for i in range(self.depth):
            h = self.dnorm[i](self.down[i](h if i == 0 else lrelu(h)))
            skips.append(h)
        u = None
        for i in reversed(range(self.depth)):
            a = skips[i] if i == self.depth - 1 else torch.cat([skips[i], u], 1)
            u = self.up[i](torch.relu(a))
            if i == 0:
                u = torch.tanh(u)
            else:
                u = self.unorm[i](u)
                if self.drop[i]:
                    u = F.dropout(u, 0.5, self.training)
        return u


def patch_layers(s):
    def field(n):
        r = 7
        for _ in range(n):
            r = (r - 1) * 2 + 4
        return r
    n = 1
    while n < 5 and field(n + 1) <= s // 2 and s >> (n + 1) >= 3:
        n += 1
    return n


class Patch(nn.Module):
    def __init__(self, cin, norm):
        super().__init__()
        n_layers = patch_layers(side)
        self.convs, self.norms, prev = nn.ModuleList(), [], cin
        for n in range(n_layers + 2):
            last = n == n_layers + 1
            out = 1 if last else width * min(1 << n, 8)
            normed = n > 0 and not last
            self.convs.append(nn.Conv2d(prev, out, 4, 2 if n < n_layers else 1, 1,
                                        bias=not normed or norm == "instance"))
            self.norms.append(norm if normed else None)
            if normed and norm == "batch":
                self.add_module("bn%d" % n, nn.BatchNorm2d(out))
            prev = out

    def forward(self, x):
        for n, conv in enumerate(self.convs):
            x = conv(x)
            if n == len(self.convs) - 1:
                return x
            if self.norms[n] == "batch":
                x = getattr(self, "bn%d" % n)(x)
            elif self.norms[n] == "instance":
                x = inorm(x)
            x = lrelu(x)


class Resnet(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        w = width
        self.head = nn.Conv2d(cin, w, 7)
        self.down1, self.down2 = nn.Conv2d(w, 2 * w, 3, 2, 1), nn.Conv2d(2 * w, 4 * w, 3, 2, 1)
        self.blocks = nn.ModuleList([nn.ModuleList([nn.Conv2d(4 * w, 4 * w, 3), nn.Conv2d(4 * w, 4 * w, 3)])
                                     for _ in range(blocks)])
        self.up1 = nn.ConvTranspose2d(4 * w, 2 * w, 3, 2, 1, output_padding=1)
        self.up2 = nn.ConvTranspose2d(2 * w, w, 3, 2, 1, output_padding=1)
        self.tail = nn.Conv2d(w, cout, 7)

    def forward(self, x):
        h = torch.relu(inorm(self.head(F.pad(x, [3] * 4, mode="reflect"))))
        h = torch.relu(inorm(self.down1(h)))
        h = torch.relu(inorm(self.down2(h)))
        for a, b in self.blocks:
            r = torch.relu(inorm(a(F.pad(h, [1] * 4, mode="reflect"))))
            h = h + inorm(b(F.pad(r, [1] * 4, mode="reflect")))
        h = torch.relu(inorm(self.up1(h)))
        h = torch.relu(inorm(self.up2(h)))
        return torch.tanh(self.tail(F.pad(h, [3] * 4, mode="reflect")))


class SrResNet(nn.Module):
    def __init__(self):
        super().__init__()
        w = width
        self.head, self.head_act = nn.Conv2d(chans, w, 9, 1, 4), nn.PReLU()
        self.blocks = nn.ModuleList([nn.ModuleList([nn.Conv2d(w, w, 3, 1, 1, bias=False), nn.BatchNorm2d(w),
                                                    nn.PReLU(), nn.Conv2d(w, w, 3, 1, 1, bias=False),
                                                    nn.BatchNorm2d(w)]) for _ in range(blocks)])
        self.mid, self.mid_norm = nn.Conv2d(w, w, 3, 1, 1, bias=False), nn.BatchNorm2d(w)
        self.ups = nn.ModuleList([nn.ModuleList([nn.Conv2d(w, 4 * w, 3, 1, 1), nn.PReLU()])
                                  for _ in range((scale - 1).bit_length())])
        self.tail = nn.Conv2d(w, chans, 9, 1, 4)

    def forward(self, x):
        first = self.head_act(self.head(x))
        h = first
        for a, an, act, b, bn in self.blocks:
            h = h + bn(b(act(an(a(h)))))
        h = self.mid_norm(self.mid(h)) + first
        for conv, act in self.ups:
            h = act(F.pixel_shuffle(conv(h), 2))
        return torch.tanh(self.tail(h))


class SrD(nn.Module):
    def __init__(self):
        super().__init__()
        self.convs, self.norms, prev = nn.ModuleList(), nn.ModuleList(), chans
        for i in range(8):
            out = width << (i // 2)
            self.convs.append(nn.Conv2d(prev, out, 3, 2 if i % 2 == 1 else 1, 1, bias=i == 0))
            self.norms.append(nn.Identity() if i == 0 else nn.BatchNorm2d(out))
            prev = out
        self.fc1, self.fc2 = nn.Linear(prev, 16 * width), nn.Linear(16 * width, 1)

    def forward(self, x):
        for c, n in zip(self.convs, self.norms):
            x = lrelu(n(c(x)))
        return self.fc2(lrelu(self.fc1(F.adaptive_avg_pool2d(x, 1).flatten(1)))).view(-1)


# the non-saturating loss on logits, and least squares (Mao et al.) as jgan's least-squares loss
ns_d = lambda real, fake: F.softplus(-real).mean() + F.softplus(fake).mean()  # noqa: E731
ns_g = lambda fake: F.softplus(-fake).mean()  # noqa: E731
ls_d = lambda real, fake: 0.5 * ((real - 1).square().mean() + fake.square().mean())  # noqa: E731
ls_g = lambda fake: 0.5 * (fake - 1).square().mean()  # noqa: E731


def adam(nets, lr, b1):
    return torch.optim.Adam([p for n in nets for p in n.parameters()], lr=lr, betas=(b1, 0.999))


def trainable(nets, on):
    for n in nets:
        for p in n.parameters():
            p.requires_grad_(on)


def images():
    return torch.rand(batch, chans, side, side) * 2 - 1


if model == "pix2pix":
    g, d = UNet(chans, chans), Patch(2 * chans, "batch")
    gs, ds = [g], [d]
    a, b = images(), images()

    def step():
        fake = g(a)
        trainable(gs, False)
        loss_d = 0.5 * ns_d(d(torch.cat([a, b], 1)), d(torch.cat([a, fake.detach()], 1)))
        loss_d.backward(); opt_d.step(); opt_d.zero_grad(set_to_none=True)
        trainable(gs, True); trainable(ds, False)
        loss_g = ns_g(d(torch.cat([a, fake], 1))) + 100 * (fake - b).abs().mean()
        loss_g.backward(); opt_g.step(); opt_g.zero_grad(set_to_none=True)
        trainable(ds, True)
        return loss_d.item() + loss_g.item()
elif model == "cyclegan":
    g, gba, d, da = Resnet(chans, chans), Resnet(chans, chans), Patch(chans, "instance"), Patch(chans, "instance")
    gs, ds = [g, gba], [d, da]
    a, b = images(), images()

    def step():
        fb, fa = g(a), gba(b)
        trainable(gs, False)
        loss_d = ls_d(d(b), d(fb.detach())) + ls_d(da(a), da(fa.detach()))
        loss_d.backward(); opt_d.step(); opt_d.zero_grad(set_to_none=True)
        trainable(gs, True); trainable(ds, False)
        adv = 2 * (ls_g(d(fb)) + ls_g(da(fa)))
        cycle = (gba(fb) - a).abs().mean() + (g(fa) - b).abs().mean()
        ident = (g(b) - b).abs().mean() + (gba(a) - a).abs().mean()
        loss_g = adv + 10 * cycle + 5 * ident
        loss_g.backward(); opt_g.step(); opt_g.zero_grad(set_to_none=True)
        trainable(ds, True)
        return loss_d.item() + loss_g.item()
elif model == "srgan":
    g, d = SrResNet(), SrD()
    gs, ds = [g], [d]
    hr = images()

    def step():
        lr = F.avg_pool2d(hr, scale)
        sr = g(lr)
        trainable(gs, False)
        loss_d = ns_d(d(hr), d(sr.detach()))
        loss_d.backward(); opt_d.step(); opt_d.zero_grad(set_to_none=True)
        trainable(gs, True); trainable(ds, False)
        loss_g = F.mse_loss(sr, hr) + 1e-3 * ns_g(d(sr))
        loss_g.backward(); opt_g.step(); opt_g.zero_grad(set_to_none=True)
        trainable(ds, True)
        return loss_d.item() + loss_g.item()
else:
    sys.exit("unknown model " + model)

lr0, beta1 = (1e-4, 0.9) if model == "srgan" else (2e-4, 0.5)
opt_g, opt_d = adam(gs, lr0, beta1), adam(ds, lr0, beta1)


def count_macs(net, x):
    """Multiply-adds of one forward pass for one image, from the shapes the layers see."""
    total = [0]

    def hook(m, inp, out):
        if isinstance(m, nn.ConvTranspose2d):  # every input pixel meets the whole kernel once
            total[0] += inp[0].numel() * m.out_channels * m.kernel_size[0] * m.kernel_size[1]
        elif isinstance(m, nn.Conv2d):
            total[0] += out.numel() * m.in_channels * m.kernel_size[0] * m.kernel_size[1] // m.groups
        elif isinstance(m, nn.Linear):
            total[0] += out.numel() * m.in_features
    hooks = [m.register_forward_hook(hook) for m in net.modules()]
    with torch.no_grad():
        net.eval()
        net(x)
        net.train()
    for h in hooks:
        h.remove()
    return total[0]


one = torch.zeros(1, chans, side, side)
macs_g = count_macs(g, F.avg_pool2d(one, scale) if model == "srgan" else one)
macs_d = count_macs(d, torch.cat([one, one], 1) if model == "pix2pix" else one)

cpu, wall = [], []
for i in range(warmup):
    step()
profile_out = os.environ.get("JGAN_PROFILE_OUT")
with torch.autograd.profiler.profile(enabled=bool(profile_out)) as prof:
    for i in range(steps):
        t, c0 = time.perf_counter(), time.process_time()
        step()
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
if profile_out:
    with open(profile_out, "w") as f:
        f.write(prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=30))

print(json.dumps({"torch": torch.__version__, "step_ms_median": statistics.median(wall),
                  "cpu_ms_median": statistics.median(cpu), "macs_g": macs_g, "macs_d": macs_d,
                  "params_g": sum(p.numel() for n in gs for p in n.parameters()),
                  "params_d": sum(p.numel() for n in ds for p in n.parameters())}))
