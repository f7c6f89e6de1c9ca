"""Offline analysis of Chinese government speeches and work reports."""

__version__ = "0.1.0"
