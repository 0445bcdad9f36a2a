"""The links of the built site, where readers meet them."""
