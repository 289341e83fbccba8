"""The training lab as a plain PyTorch script (see core/pytorch_code.py for the conventions).

``training_code(values)`` takes the lab's control values, builds the runs as the page does
(``core.lab.asked_configs``, then ``core.lab.capped``: the steps the page trains) and writes a
script that trains each run (A, and B when comparing) on the same kind of toy data: the same
network (Linear layers with biases, BatchNorm1d before the activation, skips on the square
hidden layers, logits out), cross-entropy, torch.optim's SGD / momentum / Adam, the schedule
as a torch.optim.lr_scheduler, gradient clipping, weight clipping of weights and biases
(also at initialisation), mini-batches of 64 reshuffled every epoch. It stops where the page
calls a run diverged (a loss or gradient norm that is not finite or beyond float32's largest
value) and prints the final loss and accuracy on all the data. Its data and initial weights
come from torch's generator, so its numbers agree with the page's in outcome, not digit by digit.
"""

from core import lab
from core.pytorch_code import ACTIVATION_MODULES, HEADER, init_function, number
from core.training import FLOAT32_MAX, TrainConfig

# core.datasets' toy sets in torch: class 0 then class 1, Gaussian noise, shuffled
DATASET_CODE = {
    "moons": '''    t0, t1 = torch.rand(a) * math.pi, torch.rand(b) * math.pi  # two half circles
    x = torch.cat([torch.stack([t0.cos(), t0.sin()], 1),
                   torch.stack([1 - t1.cos(), 0.5 - t1.sin()], 1)]) - torch.tensor([0.5, 0.25])
''',
    "spirals": '''    parts = []  # two arms r = t, angle = 3 pi t (+ pi for the second)
    for k, count in enumerate((a, b)):
        t = 0.05 + 0.95 * torch.rand(count)
        parts.append(t[:, None] * torch.stack([(3 * math.pi * t + k * math.pi).cos(),
                                               (3 * math.pi * t + k * math.pi).sin()], 1))
    x = torch.cat(parts)
''',
    "circles": '''    parts = []  # radius 1 (class 0) around radius 0.5 (class 1)
    for radius, count in ((1.0, a), (0.5, b)):
        angle = 2 * math.pi * torch.rand(count)
        parts.append(radius * torch.stack([angle.cos(), angle.sin()], 1))
    x = torch.cat(parts)
''',
    "xor": '''    parts = []  # class 0 where x1 * x2 > 0, class 1 where x1 * x2 < 0
    for k, count in enumerate((a, b)):
        magnitude = 0.05 + 0.95 * torch.rand(count, 2)
        sign = torch.randint(0, 2, (count,)) * 2.0 - 1
        parts.append(magnitude * torch.stack([sign, sign * (1 - 2 * k)], 1))
    x = torch.cat(parts)
''',
}

_OPTIMIZERS = {"sgd": "torch.optim.SGD(model.parameters(), lr=c[\"lr\"])",
               "momentum": "torch.optim.SGD(model.parameters(), lr=c[\"lr\"], momentum=0.9)",
               "adam": "torch.optim.Adam(model.parameters(), lr=c[\"lr\"])"}
# core.schedules.schedule_parameters as torch.optim.lr_scheduler (None: constant)
_SCHEDULES = {
    "constant": None,
    "step": "torch.optim.lr_scheduler.StepLR(opt, step_size=max(1, steps // 4), gamma=0.5)",
    "exponential": "torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.01 ** (1 / steps))",
    "cosine": "torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=steps)",
    "inverse_time": ("torch.optim.lr_scheduler.LambdaLR(opt, lambda j: 1 / (1 + 20 / steps "
                     "* j))"),
}


def capped_configs(values: dict) -> dict[str, TrainConfig]:
    """The runs the page trains: A (and B), with the steps the work cap leaves."""
    return {key: lab.capped(config) for key, config in lab.asked_configs(values).items()}


