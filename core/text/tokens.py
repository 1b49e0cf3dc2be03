"""The reserved indices of every vocabulary: light, so layers and readers need no TensorFlow."""

PAD_INDEX = 0
OOV_INDEX = 1
RESERVED = 2  # padding and out-of-vocabulary come before the first word
