"""Each page's control table (``TABLE``): its controls, their defaults, and its presets."""
