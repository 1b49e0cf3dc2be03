"""The kinds of data source, one module each; :mod:`core.data.registry` lists them."""
