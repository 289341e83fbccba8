"""Plain PyTorch scripts that reproduce a page's setting and print the number the page shows.

Each ``*_code(values)`` takes the page's control values (its table keys, ``ui/tables/<page>.py``)
and returns a short runnable script as a string. The script uses the same semantics as core:
bias-free MLPs with one activation on every layer, the loss sum(u * a_L) with u ~ N(0, I), the
initialisations of ``core.ensemble.init_std`` (std = gain * sqrt(2/fan_in) for He, ... ) through
``torch.nn.init``, clipping with ``torch.nn.utils.clip_grad_norm_`` / ``clip_grad_value_``,
and the work caps the page applies (fewer samples or a narrower network). Numbers are written
with ``repr``, so a value in the script is exactly the page's.

The scripts compute in float64 (as core) with ordinary autograd: the page's log-space engine
stays finite at any depth, a script overflows where the norms pass about 1e308. Random numbers
come from ``torch.manual_seed(seed)``, so a script draws other networks than the page: random
results agree within the page's spread, clipping of a given vector agrees exactly. The training
lab's script is in core/pytorch_training_code.py.
"""

from collections.abc import Iterable

from core.budget import clipped_networks, ensemble_size
from core.clip_effects import BATCH as CLIP_BATCH
from core.growth import column_samples
from core.mlp import BN_EPS
from core.remedies import BATCH as COLUMN_BATCH
from core.remedies import effective_init
from core.weight_bounds import BATCH as CLIPPED_BATCH
from core.weight_bounds import MAX_NETWORKS

# torch.nn modules of core.activations' functions
ACTIVATION_MODULES = {"relu": "torch.nn.ReLU()", "leaky_relu": "torch.nn.LeakyReLU(0.01)",
                      "tanh": "torch.nn.Tanh()", "sigmoid": "torch.nn.Sigmoid()",
                      "linear": "torch.nn.Identity()"}
# core.ensemble.init_std through torch.nn.init: each line gives std = gain * (the init's std)
_INIT_LINES = {
    "he": ('torch.nn.init.kaiming_normal_(w, nonlinearity="relu")  # sqrt(2 / fan_in)',
           "w.mul_(gain)"),
    "lecun": ('torch.nn.init.kaiming_normal_(w, nonlinearity="linear")  # sqrt(1 / fan_in)',
              "w.mul_(gain)"),
    "xavier": ("torch.nn.init.xavier_normal_(w, gain=gain)  # gain * sqrt(2 / (fan_in + "
               "fan_out))",),
    "normal": ("torch.nn.init.normal_(w, std=gain)",),
}
HEADER = ("import math\n\nimport torch\n\n"
          "torch.set_default_dtype(torch.float64)  # float64, as the page computes\n")


def number(value) -> str:
    """A value as Python source: exact (repr) floats, ints and bools as they are."""
    if isinstance(value, bool) or value is None:
        return repr(value)
    if isinstance(value, int):
        return str(value)
    return repr(float(value))


def init_function(inits: Iterable[str]) -> str:
    """``init_(w, init, gain)``: core.ensemble.init_std's schemes (only those used)."""
    inits = set(inits)
    used = [name for name in _INIT_LINES if name in inits]
    lines = ["@torch.no_grad()", "def init_(w, init, gain):",
             '    """std = gain * sqrt(2/fan_in) (he), sqrt(1/fan_in) (lecun), '
             'sqrt(2/(fan_in+fan_out))', '    (xavier) or 1 (normal), as on the page."""']
    if len(used) == 1:
        lines += [f"    {line}" for line in _INIT_LINES[used[0]]]
        return "\n".join(lines) + "\n"
    for i, name in enumerate(used):
        lines.append(f'    {"if" if i == 0 else "elif"} init == "{name}":')
        lines += [f"        {line}" for line in _INIT_LINES[name]]
    return "\n".join(lines) + "\n"


