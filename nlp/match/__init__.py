"""Matching across documents: targets to results, directives to evidence, and the comparison built on them."""
