"""twolevel: the model of Putnam's two-level games."""
