"""Training loop, events, metrics and the device choice."""