def _growth_function() -> str:
    return '''

def log10_growth(net, x, u):
    """log10 ||g_0|| / ||g_L|| per input row, g = dLoss/da for Loss = sum(u * a_L)."""
    x = x.clone().requires_grad_()
    (u * net(x)).sum().backward()
    return x.grad.norm(dim=1).log10() - u.norm(dim=1).log10()


def median(values):
    """The median of the finite values (as numpy.median); None if there is none."""
    values = torch.tensor(values)
    values = values[values.isfinite()]  # an exactly zero gradient has log10 = -inf
    return values.quantile(0.5).item() if values.numel() else None
'''


def _mlp_function(bias: bool = False) -> str:
    return f'''

def mlp(depth, width, act, init, gain):
    """depth bias-free square layers, the activation after every one (a_L = phi(h_L))."""
    layers = []
    for _ in range(depth):
        linear = torch.nn.Linear(width, width, bias={bias})
        init_(linear.weight, init, gain)
        layers += [linear, act]
    return torch.nn.Sequential(*layers)
'''


def chain_rule_code(values: dict, batch: int) -> str:
    """The chain rule page: median log10 ||g_0|| / ||g_L|| over its random networks."""
    samples, width = ensemble_size(values["depth"], values["width"], values["samples"])
    return (HEADER + f"torch.manual_seed({number(values['seed'])})\n"
            f"DEPTH, WIDTH, SAMPLES, BATCH = {number(values['depth'])}, {number(width)}, "
            f"{number(samples)}, {number(batch)}\n"
            f"ACT, INIT, GAIN = {ACTIVATION_MODULES[values['act']]}, \"{values['init']}\", "
            f"{number(values['gain'])}\n\n\n"
            + init_function([values["init"]]) + _mlp_function() + _growth_function() + '''

growth = []
for _ in range(SAMPLES):  # SAMPLES networks, BATCH random inputs each
    net = mlp(DEPTH, WIDTH, ACT, INIT, GAIN)
    x, u = torch.randn(BATCH, WIDTH), torch.randn(BATCH, WIDTH)
    growth += log10_growth(net, x, u).tolist()
print("median log10 ||g_0||/||g_L||:", median(growth))
''')


def clipping_code(values: dict) -> str:
    """The clipping page's 2-D gradient: clip_grad_value_ and clip_grad_norm_ at its threshold,
    the norm and the angle to the original after each (exactly the page's numbers); then its
    deep network's gradient (``deep_gradient_code``)."""
    return (HEADER + f"MAGNITUDE, ANGLE, THRESHOLD = {number(values['mag'])}, "
            f"{number(values['ang'])}, {number(values['thr'])}  # ANGLE in degrees\n" + '''

def angle(a, b):
    """Degrees between a and b: 2 atan2(|u - v|, |u + v|) of the unit vectors (exact near 0)."""
    u, v = a / a.norm(), b / b.norm()
    return math.degrees(2 * math.atan2((u - v).norm(), (u + v).norm()))


theta = math.radians(ANGLE)
g = torch.tensor([MAGNITUDE * math.cos(theta), MAGNITUDE * math.sin(theta)])
for clip in (torch.nn.utils.clip_grad_value_, torch.nn.utils.clip_grad_norm_):
    p = torch.nn.Parameter(torch.zeros(2))
    p.grad = g.clone()
    clip([p], THRESHOLD)  # by value: each component to [-t, t]; by norm: g * min(1, t/(|g|+1e-6))
    print(f"{clip.__name__} norm:", p.grad.norm().item())
    print(f"{clip.__name__} angle to the original (degrees):", angle(g, p.grad))
''' + deep_gradient_code(values))


