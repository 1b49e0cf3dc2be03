"""The reserved indices of every vocabulary, and where padding may go: light, so layers, readers and configs need no TensorFlow."""

PAD_INDEX = 0
OOV_INDEX = 1
RESERVED = 2  # padding and out-of-vocabulary come before the first word

#: Where a row's padding goes: in front of the words (the tutorial's), or after them.
PADDINGS = ("pre", "post")
