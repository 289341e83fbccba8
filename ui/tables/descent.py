"""The gradient-descent page's controls and presets."""

from ui.control_table import ControlTable, Slider, Toggle

# one URL-bound checkbox per decaying schedule (constant is always drawn as the reference);
# checkboxes, not a select box: Streamlit binds a select box to its translated label, which
# would make links language-dependent
SCHEDULE_TOGGLES = {"step": "stp", "exponential": "exp", "cosine": "cos", "inverse_time": "inv"}

TABLE = ControlTable("descent", "gd.preset.", (
    # (a) one dimension
    Slider("lam", "gd.a.lam", 0.5, 10.0, 4.0, step=0.1, fmt="%.1f", help="gd.a.lam.help"),
    Slider("eta", "gd.a.eta", 0.0, 2.0, 0.4, step=0.005, fmt="%.3f", help="gd.a.eta.help"),
    Slider("x0", "gd.a.x0", -3.0, 3.0, 1.0, step=0.1, fmt="%.1f"),
    Slider("k", "gd.a.steps", 1, 100, 12),
    # (b) two dimensions
    Slider("L", "gd.b.L", 1.0, 50.0, 10.0, step=0.5, fmt="%.1f"),
    Slider("mu", "gd.b.mu", 0.1, 10.0, 1.0, step=0.1, fmt="%.1f"),
    Slider("frac", "gd.b.frac", 0.05, 1.2, 0.95, step=0.01, fmt="%.2f", help="gd.b.frac.help"),
    Slider("k2", "gd.b.steps", 5, 200, 40),
    # (c) schedules
    *(Toggle(key, f"gd.sched.{schedule}", default=True)
      for schedule, key in SCHEDULE_TOGGLES.items()),
    Slider("eta0", "gd.c.eta0", 0.1, 4.0, 3.0, step=0.05, fmt="%.2f", help="gd.c.eta0.help"),
    Slider("end", "gd.c.end", 0.01, 1.0, 0.05, step=0.01, fmt="%.2f", help="gd.c.end.help"),
    Slider("k3", "gd.c.steps", 10, 1000, 60),
), presets={
    "monotone": {"eta": 0.1},
    "one_step": {"eta": 0.25},
    "oscillating": {},
    "no_convergence": {"eta": 0.5},
    "lr_past_2_over_lambda": {"eta": 0.6, "k": 10},
    "ill_conditioned": {"L": 50.0, "mu": 0.5, "k2": 100},
    "decay_rescues": {"stp": False, "cos": False, "inv": False, "k3": 120},
})