def config_items(config: TrainConfig) -> dict:
    """One run's settings, under the script's names."""
    return {"depth": config.depth, "width": config.width,
            "init": config.init, "gain": config.gain, "opt": config.optimizer,
            "lr": config.lr, "sched": config.schedule, "steps": config.steps,
            "clip": None if config.grad_clip is None else config.grad_clip_method,
            "thr": config.grad_clip, "wc": config.weight_clip, "bn": config.batch_norm,
            "res": config.residual, "seed": config.seed,
            **({} if config.switch is None else {"switch": {
                "at": config.switch.step, "kind": config.switch.kind,
                "value": config.switch.value}})}


def runs_source(configs: dict[str, TrainConfig]) -> str:
    """``A = {...}``, B as A's dict with what B changes, and ``RUNS``."""
    a = config_items(configs["A"])
    lines = ["A = " + _dict_source(a, "{")]
    if "B" in configs:
        changes = {k: v for k, v in config_items(configs["B"]).items() if a.get(k) != v}
        lines.append("B = " + _dict_source(changes, "{**A"))
    names = ", ".join(f'"{key}": {key}' for key in configs)
    return "\n".join([*lines, "RUNS = {" + names + "}"]) + "\n"


def _dict_source(items: dict, opening: str, width: int = 88) -> str:
    """A dict literal ``opening, "key": value, ...}`` wrapped under ``width`` characters."""
    parts = [f'"{key}": ' + _value_source(value) for key, value in items.items()]
    if opening != "{":
        parts.insert(0, opening[1:])
    lines, line = [], "{"
    for part in parts:
        piece = part if line == "{" else " " + part
        if len(line) + len(piece) + 1 > width:
            lines.append(line)
            line = "    " + part
        else:
            line += piece
        line += ","
    return "\n".join(lines + [line.rstrip(",") + "}"])


def _value_source(value) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f'"{k}": ' + _value_source(v) for k, v in value.items()) + "}"
    return f'"{value}"' if isinstance(value, str) else number(value)


SWITCH_CODE = '''def switch_(c, opt, scheduler):
    """B's mid-run switch, from this step's update on: clip by norm at the value, a new learning
    rate (a schedule goes on, scaled to it) or weight clipping at the value."""
    kind, value = c["switch"]["kind"], c["switch"]["value"]
    if kind == "lower_lr":
        scale = value / c["lr"]
        for group in opt.param_groups:
            group["lr"] *= scale
        if scheduler is not None:
            scheduler.base_lrs = [lr * scale for lr in scheduler.base_lrs]
        return {**c, "lr": value}
    return {**c, "clip": "norm", "thr": value} if kind == "clip_norm" else {**c, "wc": value}


'''
SWITCH_STEP = '''            if "switch" in c and step == c["switch"]["at"]:
                c = switch_(c, opt, scheduler)
'''


def _branches(options: dict, key: str, used: list[str], indent: str) -> str:
    """An if/elif chain over the used options of c[key] (one line when only one is used)."""
    used = list(dict.fromkeys(used))
    if len(used) == 1:
        return f"{indent}{options[used[0]]}"
    return "\n".join(f'{indent}{options[name]} if c["{key}"] == "{name}" else'
                     for name in used[:-1]) + f"\n{indent}{options[used[-1]]}"


def _scheduler(used: list[str]) -> str:
    shapes = {name: _SCHEDULES[name] or "None" for name in used}
    return "    scheduler = (\n" + _branches(shapes, "sched", used, "        ") + ")\n"


def _optimizer(used: list[str]) -> str:
    return "    opt = (\n" + _branches(_OPTIMIZERS, "opt", used, "        ") + ")\n"