def deep_gradient_code(values: dict) -> str:
    """Section (b): a He/ReLU MLP's gradient (zero biases), clipped both ways to KEEP % of
    its norm, as core.clip_effects.deep_gradient_summary; the value threshold by bisection."""
    return (f"\n# A deep ReLU network's gradient, clipped both ways to KEEP % of its norm\n"
            f"torch.manual_seed({number(values['seed'])})\n"
            f"DEPTH, WIDTH, GAIN, KEEP, BATCH = {number(values['depth'])}, "
            f"{number(values['width'])}, {number(values['gain'])}, {number(values['keep'])}, "
            f"{number(CLIP_BATCH)}\n" + '''layers = []
for _ in range(DEPTH):
    linear = torch.nn.Linear(WIDTH, WIDTH)
    torch.nn.init.kaiming_normal_(linear.weight, nonlinearity="relu")  # std sqrt(2 / fan_in)
    with torch.no_grad():
        linear.weight.mul_(GAIN)
    torch.nn.init.zeros_(linear.bias)  # zero, but its gradient is the heavy tail
    layers += [linear, torch.nn.ReLU()]
net = torch.nn.Sequential(*layers)
x, u = torch.randn(BATCH, WIDTH), torch.randn(BATCH, WIDTH)
(u * net(x)).sum().backward()
params = list(net.parameters())
g = torch.cat([p.grad.flatten() for p in params])
c = KEEP / 100 * g.norm().item()  # clip_grad_norm_'s max_norm
low, high = 0.0, g.abs().max().item()  # clip_grad_value_'s v leaving the same norm: bisection
for _ in range(200):
    v = (low + high) / 2
    low, high = (v, high) if g.clamp(-v, v).norm() < c else (low, v)
print("deep gradient norm:", g.norm().item())
print("deep clip_grad_norm_ threshold c:", c)
print("deep clip_grad_value_ threshold v:", v)
saved = [p.grad.clone() for p in params]
for clip, threshold in ((torch.nn.utils.clip_grad_value_, v), (torch.nn.utils.clip_grad_norm_, c)):
    clip(params, threshold)
    h = torch.cat([p.grad.flatten() for p in params])
    print(f"deep {clip.__name__} norm:", h.norm().item())
    print(f"deep {clip.__name__} cosine:", torch.nn.functional.cosine_similarity(g, h, 0).item())
    print(f"deep {clip.__name__} changed (%):", 100 * (h != g).double().mean().item())
    for p, grad in zip(params, saved):
        p.grad = grad.clone()
''')


def weight_clipping_code(values: dict) -> str:
    """The weight-clipping page's random networks: the share of weights clamp_ moves to +-c,
    n Var[w] before and after, and the median gradient ratio unclipped and clipped."""
    depth, width = values["depth"], values["width"]
    networks = clipped_networks(depth, width, MAX_NETWORKS)
    return (HEADER + f"torch.manual_seed({number(values['seed'])})\n"
            f"C, DEPTH, WIDTH, GAIN = {number(values['c'])}, {number(depth)}, {number(width)}, "
            f"{number(values['gain'])}\n"
            f"NETWORKS, BATCH, ACT = {number(networks)}, {number(CLIPPED_BATCH)}, "
            f"{ACTIVATION_MODULES[values['act']]}\n\n\n"
            + init_function(["he"]) + _mlp_function() + _growth_function() + '''

moved, factor_before, factor_after, unclipped, clipped = [], [], [], [], []
for _ in range(NETWORKS):
    net = mlp(DEPTH, WIDTH, ACT, "he", GAIN)
    x, u = torch.randn(BATCH, WIDTH), torch.randn(BATCH, WIDTH)
    unclipped += log10_growth(net, x, u).tolist()
    with torch.no_grad():
        for w in net.parameters():
            moved.append((w.abs() >= C).double().mean().item())
            factor_before.append(WIDTH * w.pow(2).mean().item())  # n Var[w], realised
            w.clamp_(-C, C)  # weight clipping, as WGAN after every step
            factor_after.append(WIDTH * w.pow(2).mean().item())
    net.zero_grad()
    clipped += log10_growth(net, x, u).tolist()
print("weights at +-c (%):", 100 * sum(moved) / len(moved))
print("n Var[w] before:", sum(factor_before) / len(factor_before))
print("n Var[w] after:", sum(factor_after) / len(factor_after))
print("median log10 ||g_0||/||g_L|| unclipped:", median(unclipped))
print("median log10 ||g_0||/||g_L|| clipped:", median(clipped))
''')


