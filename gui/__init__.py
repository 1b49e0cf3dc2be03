"""The Qt layer of IMDB Sentiment Studio: it only draws and forwards to ``core``.

Nothing here imports TensorFlow at module level: the window must paint
before the seconds-long import happens, which is done on the worker thread
(or on first use of a model).
"""
