"""Chart builders: pure functions from a tidy DataFrame to an ``alt.Chart``."""