def explosion_side(values: dict, side: str) -> dict:
    """One column's network as the page runs it: the better init replaces init and gain."""
    act = values[f"{side}_act"]
    init, gain = effective_init(act, values[f"{side}_init"], values[f"{side}_gain"],
                                values[f"{side}_good"])
    depth = values[f"{side}_depth"]
    return {"act": act, "init": init, "gain": gain, "depth": depth, "bn": values[f"{side}_bn"],
            "res": values[f"{side}_res"], "clip": values[f"{side}_clip"],
            "samples": column_samples(depth, values["width"])}


def explosion_code(values: dict) -> str:
    """The explosion page's two columns: each one's median growth and, with clipping on, the
    median factor clip_grad_norm_ multiplies every weight gradient by."""
    sides = {side: explosion_side(values, side) for side in ("l", "r")}
    calls = "\n".join(
        f'side("{name}", act={ACTIVATION_MODULES[s["act"]]}, init="{s["init"]}", '
        f'gain={number(s["gain"])}, depth={number(s["depth"])},\n'
        f'     batch_norm={number(s["bn"])}, residual={number(s["res"])}, '
        f'clip={number(s["clip"])}, samples={number(s["samples"])})'
        for name, s in zip(("left", "right"), sides.values(), strict=True))
    return (HEADER + f"torch.manual_seed({number(values['seed'])})\n"
            f"WIDTH, BATCH, MAX_NORM = {number(values['width'])}, {number(COLUMN_BATCH)}, "
            f"{number(values['max_norm'])}\n\n\n"
            + init_function(s["init"] for s in sides.values()) + _growth_function() + f'''

class Net(torch.nn.Module):
    """Bias-free square layers; batch norm (train mode, no affine) before the activation;
    residual branches a_l = a_(l-1) + phi(z_l) / sqrt(depth)."""

    def __init__(self, depth, act, init, gain, batch_norm, residual):
        super().__init__()
        self.linears = torch.nn.ModuleList(
            torch.nn.Linear(WIDTH, WIDTH, bias=False) for _ in range(depth))
        for linear in self.linears:
            init_(linear.weight, init, gain)
        # no parameters (affine=False) and batch statistics: one module serves every layer
        self.norm = (torch.nn.BatchNorm1d(WIDTH, eps={number(BN_EPS)}, affine=False)
                     if batch_norm else torch.nn.Identity())
        self.act, self.scale = act, 1 / math.sqrt(depth) if residual else None

    def forward(self, a):
        for linear in self.linears:
            branch = self.act(self.norm(linear(a)))
            a = branch if self.scale is None else a + self.scale * branch
        return a


def side(name, act, init, gain, depth, batch_norm, residual, clip, samples):
    growth, factors = [], []
    for _ in range(samples):  # samples networks, BATCH inputs each (batch norm's batch)
        net = Net(depth, act, init, gain, batch_norm, residual)
        x, u = torch.randn(BATCH, WIDTH), torch.randn(BATCH, WIDTH)
        growth += log10_growth(net, x, u).tolist()
        if clip:  # every weight gradient times min(1, MAX_NORM / (total norm + 1e-6))
            total = torch.nn.utils.clip_grad_norm_(net.parameters(), MAX_NORM).item()
            factors.append(min(1.0, MAX_NORM / (total + 1e-6)))
    print(f"{{name}}: median log10 ||g_0||/||g_L||:", median(growth))
    if clip:
        print(f"{{name}}: median clip factor:", median(factors))


{calls}
''')