def training_code(values: dict) -> str:
    """The lab's runs as a script that prints each run's final loss and accuracy."""
    configs = capped_configs(values)
    acts = {config.activation for config in configs.values()}
    act = ACTIVATION_MODULES[acts.pop()]
    listed = list(configs.values())
    switched = any(config.switch is not None for config in listed)
    optimizer = _optimizer([config.optimizer for config in listed])
    scheduler = _scheduler([config.schedule for config in listed])
    return (HEADER + f"POINTS, NOISE, BATCH = {number(lab.POINTS)}, {number(lab.NOISE)}, "
            f"{number(lab.BATCH)}\n"
            f"ACT = {act}\n"
            f"TOO_LARGE = {number(FLOAT32_MAX)}  # float32's largest: beyond it a run diverged\n"
            + runs_source(configs) + "\n\n"
            + init_function(config.init for config in listed) + f'''

def make_data(n, noise):
    """{values["data"]}: n points of two classes (n // 2 of class 0), with noise, shuffled."""
    a, b = n // 2, n - n // 2
{DATASET_CODE[values["data"]]}    x = x + noise * torch.randn(n, 2)
    y = torch.cat([torch.zeros(a), torch.ones(b)]).long()
    order = torch.randperm(n)
    return x[order], y[order]


class Net(torch.nn.Module):
    """Linear layers with biases (zero at the start), [BatchNorm1d], the activation, [a skip
    on every square hidden layer]; logits out."""

    def __init__(self, c):
        super().__init__()
        widths = [2] + [c["width"]] * (c["depth"] - 1) + [2]
        self.linears = torch.nn.ModuleList(
            torch.nn.Linear(i, o) for i, o in zip(widths[:-1], widths[1:]))
        for linear in self.linears:
            init_(linear.weight, c["init"], c["gain"])
            torch.nn.init.zeros_(linear.bias)
        self.norms = torch.nn.ModuleList(
            torch.nn.BatchNorm1d(n) if c["bn"] else torch.nn.Identity() for n in widths[1:-1])
        self.residual = c["res"]

    def forward(self, a):
        for layer, (linear, norm) in enumerate(zip(self.linears[:-1], self.norms)):
            branch = ACT(norm(linear(a)))
            a = a + branch if self.residual and layer > 0 else branch
        return self.linears[-1](a)


def clip_weights_(model, c):
    """Weight clipping: every weight and bias to [-c, c] (batch norm's are left alone)."""
    with torch.no_grad():
        for linear in model.linears:
            linear.weight.clamp_(-c, c)
            linear.bias.clamp_(-c, c)


{SWITCH_CODE if switched else ""}def train(name, c, x, y):
    torch.manual_seed(c["seed"])
    model, steps = Net(c), c["steps"]
{optimizer}{scheduler}    if c["wc"]:
        clip_weights_(model, c["wc"])
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y),
                                         batch_size=BATCH, shuffle=True, drop_last=True)
    step = 0
    while step < steps:  # a new shuffle every epoch
        for xb, yb in loader:
            step += 1
{SWITCH_STEP if switched else ""}            loss = torch.nn.functional.cross_entropy(model(xb), yb)
            opt.zero_grad()
            loss.backward()
            grads = [p.grad for p in model.parameters()]
            total = torch.stack([g.norm() for g in grads]).norm().item()
            if not abs(loss.item()) <= TOO_LARGE or not total <= TOO_LARGE:
                print(f"{{name}}: diverged at step:", step)
                return
            if c["clip"] == "norm":
                torch.nn.utils.clip_grad_norm_(model.parameters(), c["thr"])
            elif c["clip"] == "value":
                torch.nn.utils.clip_grad_value_(model.parameters(), c["thr"])
            opt.step()
            if scheduler is not None:
                scheduler.step()
            if c["wc"]:
                clip_weights_(model, c["wc"])
            if step == steps:
                break
    model.eval()  # batch norm: running statistics
    with torch.no_grad():
        logits = model(x)
    print(f"{{name}}: final loss:", torch.nn.functional.cross_entropy(logits, y).item())
    print(f"{{name}}: final accuracy (%):", 100 * (logits.argmax(1) == y).double().mean().item())


torch.manual_seed(A["seed"])  # one data set for every run
x, y = make_data(POINTS, NOISE)
for name, c in RUNS.items():
    train(name, c, x, y)
''')
